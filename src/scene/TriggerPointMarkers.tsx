import { useEffect, useMemo } from 'react';
import { Billboard } from '@react-three/drei';
import {
  Mesh,
  MeshBasicMaterial,
  SphereGeometry,
  TorusGeometry,
  type Intersection,
  type Raycaster,
  type Vector3,
} from 'three';
import { useAppStore } from '../state/store.ts';
import type { MuscleSide } from '../core/url-state.ts';
import { muscleKey, pointAlong, strandOf, type PreparedModel } from './prepareModel.ts';
import { markerRadius } from './modelData.ts';
import { sceneLabel, toPage } from './viewOutbox.ts';

export interface PlacedTriggerPoint {
  readonly id: string;
  readonly label: string;
  readonly position: Vector3;
  readonly compared: boolean;
}

/** Where each trigger point of a muscle sits on the model: `along` its strand. */
export function placeTriggerPoints(
  model: PreparedModel,
  pick: MuscleSide,
  points: readonly {
    id: string;
    label: string;
    at: { along: number; strand?: number | undefined };
  }[],
  compared: boolean,
): PlacedTriggerPoint[] {
  const entry = model.byKey.get(muscleKey(pick.muscle, pick.side));
  if (!entry || entry.strands.length === 0) return [];
  return points.map((point) => {
    const strand = strandOf(entry.strands, point.at.strand) ?? [];
    return {
      id: point.id,
      label: point.label,
      position: pointAlong(strand, point.at.along),
      compared,
    };
  });
}

const markerGeometry = new SphereGeometry(markerRadius, 12, 8);
const ringGeometry = new TorusGeometry(0.017, 0.0035, 6, 20);

/** Markers always win the pick: they sit inside the muscle they belong to. */
const frontmostRaycast = function (this: Mesh, raycaster: Raycaster, hits: Intersection[]): void {
  const before = hits.length;
  Mesh.prototype.raycast.call(this, raycaster, hits);
  for (let i = before; i < hits.length; i++) hits[i]!.distance = 0;
};

export function TriggerPointMarkers({ model }: { model: PreparedModel }) {
  const selection = useAppStore((s) => s.selection);
  const compare = useAppStore((s) => s.compare);
  const trp = useAppStore((s) => s.trp);
  const dataset = useAppStore((s) => s.dataset);
  const materials = useMemo(
    () => ({
      point: new MeshBasicMaterial({ color: '#ffd400', depthTest: false, transparent: true }),
      chosen: new MeshBasicMaterial({ color: '#ffffff', depthTest: false, transparent: true }),
      compared: new MeshBasicMaterial({ color: '#56b4e9', depthTest: false, transparent: true }),
      ring: new MeshBasicMaterial({ color: '#1a1a1a', depthTest: false, transparent: true }),
    }),
    [],
  );

  const placed = useMemo(() => {
    if (!dataset) return [];
    const out: PlacedTriggerPoint[] = [];
    for (const [pick, compared] of [
      [selection, false],
      [compare, true],
    ] as const) {
      const record = pick ? dataset.muscles.get(pick.muscle) : undefined;
      if (pick && record)
        out.push(...placeTriggerPoints(model, pick, record.triggerPoints, compared));
    }
    return out;
  }, [dataset, model, selection, compare]);

  // clicks are answered outside the view (clickPicker.ts): it needs to know where the markers are
  useEffect(() => {
    toPage({
      type: 'markers',
      markers: placed.map((point) => ({
        id: point.id,
        compared: point.compared,
        position: point.position.toArray(),
      })),
    });
  }, [placed]);

  return (
    <group name="trigger-points">
      {placed.map((point) => (
        <group key={`${point.compared ? 'c' : 's'}:${point.id}`} position={point.position}>
          <mesh
            geometry={markerGeometry}
            material={
              point.compared
                ? materials.compared
                : trp === point.id
                  ? materials.chosen
                  : materials.point
            }
            renderOrder={10}
            raycast={frontmostRaycast}
            onPointerMove={(event) => {
              event.stopPropagation();
              sceneLabel.show({
                kind: 'text',
                text: `Trigger point: ${point.label}`,
                x: event.nativeEvent.clientX,
                y: event.nativeEvent.clientY,
              });
            }}
            onPointerOut={() => sceneLabel.hide()}
          />
          <Billboard>
            <mesh
              geometry={ringGeometry}
              material={materials.ring}
              renderOrder={9}
              raycast={() => {}}
            />
          </Billboard>
        </group>
      ))}
    </group>
  );
}

/**
 * The trigger points of the selected (and compared) muscle, as two instanced meshes made once: a
 * sphere per point and a ring around it that faces the camera. A selection rewrites their
 * instances from a store subscription, as the body's buffers are (BodyModel.tsx), so selecting
 * mounts no React components: in the view's worker that path ran React's and drei's mounting
 * code on every selection, about 430 KB of the worker's heap growth over 500 selections.
 */
import { useLayoutEffect, useMemo, useRef } from 'react';
import { useFrame, useThree, type ThreeEvent } from '@react-three/fiber';
import {
  Color,
  InstancedBufferAttribute,
  InstancedMesh,
  Matrix4,
  MeshBasicMaterial,
  Quaternion,
  SphereGeometry,
  TorusGeometry,
  Vector3,
  type Camera,
  type Intersection,
  type Raycaster,
} from 'three';
import { useAppStore, type AppState } from '../state/store.ts';
import type { Dataset } from '../core/assemble.ts';
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

/** Marker colours: a point, the point chosen in the panel, a point of the compared muscle. */
const colours = {
  point: new Color('#ffd400'),
  chosen: new Color('#ffffff'),
  compared: new Color('#56b4e9'),
} as const;

/** Drawn over the body, never hidden by it: the markers sit inside their muscle. */
function markerMaterial(color: string): MeshBasicMaterial {
  return new MeshBasicMaterial({ color, depthTest: false, transparent: true });
}

/** Markers always win the pick: they sit inside the muscle they belong to. */
const frontmostRaycast = function (
  this: InstancedMesh,
  raycaster: Raycaster,
  hits: Intersection[],
): void {
  const before = hits.length;
  InstancedMesh.prototype.raycast.call(this, raycaster, hits);
  for (let i = before; i < hits.length; i++) hits[i]!.distance = 0;
};

/** Room for the muscle with the most trigger points, selected and compared. */
function markerCapacity(dataset: Dataset | null): number {
  let most = 1;
  for (const record of dataset?.muscles.values() ?? []) {
    most = Math.max(most, record.triggerPoints.length);
  }
  return 2 * most;
}

/** A mesh of `capacity` instances with a colour each, drawing none until told how many. */
function instanced(
  geometry: SphereGeometry | TorusGeometry,
  material: MeshBasicMaterial,
  capacity: number,
): InstancedMesh {
  const mesh = new InstancedMesh(geometry, material, capacity);
  // made now, not by the first setColorAt: the shader with instance colours is the one warmed up
  mesh.instanceColor = new InstancedBufferAttribute(new Float32Array(capacity * 3).fill(1), 3);
  mesh.count = 0;
  // instances move with every selection; the bounds three computes once would go stale
  mesh.frustumCulled = false;
  return mesh;
}

/** The trigger points to show for this state: the selection's, then the compared muscle's. */
function placedFor(model: PreparedModel, state: AppState): PlacedTriggerPoint[] {
  const out: PlacedTriggerPoint[] = [];
  if (!state.dataset) return out;
  for (const [pick, compared] of [
    [state.selection, false],
    [state.compare, true],
  ] as const) {
    const record = pick ? state.dataset.muscles.get(pick.muscle) : undefined;
    if (pick && record)
      out.push(...placeTriggerPoints(model, pick, record.triggerPoints, compared));
  }
  return out;
}

const matrix = new Matrix4();
const unitScale = new Vector3(1, 1, 1);
const noTurn = new Quaternion();

function writeSpheres(
  mesh: InstancedMesh,
  placed: readonly PlacedTriggerPoint[],
  trp: string | null,
) {
  mesh.count = Math.min(placed.length, mesh.instanceMatrix.count);
  for (let i = 0; i < mesh.count; i++) {
    const point = placed[i]!;
    mesh.setMatrixAt(i, matrix.compose(point.position, noTurn, unitScale));
    const colour = point.compared
      ? colours.compared
      : trp === point.id
        ? colours.chosen
        : colours.point;
    mesh.setColorAt(i, colour);
  }
  mesh.instanceMatrix.needsUpdate = true;
  if (mesh.instanceColor) mesh.instanceColor.needsUpdate = true;
  // the raycast tests this sphere first, and three computes it only once
  mesh.computeBoundingSphere();
}

/** Each ring turned as the camera is, so it shows as a circle around its point. */
function writeRings(mesh: InstancedMesh, placed: readonly PlacedTriggerPoint[], camera: Camera) {
  mesh.count = Math.min(placed.length, mesh.instanceMatrix.count);
  for (let i = 0; i < mesh.count; i++) {
    mesh.setMatrixAt(i, matrix.compose(placed[i]!.position, camera.quaternion, unitScale));
  }
  mesh.instanceMatrix.needsUpdate = true;
}

export function TriggerPointMarkers({ model }: { model: PreparedModel }) {
  const dataset = useAppStore((s) => s.dataset);
  const camera = useThree((s) => s.camera);
  const invalidate = useThree((s) => s.invalidate);
  const meshes = useMemo(() => {
    const capacity = markerCapacity(dataset);
    const spheres = instanced(markerGeometry, markerMaterial('#ffffff'), capacity);
    spheres.renderOrder = 10;
    spheres.raycast = frontmostRaycast;
    const rings = instanced(ringGeometry, markerMaterial('#1a1a1a'), capacity);
    rings.renderOrder = 9;
    rings.raycast = () => {};
    return { spheres, rings };
  }, [dataset]);
  const placed = useRef<readonly PlacedTriggerPoint[]>([]);
  // the camera the rings were last turned to (it is compared each frame, not each selection)
  const ringTurn = useRef(new Quaternion());

  useLayoutEffect(() => {
    const apply = (state: AppState, previous: AppState | null) => {
      const moved =
        !previous ||
        state.selection !== previous.selection ||
        state.compare !== previous.compare ||
        state.dataset !== previous.dataset;
      if (!moved && state.trp === previous.trp) return;
      if (moved) {
        placed.current = placedFor(model, state);
        writeRings(meshes.rings, placed.current, camera);
        ringTurn.current.copy(camera.quaternion);
        // clicks are answered outside the view (clickPicker.ts): it needs to know where they are
        toPage({
          type: 'markers',
          markers: placed.current.map((point) => ({
            id: point.id,
            compared: point.compared,
            position: point.position.toArray(),
          })),
        });
      }
      writeSpheres(meshes.spheres, placed.current, state.trp);
      invalidate();
    };
    apply(useAppStore.getState(), null);
    return useAppStore.subscribe(apply);
  }, [model, meshes, camera, invalidate]);

  useLayoutEffect(
    () => () => {
      for (const mesh of [meshes.spheres, meshes.rings]) {
        mesh.dispose();
        (mesh.material as MeshBasicMaterial).dispose();
      }
    },
    [meshes],
  );

  // a turning camera turns the rings with it (useFrame runs before each frame's render)
  useFrame(() => {
    if (placed.current.length === 0 || ringTurn.current.equals(camera.quaternion)) return;
    writeRings(meshes.rings, placed.current, camera);
    ringTurn.current.copy(camera.quaternion);
  });

  const onPointerMove = (event: ThreeEvent<PointerEvent>) => {
    event.stopPropagation();
    const point = event.instanceId === undefined ? undefined : placed.current[event.instanceId];
    if (!point) return;
    sceneLabel.show({
      kind: 'text',
      text: `Trigger point: ${point.label}`,
      x: event.nativeEvent.clientX,
      y: event.nativeEvent.clientY,
    });
  };

  return (
    <group name="trigger-points">
      <primitive
        object={meshes.spheres}
        onPointerMove={onPointerMove}
        onPointerOut={() => sceneLabel.hide()}
      />
      <primitive object={meshes.rings} />
    </group>
  );
}

import { useEffect, useLayoutEffect, useRef } from 'react';
import { useThree, type ThreeEvent } from '@react-three/fiber';
import { Mesh, type MeshLambertMaterial, type Intersection, type Raycaster } from 'three';
import { acceleratedRaycast } from 'three-mesh-bvh';
import { useAppStore, type AppState } from '../state/store.ts';
import { referralIntensities } from '../core/referral.ts';
import { shownMapLayer, type MuscleSide } from '../core/url-state.ts';
import { overlayAreas } from '../core/nerveOverlay.ts';
import { loadNerveMaps } from '../state/nerveMaps.ts';
import { getBodyMaterials } from './materials.ts';
import { muscleKey, type MuscleLayer, type PreparedModel } from './prepareModel.ts';
import { muscleAtVertex } from './modelData.ts';
import { paintZones } from './zones.ts';
import { paintOverlay } from './overlay.ts';
import { setSceneModel } from './sceneModel.ts';
import { askPage, sceneLabel } from './viewOutbox.ts';
import { viewPointer } from './pointerTarget.ts';
import { TriggerPointMarkers } from './TriggerPointMarkers.tsx';

const noRaycast = (): void => {};
const bvhRaycast = function (this: Mesh, raycaster: Raycaster, hits: Intersection[]): void {
  acceleratedRaycast.call(this, raycaster, hits);
};

function muscleAt(
  layer: MuscleLayer,
  event: ThreeEvent<PointerEvent | MouseEvent>,
): MuscleSide | null {
  const vertex = event.face?.a;
  if (vertex === undefined) return null;
  const entry = muscleAtVertex(layer.muscles, layer.muscleOfVertex, vertex);
  return entry ? { muscle: entry.muscle, side: entry.side } : null;
}

function sameMuscle(a: MuscleSide | null, muscle: string, side: string): boolean {
  return a !== null && a.muscle === muscle && a.side === side;
}

/** Last written state per muscle entry, so a selection change refills only what changed. */
const writtenStates = new WeakMap<PreparedModel, Float32Array>();

/** Per-vertex muscle state: hover, selected, compared, or dimmed behind a selection. */
function writeMuscleStates(model: PreparedModel, state: AppState): void {
  let written = writtenStates.get(model);
  if (!written) {
    written = new Float32Array(model.muscles.length).fill(-1);
    writtenStates.set(model, written);
  }
  for (const layer of Object.values(model.layers)) {
    const values = layer.state.array as Float32Array;
    let changed = false;
    for (const entry of layer.muscles) {
      let value = 0;
      if (sameMuscle(state.selection, entry.muscle, entry.side)) value = 2;
      else if (sameMuscle(state.compare, entry.muscle, entry.side)) value = 3;
      else if (sameMuscle(state.hover, entry.muscle, entry.side)) value = 1;
      else if (state.selection && state.mode === 'explore') value = 4;
      if (written[entry.index] === value) continue;
      written[entry.index] = value;
      values.fill(value, entry.vertexStart, entry.vertexStart + entry.vertexCount);
      changed = true;
    }
    if (changed) layer.state.needsUpdate = true;
  }
}

function zonesFor(
  state: AppState,
  pick: MuscleSide | null,
  trp: string | null,
): Map<string, number> {
  const dataset = state.dataset;
  const record = pick ? dataset?.muscles.get(pick.muscle) : undefined;
  if (!dataset || !pick || !record) return new Map();
  return referralIntensities(record, pick.side, dataset.regions, trp);
}

function writeZones(model: PreparedModel, state: AppState): void {
  paintZones(model.skin, {
    referral: zonesFor(state, state.selection, state.trp),
    compare: zonesFor(state, state.compare, null),
    pain: new Set(state.mode === 'pain' || state.painSpots.length > 0 ? state.painSpots : []),
  });
}

/** The nerve map layer the skin shows now (null: none). */
let drawnMapLayer: string | null = null;

/** The layers ask for a nerve map the skin does not show yet (its maps are loading). */
export function mapLayerPending(state: AppState): boolean {
  return shownMapLayer(state.layers) !== drawnMapLayer;
}

/**
 * Draws the chosen nerve map layer on the skin, or none; the maps load on first use, and `drawn`
 * asks for a frame once the layer is painted.
 */
function showMapLayer(model: PreparedModel, state: AppState, drawn: () => void): void {
  const kind = shownMapLayer(state.layers);
  const uniform = getBodyMaterials().skin.uniforms.uOverlay;
  if (!kind) {
    uniform.value = 0;
    drawnMapLayer = null;
    return;
  }
  loadNerveMaps().then(
    (maps) => {
      // the layer may have changed while the maps loaded
      if (shownMapLayer(useAppStore.getState().layers) !== kind) return;
      paintOverlay(model.skin, kind, overlayAreas(maps, kind));
      uniform.value = 1;
      drawnMapLayer = kind;
      drawn();
    },
    () => {
      // the maps' chunk could not load: the skin stays bare, and a later choice tries again
      drawnMapLayer = kind;
      drawn();
    },
  );
}

/** A selected deep muscle shows through the superficial layer, which turns to a faint ghost. */
function ghostSuperficial(
  material: MeshLambertMaterial,
  model: PreparedModel,
  state: AppState,
): void {
  const pick = state.selection;
  const deepPick =
    pick !== null && model.byKey.get(muscleKey(pick.muscle, pick.side))?.layer === 'D';
  const ghost = deepPick && state.mode === 'explore';
  if (material.transparent === ghost) return;
  material.transparent = ghost;
  material.opacity = ghost ? 0.22 : 1;
  material.depthWrite = !ghost;
  material.needsUpdate = true;
}

export function BodyModel({ model }: { readonly model: PreparedModel }) {
  const invalidate = useThree((s) => s.invalidate);
  const controls = useThree((s) => s.controls) as { enabled: boolean } | null;
  const layers = useAppStore((s) => s.layers);
  const mode = useAppStore((s) => s.mode);
  const { muscle: muscleMaterials, skin, skeleton: skeletonMaterial } = getBodyMaterials();
  // the regions this stroke has painted: the page decides adding or removing from the first
  const stroke = useRef<Set<string> | null>(null);

  useLayoutEffect(() => {
    // layout effects: the model, its buffers and the camera are set before the first frame draws
    setSceneModel(model);
    return () => setSceneModel(null);
  }, [model]);

  // The scene follows the store by mutating buffers, not by re-rendering React.
  useLayoutEffect(() => {
    const apply = (state: AppState, previous: AppState | null) => {
      if (
        !previous ||
        state.selection !== previous.selection ||
        state.compare !== previous.compare ||
        state.hover !== previous.hover ||
        state.mode !== previous.mode
      ) {
        writeMuscleStates(model, state);
      }
      if (
        !previous ||
        state.selection !== previous.selection ||
        state.compare !== previous.compare ||
        state.trp !== previous.trp ||
        state.painSpots !== previous.painSpots ||
        state.mode !== previous.mode ||
        state.dataset !== previous.dataset
      ) {
        writeZones(model, state);
      }
      if (!previous || state.layers !== previous.layers) showMapLayer(model, state, invalidate);
      ghostSuperficial(muscleMaterials.S, model, state);
      invalidate();
    };
    apply(useAppStore.getState(), null);
    return useAppStore.subscribe(apply);
  }, [model, invalidate, muscleMaterials]);

  useLayoutEffect(() => {
    // translucent skin over muscles while exploring; an opaque body to mark pain on
    skin.uniforms.uSkinAlpha.value = mode === 'pain' ? 1 : layers.skin ? 0.28 : 0;
    skin.material.depthWrite = mode === 'pain';
    invalidate();
  }, [layers.skin, mode, skin, invalidate]);

  const exploring = mode === 'explore';

  const onMuscleMove = (layer: MuscleLayer) => (event: ThreeEvent<PointerEvent>) => {
    event.stopPropagation();
    const hit = muscleAt(layer, event);
    useAppStore.getState().setHover(hit);
    sceneLabel.show({
      kind: 'muscle',
      hit,
      x: event.nativeEvent.clientX,
      y: event.nativeEvent.clientY,
    });
  };
  const onMuscleOut = () => {
    useAppStore.getState().setHover(null);
    sceneLabel.hide();
  };

  const regionAt = (event: ThreeEvent<PointerEvent>): string | null => {
    const vertex = event.face?.a;
    if (vertex === undefined) return null;
    return model.skin.regions[model.skin.regionOfVertex[vertex] ?? 0] ?? null;
  };
  const onSkinDown = (event: ThreeEvent<PointerEvent>) => {
    event.stopPropagation();
    const region = regionAt(event);
    if (!region) return;
    stroke.current = new Set([region]);
    if (controls) controls.enabled = false;
    askPage({ name: 'paint', args: [region, true] });
  };
  const onSkinMove = (event: ThreeEvent<PointerEvent>) => {
    const region = regionAt(event);
    sceneLabel.show({
      kind: 'region',
      region,
      x: event.nativeEvent.clientX,
      y: event.nativeEvent.clientY,
    });
    if (!stroke.current || !region) return;
    event.stopPropagation();
    if (stroke.current.has(region)) return;
    stroke.current.add(region);
    askPage({ name: 'paint', args: [region, false] });
  };
  const endPainting = () => {
    stroke.current = null;
    if (controls) controls.enabled = true;
  };
  // the page holds the pointer capture, so the release reaches the view even off the body
  useEffect(() => {
    viewPointer.addEventListener('pointerup', endPainting);
    return () => viewPointer.removeEventListener('pointerup', endPainting);
  });

  const muscleLayer = (layer: MuscleLayer, visible: boolean) => (
    <mesh
      key={layer.layer}
      name={`layer-${layer.layer}`}
      renderOrder={layer.layer === 'S' ? -2 : -1}
      geometry={layer.geometry}
      material={muscleMaterials[layer.layer]}
      visible={visible}
      raycast={visible && exploring ? bvhRaycast : noRaycast}
      onPointerMove={onMuscleMove(layer)}
      onPointerOut={onMuscleOut}
    />
  );

  return (
    <group>
      <mesh
        name="skeleton"
        geometry={model.skeleton}
        material={skeletonMaterial}
        visible={layers.skeleton}
        raycast={layers.skeleton && exploring ? bvhRaycast : noRaycast}
      />
      {muscleLayer(model.layers.D, layers.deep)}
      {muscleLayer(model.layers.S, layers.superficial)}
      <TriggerPointMarkers model={model} />
      <mesh
        name="skin"
        geometry={model.skin.geometry}
        material={skin.material}
        renderOrder={2}
        raycast={exploring ? noRaycast : bvhRaycast}
        onPointerDown={onSkinDown}
        onPointerMove={onSkinMove}
        onPointerOut={() => sceneLabel.hide()}
      />
    </group>
  );
}

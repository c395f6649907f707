import { useEffect, useRef } from 'react';
import { OrbitControls } from '@react-three/drei';
import { useFrame, useThree } from '@react-three/fiber';
import { Box3, PerspectiveCamera, Vector3 } from 'three';
import type { OrbitControls as OrbitControlsImpl } from 'three-stdlib';
import { useAppStore, type AppState } from '../state/store.ts';
import { referralIntensities } from '../core/referral.ts';
import type { ViewPreset } from '../core/url-state.ts';
import { muscleKey, type PreparedModel } from './prepareModel.ts';
import { getSceneModel, onSceneModel } from './sceneModel.ts';

/** Unit vectors from the target towards the camera, in the body frame (+Z front, +X left). */
export const presetDirections: Record<ViewPreset, Vector3> = {
  front: new Vector3(0, 0.08, 1).normalize(),
  back: new Vector3(0, 0.08, -1).normalize(),
  left: new Vector3(1, 0.08, 0).normalize(),
  right: new Vector3(-1, 0.08, 0).normalize(),
};

const bodyCenter = new Vector3(0, 0.92, 0);
const bodyHeight = 1.8;

/** The preset that shows a muscle and its zones best: the side they face the most. */
export function bestView(model: PreparedModel, state: AppState): ViewPreset {
  const pick = state.selection;
  const entry = pick ? model.byKey.get(muscleKey(pick.muscle, pick.side)) : undefined;
  if (!entry) return 'front';
  const facing = entry.facing.clone().multiplyScalar(2);
  const record = state.dataset?.muscles.get(entry.muscle);
  if (record && state.dataset) {
    for (const [region, weight] of referralIntensities(record, entry.side, state.dataset.regions)) {
      const index = model.skin.regions.indexOf(region);
      const center = model.skin.regionCenters[index];
      if (!center) continue;
      // a zone's outward direction, roughly: away from the body axis at its height
      facing.add(new Vector3(center.x, 0, center.z).normalize().multiplyScalar(weight));
    }
  }
  let best: ViewPreset = 'front';
  let bestDot = -Infinity;
  for (const [view, direction] of Object.entries(presetDirections) as [ViewPreset, Vector3][]) {
    const dot = facing.dot(direction);
    if (dot > bestDot) [best, bestDot] = [view, dot];
  }
  return best;
}

/** The box that frames the selection and its referral zones, or null for the whole body. */
function selectionBox(model: PreparedModel, state: AppState): Box3 | null {
  const pick = state.selection;
  const entry = pick ? model.byKey.get(muscleKey(pick.muscle, pick.side)) : undefined;
  if (!entry || !pick) return null;
  const box = entry.box.clone();
  const record = state.dataset?.muscles.get(pick.muscle);
  if (record && state.dataset) {
    for (const region of referralIntensities(record, pick.side, state.dataset.regions).keys()) {
      const zone = model.skin.regionBoxes[model.skin.regions.indexOf(region)];
      if (zone && !zone.isEmpty()) box.union(zone);
    }
  }
  return box.expandByScalar(0.05);
}

function cameraGoal(
  camera: PerspectiveCamera,
  view: ViewPreset,
  box: Box3 | null,
): { position: Vector3; target: Vector3 } {
  const target = box ? box.getCenter(new Vector3()) : bodyCenter.clone();
  const size = box ? box.getSize(new Vector3()) : new Vector3(0.8, bodyHeight, 0.3);
  const halfFov = (camera.fov * Math.PI) / 360;
  const fitHeight = size.y / 2 / Math.tan(halfFov);
  const fitWidth = Math.max(size.x, size.z) / 2 / (Math.tan(halfFov) * camera.aspect);
  const distance = Math.min(6, Math.max(1.3, Math.max(fitHeight, fitWidth) * 1.3 + size.z));
  return { position: target.clone().addScaledVector(presetDirections[view], distance), target };
}

const tweenMs = 450;

export function CameraRig() {
  const camera = useThree((s) => s.camera) as PerspectiveCamera;
  const invalidate = useThree((s) => s.invalidate);
  const controls = useRef<OrbitControlsImpl | null>(null);
  const tween = useRef<{
    from: Vector3;
    fromTarget: Vector3;
    to: Vector3;
    toTarget: Vector3;
    start: number;
  } | null>(null);

  useEffect(() => {
    let lastRequest = -1;
    const move = (state: AppState, instant: boolean) => {
      const model = getSceneModel();
      const orbit = controls.current;
      if (!model || !orbit || state.cameraRequest === lastRequest) return;
      lastRequest = state.cameraRequest;
      const view = state.view ?? bestView(model, state);
      const goal = cameraGoal(camera, view, selectionBox(model, state));
      const reduced = window.matchMedia?.('(prefers-reduced-motion: reduce)').matches ?? false;
      if (instant || reduced) {
        camera.position.copy(goal.position);
        orbit.target.copy(goal.target);
        orbit.update();
        tween.current = null;
      } else {
        tween.current = {
          from: camera.position.clone(),
          fromTarget: orbit.target.clone(),
          to: goal.position,
          toTarget: goal.target,
          start: performance.now(),
        };
      }
      invalidate();
    };
    const unsubscribeModel = onSceneModel(() => move(useAppStore.getState(), true));
    move(useAppStore.getState(), true);
    const unsubscribeStore = useAppStore.subscribe((state) => move(state, false));
    return () => {
      unsubscribeModel();
      unsubscribeStore();
    };
  }, [camera, invalidate]);

  useFrame(() => {
    const active = tween.current;
    const orbit = controls.current;
    if (!active || !orbit) return;
    const t = Math.min(1, (performance.now() - active.start) / tweenMs);
    const eased = t * t * (3 - 2 * t);
    camera.position.lerpVectors(active.from, active.to, eased);
    orbit.target.lerpVectors(active.fromTarget, active.toTarget, eased);
    orbit.update();
    if (t < 1) invalidate();
    else tween.current = null;
  });

  return (
    <OrbitControls
      ref={controls}
      makeDefault
      enableDamping={false}
      minDistance={0.35}
      maxDistance={7}
      target={bodyCenter}
    />
  );
}

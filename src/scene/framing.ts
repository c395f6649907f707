/**
 * Where the camera goes: preset directions, the view that shows a muscle and its zones best, and
 * the distance that frames them. Plain functions shared by the camera rig and image capture.
 */
import { Box3, PerspectiveCamera, Vector3 } from 'three';
import type { AppState } from '../state/store.ts';
import { referralIntensities } from '../core/referral.ts';
import { viewPresets, type ViewPreset } from '../core/url-state.ts';
import { muscleKey, type PreparedModel } from './prepareModel.ts';

/** Unit vectors from the target towards the camera, in the body frame (+Z front, +X left). */
export const presetDirections: Record<ViewPreset, Vector3> = {
  front: new Vector3(0, 0.08, 1).normalize(),
  back: new Vector3(0, 0.08, -1).normalize(),
  left: new Vector3(1, 0.08, 0).normalize(),
  right: new Vector3(-1, 0.08, 0).normalize(),
};

export const bodyCenter = new Vector3(0, 0.92, 0);
const bodyHeight = 1.8;

/** A region's outward direction, roughly: away from the body's long axis at its height. */
function regionOutward(model: PreparedModel, region: string): Vector3 | null {
  const center = model.skin.regionCenters[model.skin.regions.indexOf(region)];
  return center ? new Vector3(center.x, 0, center.z).normalize() : null;
}

/** How much of the selection's referral each preset faces (0 where it sees none of it). */
export function zoneViewScores(model: PreparedModel, state: AppState): Map<ViewPreset, number> {
  const scores = new Map<ViewPreset, number>(viewPresets.map((view) => [view, 0]));
  const pick = state.selection;
  const record = pick ? state.dataset?.muscles.get(pick.muscle) : undefined;
  if (!pick || !record || !state.dataset) return scores;
  const zones = referralIntensities(record, pick.side, state.dataset.regions, state.trp);
  for (const [region, weight] of zones) {
    const outward = regionOutward(model, region);
    if (!outward) continue;
    for (const view of viewPresets) {
      const facing = Math.max(0, outward.dot(presetDirections[view]));
      scores.set(view, (scores.get(view) ?? 0) + weight * facing);
    }
  }
  return scores;
}

/** The presets that show a real share of the zones, best first (at most `limit`). */
export function viewsShowingZones(model: PreparedModel, state: AppState, limit = 2): ViewPreset[] {
  const ranked = [...zoneViewScores(model, state)].sort((a, b) => b[1] - a[1]);
  const top = ranked[0]?.[1] ?? 0;
  if (top <= 0) return [bestView(model, state)];
  return ranked
    .filter(([, score]) => score >= top * 0.35)
    .slice(0, limit)
    .map(([view]) => view);
}

/** The preset that shows a muscle and its zones best: the side they face the most. */
export function bestView(model: PreparedModel, state: AppState): ViewPreset {
  const pick = state.selection;
  const entry = pick ? model.byKey.get(muscleKey(pick.muscle, pick.side)) : undefined;
  if (!entry) return 'front';
  const facing = entry.facing.clone().multiplyScalar(2);
  const record = state.dataset?.muscles.get(entry.muscle);
  if (record && state.dataset) {
    for (const [region, weight] of referralIntensities(record, entry.side, state.dataset.regions)) {
      const outward = regionOutward(model, region);
      if (outward) facing.addScaledVector(outward, weight);
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
export function selectionBox(model: PreparedModel, state: AppState): Box3 | null {
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

export function cameraGoal(
  camera: PerspectiveCamera,
  view: ViewPreset,
  box: Box3 | null,
): { position: Vector3; target: Vector3 } {
  const target = box ? box.getCenter(new Vector3()) : bodyCenter.clone();
  const size = box ? box.getSize(new Vector3()) : new Vector3(0.8, bodyHeight, 0.3);
  const halfFov = (camera.fov * Math.PI) / 360;
  const fitHeight = size.y / 2 / Math.tan(halfFov);
  const fitWidth = Math.max(size.x, size.z) / 2 / (Math.tan(halfFov) * camera.aspect);
  const distance = Math.min(
    6,
    Math.max(1.3, Math.max(fitHeight, fitWidth) * (box ? 1.3 : 1.02) + size.z),
  );
  return { position: target.clone().addScaledVector(presetDirections[view], distance), target };
}

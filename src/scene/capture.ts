/**
 * Images of the body for export and the handout: the current view as it is, or the selection
 * framed from each preset that shows its referral. The live camera is restored afterwards.
 */
import { PerspectiveCamera } from 'three';
import { useAppStore } from '../state/store.ts';
import type { ViewPreset } from '../core/url-state.ts';
import { cameraGoal, selectionBox, viewsShowingZones } from './framing.ts';
import { getSceneModel, getSceneView } from './sceneModel.ts';

export interface CapturedView {
  readonly view: ViewPreset;
  readonly dataUrl: string;
}

/** The canvas as drawn right now, as a PNG data URL (null without a 3D view). */
export function captureCurrent(): string | null {
  const view = getSceneView();
  if (!view) return null;
  view.render();
  return view.canvas.toDataURL('image/png');
}

/** The selection and its zones from the views that show them (at most two). */
export function captureReferralViews(): CapturedView[] {
  const view = getSceneView();
  const model = getSceneModel();
  const state = useAppStore.getState();
  if (!view || !model || !(view.camera instanceof PerspectiveCamera)) return [];
  const camera = view.camera;
  const saved = { position: camera.position.clone(), quaternion: camera.quaternion.clone() };
  const box = selectionBox(model, state);
  const images: CapturedView[] = [];
  try {
    for (const preset of viewsShowingZones(model, state)) {
      const goal = cameraGoal(camera, preset, box);
      camera.position.copy(goal.position);
      camera.lookAt(goal.target);
      camera.updateMatrixWorld();
      view.render();
      images.push({ view: preset, dataUrl: view.canvas.toDataURL('image/png') });
    }
  } finally {
    camera.position.copy(saved.position);
    camera.quaternion.copy(saved.quaternion);
    camera.updateMatrixWorld();
    view.render();
  }
  return images;
}

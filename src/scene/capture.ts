/**
 * Images of the body for export and the handout, drawn in the view: the current view as it is, or
 * the selection framed from each preset that shows its referral. The live camera is restored
 * afterwards.
 */
import { PerspectiveCamera } from 'three';
import { useAppStore } from '../state/store.ts';
import type { CapturedImage } from './viewProtocol.ts';
import { cameraGoal, selectionBox, viewsShowingZones } from './framing.ts';
import { getSceneModel, getSceneView, type SceneView } from './sceneModel.ts';

/** The canvas as just drawn, as PNG (read in the same task as the draw, before it is cleared). */
function png(canvas: SceneView['canvas']): Promise<Blob> {
  if ('convertToBlob' in canvas) return canvas.convertToBlob({ type: 'image/png' });
  return new Promise((resolve, reject) =>
    canvas.toBlob(
      (blob) => (blob ? resolve(blob) : reject(new Error('the canvas gave no image'))),
      'image/png',
    ),
  );
}

/** The current view, drawn now (null without a 3D view). */
export async function captureCurrent(): Promise<Blob | null> {
  const view = getSceneView();
  if (!view) return null;
  view.render();
  return png(view.canvas);
}

/** The current view drawn now, as a bitmap (for tests that count its colours). */
export async function snapshot(): Promise<ImageBitmap | null> {
  const view = getSceneView();
  if (!view) return null;
  view.render();
  return createImageBitmap(view.canvas);
}

/** The selection and its zones from the views that show them (at most two). */
export async function captureReferralViews(): Promise<CapturedImage[]> {
  const view = getSceneView();
  const model = getSceneModel();
  const state = useAppStore.getState();
  if (!view || !model || !(view.camera instanceof PerspectiveCamera)) return [];
  const camera = view.camera;
  const saved = { position: camera.position.clone(), quaternion: camera.quaternion.clone() };
  const box = selectionBox(model, state);
  const pending: { view: string; image: Promise<Blob> }[] = [];
  try {
    for (const preset of viewsShowingZones(model, state)) {
      const goal = cameraGoal(camera, preset, box);
      camera.position.copy(goal.position);
      camera.lookAt(goal.target);
      camera.updateMatrixWorld();
      view.render();
      // the image is taken when asked for, before the next draw
      pending.push({ view: preset, image: png(view.canvas) });
    }
  } finally {
    camera.position.copy(saved.position);
    camera.quaternion.copy(saved.quaternion);
    camera.updateMatrixWorld();
    view.render();
  }
  return Promise.all(pending.map(async ({ view, image }) => ({ view, image: await image })));
}

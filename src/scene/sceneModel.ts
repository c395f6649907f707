/**
 * The prepared model, held outside React so the camera rig, the test hooks and the bench can
 * reach it without re-rendering anything.
 */
import type { PreparedModel } from './prepareModel.ts';

let current: PreparedModel | null = null;
const listeners = new Set<(model: PreparedModel | null) => void>();

export function setSceneModel(model: PreparedModel | null): void {
  current = model;
  for (const listener of listeners) listener(model);
}

export function getSceneModel(): PreparedModel | null {
  return current;
}

export function onSceneModel(listener: (model: PreparedModel | null) => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** The live camera, scene and canvas, for screen projections in tests and the bench. */
export interface SceneView {
  readonly camera: import('three').Camera;
  readonly scene: import('three').Scene;
  readonly canvas: OffscreenCanvas | HTMLCanvasElement;
  /** The view's size in CSS pixels. */
  readonly size: () => { readonly width: number; readonly height: number };
  /** Draws the scene now, outside the demand frame loop (for image capture). */
  readonly render: () => void;
}

let view: SceneView | null = null;
export function setSceneView(next: SceneView | null): void {
  view = next;
}
export function getSceneView(): SceneView | null {
  return view;
}

/** True while the camera glides to a new view: the frame on screen is not the final one yet. */
let cameraMoving = false;
export function setCameraMoving(moving: boolean): void {
  cameraMoving = moving;
}
export function isCameraMoving(): boolean {
  return cameraMoving;
}

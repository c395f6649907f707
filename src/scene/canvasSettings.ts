/**
 * The body view's canvas settings, in one place: the view (BodyCanvas) and the bench's bare page
 * (scripts/bench-bare) use the same ones, so firstFrameRatio compares like with like.
 */
import type { CanvasProps } from '@react-three/fiber';
import type { WebGLRendererParameters } from 'three';
import { softwareRendering, viewContextAttributes } from '../ui/webgl.ts';

export const clearColor = '#f4f1ec';

export function glAttributes(): WebGLRendererParameters {
  return viewContextAttributes(softwareRendering());
}

export const cameraSettings = { fov: 32, near: 0.05, far: 30, position: [0, 1, 4.2] } as const;

export function canvasSettings() {
  return {
    frameloop: 'demand',
    dpr: [1, 2],
    gl: glAttributes(),
    camera: { ...cameraSettings, position: [...cameraSettings.position] },
  } satisfies Pick<CanvasProps, 'frameloop' | 'dpr' | 'gl' | 'camera'>;
}

/**
 * The body view's canvas settings, in one place: the bench's bare page (scripts/bench-bare) uses
 * the same ones, so firstFrameRatio compares like with like.
 */
import type { CanvasProps } from '@react-three/fiber';
import type { WebGLRendererParameters } from 'three';
import { softwareRendering } from '../ui/webgl.ts';

export const clearColor = '#f4f1ec';

export function glAttributes(): WebGLRendererParameters {
  return {
    // image export draws a fresh frame before reading the canvas, so no preserved buffer
    preserveDrawingBuffer: false,
    antialias: !softwareRendering(),
    powerPreference: 'high-performance',
  };
}

export const cameraSettings = { fov: 32, near: 0.05, far: 30, position: [0, 1, 4.2] } as const;

export function canvasSettings(): Pick<CanvasProps, 'frameloop' | 'dpr' | 'gl' | 'camera'> {
  return {
    frameloop: 'demand',
    dpr: [1, 2],
    gl: glAttributes(),
    camera: { ...cameraSettings, position: [...cameraSettings.position] },
  };
}

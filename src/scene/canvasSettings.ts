/**
 * The body view's canvas settings, in one place: the view (viewRuntime.tsx: camera, pixel ratio,
 * and the context attributes through surface.ts) and the bench's bare page (scripts/bench-bare,
 * all of them through `canvasSettings`) use the same ones, so firstFrameRatio compares like with
 * like.
 */
import type { CanvasProps } from '@react-three/fiber';
import type { WebGLRendererParameters } from 'three';
import { softwareRendering, viewContextAttributes } from '../ui/webgl.ts';

export const clearColor = '#f4f1ec';

export function glAttributes(): WebGLRendererParameters {
  return viewContextAttributes(softwareRendering());
}

export const cameraSettings = { fov: 32, near: 0.05, far: 30, position: [0, 1, 4.2] } as const;

const dprRange = [1, 2] as const;

/** The pixel ratio the view draws at on a screen of `devicePixelRatio` (as R3F clamps `dpr`). */
export function viewDpr(devicePixelRatio: number): number {
  return Math.min(Math.max(dprRange[0], devicePixelRatio), dprRange[1]);
}

/**
 * The pixel ratio to draw at: a software rasterizer (SwiftShader, llvmpipe) fills every pixel on
 * the CPU the page also needs, so it draws at 1 and the browser scales the canvas up.
 */
export function drawingDpr(dpr: number, software: boolean): number {
  return software ? 1 : dpr;
}

/** Frames are drawn when something changed, never in a loop. */
export const frameloop = 'demand';

export function canvasSettings() {
  return {
    frameloop,
    dpr: [...dprRange],
    gl: glAttributes(),
    camera: { ...cameraSettings, position: [...cameraSettings.position] },
  } satisfies Pick<CanvasProps, 'frameloop' | 'dpr' | 'gl' | 'camera'>;
}

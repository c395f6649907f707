/**
 * The body view's renderer, made the moment the view starts (in its worker), so the shaders
 * compile (warmup.ts) while the model and the data are still on their way.
 */
import { ACESFilmicToneMapping, PCFSoftShadowMap, SRGBColorSpace, WebGLRenderer } from 'three';
import { clearColor } from './canvasSettings.ts';
import { warmUpShaders } from './warmup.ts';
import { probeWebgl, viewContextAttributes } from '../ui/webgl.ts';

/** The view's renderer, and whether it rasterizes in software (canvasSettings.drawingDpr). */
export interface Surface {
  renderer: WebGLRenderer;
  software: boolean;
}

/**
 * A renderer over `canvas`, or null where WebGL cannot be had. `stillHidden` says whether the body
 * is not yet on screen: the warm-up draws into the canvas and must not be seen.
 */
export function createSurface(
  canvas: OffscreenCanvas | HTMLCanvasElement,
  stillHidden: () => boolean,
): Surface | null {
  const probe = probeWebgl();
  if (!probe.available) return null;
  let renderer: WebGLRenderer;
  try {
    renderer = new WebGLRenderer({ canvas, ...viewContextAttributes(probe.software) });
  } catch {
    // three throws when the context cannot be made after all: the same as no WebGL
    return null;
  }
  // what react-three-fiber sets on its renderers: set now, so the warm-up compiles the same shaders
  // (the shadow map type is in every program's key, even with shadows off; three 0.187 calls this
  // type deprecated, but it is what react-three-fiber 9 sets)
  renderer.shadowMap.type = PCFSoftShadowMap;
  renderer.toneMapping = ACESFilmicToneMapping;
  renderer.outputColorSpace = SRGBColorSpace;
  renderer.setClearColor(clearColor);
  void warmUpShaders(renderer, stillHidden).catch(() => {});
  return { renderer, software: probe.software };
}

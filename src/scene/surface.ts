/**
 * The body view's renderer, made the moment the view starts (in its worker), so the shaders
 * compile (warmup.ts) while the model and the data are still on their way.
 */
import { ACESFilmicToneMapping, SRGBColorSpace, WebGLRenderer } from 'three';
import { clearColor } from './canvasSettings.ts';
import { warmUpShaders } from './warmup.ts';
import { probeWebgl, viewContextAttributes } from '../ui/webgl.ts';

export type Surface = { readonly renderer: WebGLRenderer } | { readonly unavailable: string };

/**
 * A renderer over `canvas`, or why there is none. `stillHidden` says whether the body is not yet
 * on screen: the warm-up draws into the canvas and must not be seen.
 */
export function createSurface(
  canvas: OffscreenCanvas | HTMLCanvasElement,
  stillHidden: () => boolean,
): Surface {
  const probe = probeWebgl();
  if (!probe.available) return { unavailable: 'this browser offers no WebGL here' };
  let renderer: WebGLRenderer;
  try {
    renderer = new WebGLRenderer({ canvas, ...viewContextAttributes(probe.software) });
  } catch (error) {
    return { unavailable: error instanceof Error ? error.message : String(error) };
  }
  // what react-three-fiber sets on its renderers: set now, so the warm-up compiles the same shaders
  renderer.toneMapping = ACESFilmicToneMapping;
  renderer.outputColorSpace = SRGBColorSpace;
  renderer.setClearColor(clearColor);
  void warmUpShaders(renderer, stillHidden).catch(() => {});
  return { renderer };
}

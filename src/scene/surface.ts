/**
 * The body view's drawing surface: its canvas and renderer, made once, the moment the 3D code has
 * loaded, rather than when React gets round to mounting the view (a few hundred milliseconds
 * later on a page busy with its data). The shaders start compiling then too (warmup.ts).
 *
 * The canvas stays hidden until the body's first frame (see Viewer): no empty frame is composited
 * (each costs a read-back of the canvas under software compositing), and the warm-up draws out of
 * sight.
 */
import { ACESFilmicToneMapping, SRGBColorSpace, WebGLRenderer } from 'three';
import { clearColor, glAttributes } from './canvasSettings.ts';
import { warmUpShaders } from './warmup.ts';
import { takeProbeCanvas } from '../ui/webgl.ts';

let renderer: WebGLRenderer | null = null;
const shownListeners = new Set<() => void>();

export function isSurfaceHidden(surface: WebGLRenderer): boolean {
  return surface.domElement.style.display === 'none';
}

export function revealSurface(surface: WebGLRenderer): void {
  surface.domElement.style.display = 'block';
  for (const listener of shownListeners) listener();
}

/** Calls `listener` when the canvas is shown; returns what unsubscribes. */
export function onSurfaceShown(listener: () => void): () => void {
  shownListeners.add(listener);
  return () => shownListeners.delete(listener);
}

/**
 * Forgets the renderer when its view is removed: react-three-fiber's unmount forces its context
 * lost, so a later view needs a new one.
 */
export function releaseSurface(surface: WebGLRenderer): void {
  if (renderer === surface) renderer = null;
}

/** The renderer, with its canvas not yet in the page. Throws when WebGL cannot be had. */
export function getSurface(): WebGLRenderer {
  if (renderer) return renderer;
  const canvas = takeProbeCanvas() ?? document.createElement('canvas');
  canvas.style.display = 'none';
  const made = new WebGLRenderer({ canvas, ...glAttributes() });
  // what react-three-fiber sets on its renderers: set now, so the warm-up compiles the same shaders
  made.toneMapping = ACESFilmicToneMapping;
  made.outputColorSpace = SRGBColorSpace;
  made.setClearColor(clearColor);
  renderer = made;
  void warmUpShaders(made, () => isSurfaceHidden(made)).catch(() => {});
  return made;
}

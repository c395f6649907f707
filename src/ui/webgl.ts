/**
 * What WebGL this browser offers: whether there is any, and whether it runs on the CPU (a
 * software rasterizer), where the view draws without multisampling. The 3D view asks where it
 * draws (in its worker, viewRuntime.tsx); the bench's bare page asks on the page.
 */

export interface WebglProbe {
  readonly available: boolean;
  readonly software: boolean;
}

/** Renderer names of software rasterizers (Chromium's SwiftShader, Mesa's llvmpipe, ...). */
const softwareRenderers = /swiftshader|llvmpipe|softpipe|software|basic render/i;

/** The body view's WebGL context (three's defaults, with the view's choices). */
export function viewContextAttributes(software: boolean): WebGLContextAttributes {
  return {
    alpha: false,
    // multisampling costs a large share of every frame where WebGL runs on the CPU
    antialias: !software,
    depth: true,
    stencil: false,
    premultipliedAlpha: true,
    // image export draws a fresh frame before reading the canvas, so no preserved buffer
    preserveDrawingBuffer: false,
    powerPreference: 'high-performance',
  };
}

function scratchCanvas(): OffscreenCanvas | HTMLCanvasElement {
  return typeof OffscreenCanvas !== 'undefined'
    ? new OffscreenCanvas(1, 1)
    : document.createElement('canvas');
}

/** Makes a throwaway context, reads what it runs on, and lets it go. */
export function probeWebgl(): WebglProbe {
  try {
    const canvas = scratchCanvas();
    const gl = (canvas.getContext('webgl2', viewContextAttributes(true)) ??
      canvas.getContext('webgl', viewContextAttributes(true))) as WebGLRenderingContext | null;
    if (!gl) return { available: false, software: false };
    const info = gl.getExtension('WEBGL_debug_renderer_info');
    const renderer = info ? String(gl.getParameter(info.UNMASKED_RENDERER_WEBGL)) : '';
    gl.getExtension('WEBGL_lose_context')?.loseContext();
    return { available: true, software: softwareRenderers.test(renderer) };
  } catch {
    return { available: false, software: false };
  }
}

let pageProbe: WebglProbe | null = null;

/** The page's own probe, made once (the bench's bare page). */
export function softwareRendering(): boolean {
  pageProbe ??= probeWebgl();
  return pageProbe.software;
}

interface Probe {
  readonly available: boolean;
  readonly software: boolean;
  /** A software rasterizer's WebGL 2 canvas, kept for the body view's renderer. */
  canvas: HTMLCanvasElement | null;
}

let probe: Probe | null = null;

/** Renderer names of software rasterizers (Chromium's SwiftShader, Mesa's llvmpipe, ...). */
const softwareRenderers = /swiftshader|llvmpipe|softpipe|software|basic render/i;

/**
 * The body view's WebGL context (three's defaults, with the view's choices). The probe asks for
 * the software one, so on a software rasterizer its context is the one the view draws with.
 */
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

function probeWebgl(): Probe {
  if (probe) return probe;
  try {
    const canvas = document.createElement('canvas');
    const gl =
      canvas.getContext('webgl2', viewContextAttributes(true)) ??
      canvas.getContext('webgl', viewContextAttributes(true));
    const info = gl?.getExtension('WEBGL_debug_renderer_info');
    const renderer = gl && info ? String(gl.getParameter(info.UNMASKED_RENDERER_WEBGL)) : '';
    const software = softwareRenderers.test(renderer);
    // creating a context costs tens of milliseconds on the CPU: the view reuses this one there
    const reusable = software && typeof WebGL2RenderingContext !== 'undefined';
    probe = {
      available: Boolean(gl),
      software,
      canvas: reusable && gl instanceof WebGL2RenderingContext ? canvas : null,
    };
  } catch {
    probe = { available: false, software: false, canvas: null };
  }
  return probe;
}

/** True when this browser can create a WebGL context at all (checked once, before loading 3D code). */
export function webglAvailable(): boolean {
  return probeWebgl().available;
}

/**
 * True when WebGL runs on the CPU. There multisampling costs a large share of every frame, so
 * the view draws without it (edges are a little rougher; everything else is the same).
 */
export function softwareRendering(): boolean {
  return probeWebgl().software;
}

/**
 * On a software rasterizer, the probe's canvas, whose WebGL 2 context already has the view's
 * settings; handed out once. Elsewhere null: the view makes its own, multisampled.
 */
export function takeProbeCanvas(): HTMLCanvasElement | null {
  const canvas = probeWebgl().canvas;
  if (probe) probe.canvas = null;
  return canvas;
}

let probe: { available: boolean; software: boolean } | null = null;

/** Renderer names of software rasterizers (Chromium's SwiftShader, Mesa's llvmpipe, ...). */
const softwareRenderers = /swiftshader|llvmpipe|softpipe|software|basic render/i;

function probeWebgl(): { available: boolean; software: boolean } {
  if (probe) return probe;
  try {
    const canvas = document.createElement('canvas');
    const gl = canvas.getContext('webgl2') ?? canvas.getContext('webgl');
    const info = gl?.getExtension('WEBGL_debug_renderer_info');
    const renderer = gl && info ? String(gl.getParameter(info.UNMASKED_RENDERER_WEBGL)) : '';
    probe = { available: Boolean(gl), software: softwareRenderers.test(renderer) };
  } catch {
    probe = { available: false, software: false };
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

let available: boolean | null = null;

/** True when this browser can create a WebGL context at all (checked once, before loading 3D code). */
export function webglAvailable(): boolean {
  if (available !== null) return available;
  try {
    const canvas = document.createElement('canvas');
    available = Boolean(canvas.getContext('webgl2') ?? canvas.getContext('webgl'));
  } catch {
    available = false;
  }
  return available;
}

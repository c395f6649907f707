/**
 * Readies the body's shaders before the body arrives. Under software rendering the first draw with
 * a shader costs twice: the program links (the page blocks on it when it first uses the program),
 * and the rasterizer compiles its drawing routines for that program and state (about 250 ms for
 * the body's, measured with SwiftShader). Both happen here, as soon as the renderer exists: the
 * programs link without blocking (compileAsync), then one small triangle per material is drawn
 * into the still-hidden canvas and submitted, so the routines compile while the page is busy
 * elsewhere and the body's first frame finds them ready.
 */
import {
  BufferAttribute,
  BufferGeometry,
  Float32BufferAttribute,
  InstancedBufferAttribute,
  InstancedMesh,
  Mesh,
  MeshBasicMaterial,
  PerspectiveCamera,
  Scene,
  type Material,
  type WebGLRenderer,
} from 'three';
import { getBodyMaterials } from './materials.ts';
import { createSceneLights } from './sceneLights.ts';
import { cameraSettings } from './canvasSettings.ts';

/**
 * A triangle with every attribute the body's shaders read, indexed with 32-bit indices like the
 * body: the rasterizer's routines depend on the vertex and index layout, not only on the shader.
 */
function warmupGeometry(): BufferGeometry {
  const geometry = new BufferGeometry();
  // in front of the warm-up camera, so it covers pixels and the pixel routines compile too
  geometry.setAttribute(
    'position',
    new Float32BufferAttribute([0, 1, 0, 0.05, 1, 0, 0, 1.05, 0], 3),
  );
  geometry.setAttribute('normal', new Float32BufferAttribute([0, 0, 1, 0, 0, 1, 0, 0, 1], 3));
  geometry.setAttribute('color', new Float32BufferAttribute(new Array(9).fill(1), 3));
  geometry.setAttribute('aState', new Float32BufferAttribute([0, 0, 0], 1));
  geometry.setAttribute('aFibre', new Float32BufferAttribute([0, 0, 0], 1));
  geometry.setAttribute('aZone', new Float32BufferAttribute(new Array(9).fill(0), 3));
  geometry.setAttribute('aOverlayA', new BufferAttribute(new Uint8Array(12), 4, true));
  geometry.setAttribute('aOverlayB', new BufferAttribute(new Uint8Array(12), 4, true));
  geometry.setIndex(new BufferAttribute(new Uint32Array([0, 1, 2]), 1));
  return geometry;
}

/** Kept, not disposed: disposing would release the program the trigger point markers reuse. */
const markerLike = new MeshBasicMaterial({ depthTest: false, transparent: true });

/** Drawn as the markers are (TriggerPointMarkers.tsx): instanced, with a colour per instance. */
function markerLikeMesh(geometry: BufferGeometry): Mesh {
  const mesh = new InstancedMesh(geometry, markerLike, 1);
  mesh.instanceColor = new InstancedBufferAttribute(new Float32Array([1, 1, 1]), 3);
  return mesh;
}

/**
 * Ends the open render pass and hands the queued work to the GPU without waiting for it: a
 * one-pixel read into a pixel buffer, a fence, a flush. A bare flush may leave the pass open.
 */
function submitWithoutWaiting(context: WebGL2RenderingContext): void {
  const buffer = context.createBuffer();
  context.bindBuffer(context.PIXEL_PACK_BUFFER, buffer);
  context.bufferData(context.PIXEL_PACK_BUFFER, 4, context.STREAM_READ);
  context.readPixels(0, 0, 1, 1, context.RGBA, context.UNSIGNED_BYTE, 0);
  context.bindBuffer(context.PIXEL_PACK_BUFFER, null);
  const fence = context.fenceSync(context.SYNC_GPU_COMMANDS_COMPLETE, 0);
  context.flush();
  if (fence) context.deleteSync(fence);
  context.deleteBuffer(buffer);
}

/**
 * Starts the warm-up; `stillHidden` is asked before the draw, which must not reach the screen
 * (it clears the canvas). Returns when the draw has been submitted or skipped.
 */
export async function warmUpShaders(
  renderer: WebGLRenderer,
  stillHidden: () => boolean,
): Promise<void> {
  const materials = getBodyMaterials();
  // the muscles' material stands for the skeleton's too: the same shader and state
  const list: Material[] = [materials.muscle.S, materials.skin.material];
  const geometry = warmupGeometry();
  const scene = new Scene();
  scene.add(...createSceneLights());
  for (const mesh of [
    ...list.map((material) => new Mesh(geometry, material)),
    markerLikeMesh(geometry),
  ]) {
    mesh.frustumCulled = false;
    scene.add(mesh);
  }
  const { fov, near, far, position } = cameraSettings;
  const camera = new PerspectiveCamera(fov, 1, near, far);
  camera.position.set(...position);
  try {
    // queued programs go to the GPU process at the flush, to link while this waits
    if (renderer.extensions.has('KHR_parallel_shader_compile')) {
      const compiled = renderer.compileAsync(scene, camera);
      renderer.getContext().flush();
      await compiled;
    } else {
      // no way to ask whether they are linked without waiting for it: give them a moment
      renderer.compile(scene, camera);
      renderer.getContext().flush();
      await new Promise((resolve) => setTimeout(resolve, 0));
    }
    if (!stillHidden() || renderer.getContext().isContextLost()) return;
    renderer.render(scene, camera);
    submitWithoutWaiting(renderer.getContext() as WebGL2RenderingContext);
  } finally {
    geometry.dispose();
  }
}

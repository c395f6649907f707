/**
 * Starts compiling the body's shaders as soon as the canvas exists, while the model and data may
 * still be on their way: the driver compiles them on its own threads, and the first frame of the
 * body finds them ready instead of waiting (about 150 ms under software rendering).
 */
import { useLayoutEffect } from 'react';
import { useThree } from '@react-three/fiber';
import {
  BufferGeometry,
  Float32BufferAttribute,
  Mesh,
  MeshBasicMaterial,
  type Material,
} from 'three';
import { getBodyMaterials } from './materials.ts';

/** A triangle with every attribute the body's shaders read (never drawn). */
function warmupGeometry(): BufferGeometry {
  const geometry = new BufferGeometry();
  geometry.setAttribute('position', new Float32BufferAttribute([0, 0, 0, 1, 0, 0, 0, 1, 0], 3));
  geometry.setAttribute('normal', new Float32BufferAttribute([0, 0, 1, 0, 0, 1, 0, 0, 1], 3));
  geometry.setAttribute('color', new Float32BufferAttribute(new Array(9).fill(1), 3));
  geometry.setAttribute('aState', new Float32BufferAttribute([0, 0, 0], 1));
  geometry.setAttribute('aZone', new Float32BufferAttribute(new Array(9).fill(0), 3));
  return geometry;
}

/** Kept, not disposed: disposing would release the program the trigger point markers reuse. */
const markerLike = new MeshBasicMaterial({ depthTest: false, transparent: true });

export function ShaderWarmup() {
  const gl = useThree((s) => s.gl);
  const camera = useThree((s) => s.camera);
  const scene = useThree((s) => s.scene);
  useLayoutEffect(() => {
    const materials = getBodyMaterials();
    const list: Material[] = [
      materials.muscle.S,
      materials.skeleton,
      materials.skin.material,
      markerLike,
    ];
    const geometry = warmupGeometry();
    const meshes = list.map((material) => new Mesh(geometry, material));
    // compiled inside the real scene, so the lights (and so the shader variants) are the same
    scene.add(...meshes);
    gl.compile(scene, camera);
    scene.remove(...meshes);
    geometry.dispose();
  }, [gl, camera, scene]);
  return null;
}

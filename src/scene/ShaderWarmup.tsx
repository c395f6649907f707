/**
 * Compiles the body's shaders while the model and data are still on their way, so the first
 * frame of the body does not wait for them (several hundred milliseconds under software
 * rendering). It draws one off-screen triangle per material: the driver builds its pipelines then.
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

/** A triangle far behind the camera, with every attribute the body's shaders read. */
function warmupGeometry(): BufferGeometry {
  const geometry = new BufferGeometry();
  const far = [0, 0, 1e6, 1, 0, 1e6, 0, 1, 1e6];
  geometry.setAttribute('position', new Float32BufferAttribute(far, 3));
  geometry.setAttribute('normal', new Float32BufferAttribute([0, 0, 1, 0, 0, 1, 0, 0, 1], 3));
  geometry.setAttribute('color', new Float32BufferAttribute(new Array(9).fill(1), 3));
  geometry.setAttribute('aState', new Float32BufferAttribute([0, 0, 0], 1));
  geometry.setAttribute('aZone', new Float32BufferAttribute(new Array(9).fill(0), 3));
  return geometry;
}

export function ShaderWarmup() {
  const gl = useThree((s) => s.gl);
  const camera = useThree((s) => s.camera);
  const scene = useThree((s) => s.scene);
  useLayoutEffect(() => {
    const materials = getBodyMaterials();
    const marker = new MeshBasicMaterial({ depthTest: false, transparent: true });
    const list: Material[] = [
      materials.muscle.S,
      materials.skeleton,
      materials.skin.material,
      marker,
    ];
    const geometry = warmupGeometry();
    const meshes = list.map((material) => {
      const mesh = new Mesh(geometry, material);
      mesh.frustumCulled = false;
      return mesh;
    });
    // drawn inside the real scene, so the lights (and so the shader variants) are the same
    scene.add(...meshes);
    gl.render(scene, camera);
    scene.remove(...meshes);
    geometry.dispose();
    marker.dispose();
  }, [gl, camera, scene]);
  return null;
}

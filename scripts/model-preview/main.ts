// Standalone preview of public/models/body.glb: ?view=front|back|left|right&skin=0|1&S=0|1&D=0|1&skel=0|1&zoom=1
import * as THREE from 'three';
import { GLTFLoader } from 'three/examples/jsm/loaders/GLTFLoader.js';
import { MeshoptDecoder } from 'three/examples/jsm/libs/meshopt_decoder.module.js';
import { createMuscleMaterial } from '../../src/scene/materials.ts';
import { fibreSteps } from '../../src/scene/modelData.ts';
import { boneColor } from '../../src/scene/readGlb.ts';

const q = new URLSearchParams(location.search);
const flag = (k: string, d: boolean) => (q.has(k) ? q.get(k) !== '0' : d);
const renderer = new THREE.WebGLRenderer({ antialias: true, preserveDrawingBuffer: true });
renderer.setSize(innerWidth, innerHeight);
renderer.setPixelRatio(1);
document.body.appendChild(renderer.domElement);
const scene = new THREE.Scene();
scene.background = new THREE.Color(0x20242a);
scene.add(new THREE.HemisphereLight(0xffffff, 0x404050, 1.6));
const sun = new THREE.DirectionalLight(0xffffff, 1.6);
scene.add(sun);
const cam = new THREE.PerspectiveCamera(30, innerWidth / innerHeight, 0.05, 20);
const view = q.get('view') ?? 'front';
const cy = Number(q.get('y') ?? 0.87);
const cx = Number(q.get('x') ?? 0);
const cz = Number(q.get('z') ?? 0);
const zoom = Number(q.get('zoom') ?? 1);
const d = 3.7 / zoom;
// zoom 1.9 + y=1.0 frames the whole body at 1280x800
const dirs: Record<string, [number, number]> = {
  front: [0, 1],
  back: [0, -1],
  left: [1, 0],
  right: [-1, 0],
  'front-left': [0.7, 0.7],
  'back-left': [0.7, -0.7],
  'front-right': [-0.7, 0.7],
  'back-right': [-0.7, -0.7],
};
const [dx, dz] = dirs[view] ?? [0, 1];
cam.position.set(cx + dx * d, cy + 0.1, cz + dz * d);
cam.lookAt(cx, cy, cz);
sun.position.set(dx * 2 + 1, 3, dz * 2 + 0.5);

// the app's muscle shader (fibre stripes included), so the preview shows what the app draws
const muscleMaterial = createMuscleMaterial();

/** The attributes the app gives a muscle or the skeleton: phase from _FIBRE, state 0, colour. */
function drawAsApp(mesh: THREE.Mesh, layer: string): void {
  const g = mesh.geometry;
  const count = g.getAttribute('position').count;
  const stored = g.getAttribute('_fibre');
  const phase = new Float32Array(count);
  for (let i = 0; stored && i < count; i++) phase[i] = stored.getX(i) / fibreSteps;
  g.setAttribute('aFibre', new THREE.Float32BufferAttribute(phase, 1));
  g.setAttribute('aState', new THREE.Float32BufferAttribute(new Float32Array(count), 1));
  if (layer === 'skeleton') {
    const bone = new Float32Array(count * 3).map((_, k) => boneColor[k % 3]!);
    g.setAttribute('color', new THREE.Float32BufferAttribute(bone, 3));
  }
  mesh.material = muscleMaterial;
}

new GLTFLoader().setMeshoptDecoder(MeshoptDecoder).load('/models/body.glb', (gltf) => {
  gltf.scene.traverse((o) => {
    const m = o as THREE.Mesh;
    if (!m.isMesh) return;
    const ex = (m.userData ?? {}) as { layer?: string };
    const layer =
      ex.layer ?? (m.name === 'skin' ? 'skin' : m.name === 'skeleton' ? 'skeleton' : '');
    let vis = true;
    if (layer === 'skin') vis = flag('skin', true);
    else if (layer === 'skeleton') vis = flag('skel', true);
    else if (layer === 'S') vis = flag('S', true);
    else if (layer === 'D') vis = flag('D', true);
    // ?only=id1,id2 shows just those muscles (both sides) and tints them by id
    const only = q.get('only');
    if (only && (layer === 'S' || layer === 'D'))
      vis = only.split(',').includes((ex as { muscle?: string }).muscle ?? '');
    m.visible = vis;
    if (layer !== 'skin') drawAsApp(m, layer);
    const mat = m.material as THREE.MeshStandardMaterial;
    if (layer === 'skin') {
      mat.transparent = flag('skinAlpha', false);
      mat.opacity = 0.45;
    }
  });
  scene.add(gltf.scene);
  renderer.render(scene, cam);
  (window as unknown as { __ready: boolean }).__ready = true;
});

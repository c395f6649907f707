/**
 * The page reads body.glb with its own small reader (src/scene/readGlb.ts), in a worker. These
 * tests hold it to three.js's GLTFLoader on the shipped file, check its errors, and check that
 * the picking trees built in the worker, and the clicks it answers, pick what plain raycasting
 * does.
 */
import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  BufferGeometry,
  Float32BufferAttribute,
  Mesh,
  PerspectiveCamera,
  Raycaster,
  Vector2,
  Vector3,
  type Object3D,
} from 'three';
import { GLTFLoader } from 'three/examples/jsm/loaders/GLTFLoader.js';
import { MeshoptDecoder } from 'meshoptimizer/decoder';
import { acceleratedRaycast } from 'three-mesh-bvh';
import { boneColor, readBodyGlb } from '../../src/scene/readGlb.ts';
import { BONE_COLOR, CARTILAGE_COLOR } from '../../scripts/model/skeleton.ts';
import { fibreSteps, muscleAtVertex, type ModelData } from '../../src/scene/modelData.ts';
import { attachPickingTrees, buildModel } from '../../src/scene/prepareModel.ts';
import { ClickPicker } from '../../src/scene/clickPicker.ts';
import { pickSourcesOf } from '../../src/scene/pickSources.ts';
import type { ClickRequest } from '../../src/scene/modelData.ts';

const file = readFileSync(new URL('../../public/models/body.glb', import.meta.url));
const glb = () => file.buffer.slice(file.byteOffset, file.byteOffset + file.byteLength);

let model: ModelData;
let reference: Object3D;

beforeAll(async () => {
  await MeshoptDecoder.ready;
  model = readBodyGlb(glb(), MeshoptDecoder);
  const gltf = await new GLTFLoader().setMeshoptDecoder(MeshoptDecoder).parseAsync(glb(), '');
  reference = gltf.scene;
  reference.updateMatrixWorld(true);
});

/** GLTFLoader's mesh for a node, found by the same extras the reader uses. */
function referenceMesh(name: string): Mesh {
  let found: Mesh | null = null;
  reference.traverse((object) => {
    if (!(object instanceof Mesh) || found) return;
    const { muscle, side } = object.userData as { muscle?: string; side?: string };
    const key = muscle && side ? `m:${muscle}:${side}` : object.name;
    if (key === name) found = object;
  });
  if (!found) throw new Error(`GLTFLoader has no mesh ${name}`);
  return found;
}

/** The largest difference between the reader's world positions and GLTFLoader's. */
function positionError(mesh: Mesh, position: Float32Array, start: number): number {
  const source = (mesh.geometry as BufferGeometry).getAttribute('position');
  const p = new Vector3();
  let worst = 0;
  for (let i = 0; i < source.count; i++) {
    p.fromBufferAttribute(source, i).applyMatrix4(mesh.matrixWorld);
    const k = (start + i) * 3;
    worst = Math.max(
      worst,
      Math.abs(p.x - position[k]!),
      Math.abs(p.y - position[k + 1]!),
      Math.abs(p.z - position[k + 2]!),
    );
  }
  return worst;
}

describe('readBodyGlb on the shipped model', () => {
  it('finds every muscle node, the skin with its regions, and the skeleton', () => {
    const muscles = [...model.layers.S.muscles, ...model.layers.D.muscles];
    // every muscle of data/anatomy/muscles.json, once on each side
    const geometry = JSON.parse(readFileSync('data/anatomy/muscles.json', 'utf8')) as {
      muscles: Record<string, unknown>;
    };
    const expected = 2 * Object.keys(geometry.muscles).length;
    expect(expected).toBeGreaterThanOrEqual(208);
    expect(muscles).toHaveLength(expected);
    expect(new Set(muscles.map((m) => `${m.muscle}:${m.side}`)).size).toBe(expected);
    expect(model.layers.D.muscles.some((m) => m.muscle === 'piriformis')).toBe(true);
    expect(model.skin.regions).toContain('buttock:left');
    expect(model.skin.regionOfVertex.length).toBe(model.skin.position.length / 3);
    expect(Math.max(...model.skin.regionOfVertex)).toBeLessThan(model.skin.regions.length);
    expect(model.skeleton.index.length % 3).toBe(0);
  });

  it('gives each geometry the bounds three.js would compute, so the page need not', () => {
    for (const data of [model.skin, model.skeleton, model.layers.S, model.layers.D]) {
      const geometry = new BufferGeometry();
      geometry.setAttribute('position', new Float32BufferAttribute(data.position, 3));
      geometry.computeBoundingBox();
      geometry.computeBoundingSphere();
      const box = geometry.boundingBox!;
      expect([...box.min.toArray(), ...box.max.toArray()]).toEqual([...data.box]);
      const sphere = geometry.boundingSphere!;
      const [x, y, z, radius] = data.sphere;
      expect(sphere.center.distanceTo(new Vector3(x, y, z))).toBeLessThan(1e-6);
      expect(Math.abs(sphere.radius - radius)).toBeLessThan(1e-6);
    }
  });

  it("colours the skeleton bone or cartilage, so it can draw with the muscles' shader", () => {
    const { color } = model.skeleton;
    // the file's COLOR_0 (quantized), bone as the reader's default for an uncoloured skeleton
    expect(BONE_COLOR).toEqual(boneColor);
    const near = (k: number, c: readonly number[]) =>
      c.every((v, i) => Math.abs(color[k + i]! - v) < 0.005);
    let bone = 0;
    for (let k = 0; k < color.length; k += 3) {
      expect(near(k, BONE_COLOR) || near(k, CARTILAGE_COLOR)).toBe(true);
      if (near(k, BONE_COLOR)) bone++;
    }
    expect(bone / (color.length / 3)).toBeGreaterThan(0.8);
  });

  it('puts every vertex where three.js GLTFLoader puts it (world space, dequantized)', () => {
    expect(positionError(referenceMesh('skin'), model.skin.position, 0)).toBeLessThan(1e-6);
    expect(positionError(referenceMesh('skeleton'), model.skeleton.position, 0)).toBeLessThan(1e-6);
    for (const layer of [model.layers.S, model.layers.D]) {
      for (const m of layer.muscles) {
        const mesh = referenceMesh(`m:${m.muscle}:${m.side}`);
        expect(mesh.geometry.getAttribute('position').count).toBe(m.vertexCount);
        expect(positionError(mesh, layer.position, m.vertexStart)).toBeLessThan(1e-6);
      }
    }
  });

  it('gives every muscle vertex the stripe phase GLTFLoader reads, the skeleton and skin none', () => {
    for (const layer of [model.layers.S, model.layers.D]) {
      expect(layer.fibre.length).toBe(layer.position.length / 3);
      for (const m of layer.muscles) {
        const stored = referenceMesh(`m:${m.muscle}:${m.side}`).geometry.getAttribute('_fibre');
        expect(stored.count).toBe(m.vertexCount);
        let worst = 0;
        for (let i = 0; i < stored.count; i++)
          worst = Math.max(
            worst,
            Math.abs(stored.getX(i) / fibreSteps - layer.fibre[m.vertexStart + i]!),
          );
        expect(worst).toBeLessThan(1e-6);
      }
    }
    expect(model.skeleton.fibre.every((phase) => phase === 0)).toBe(true);
    expect(model.skin.fibre.every((phase) => phase === 0)).toBe(true);
    const prepared = buildModel(model);
    for (const geometry of [prepared.layers.S.geometry, prepared.skeleton])
      expect(geometry.getAttribute('aFibre').count).toBe(geometry.getAttribute('position').count);
  });

  it('keeps each muscle’s triangles inside its own vertex range', () => {
    let straddling = 0;
    for (const layer of [model.layers.S, model.layers.D]) {
      const owner = (corner: number) => layer.muscleOfVertex[layer.index[corner]!];
      for (let t = 0; t < layer.index.length; t += 3) {
        if (owner(t + 1) !== owner(t) || owner(t + 2) !== owner(t)) straddling++;
      }
    }
    expect(straddling).toBe(0);
  });

  it("turns the mirrored right side's triangles round: on both sides they face along the normals", () => {
    // the right side's muscles share the left's meshes under a mirroring node (docs/model.md)
    const agreeing = { left: 0, right: 0 };
    const total = { left: 0, right: 0 };
    for (const layer of [model.layers.S, model.layers.D]) {
      const { position: p, normal: n, index } = layer;
      const corner = (t: number, k: number) => index[t + k]! * 3;
      for (let t = 0; t < index.length; t += 3) {
        const [a, b, c] = [corner(t, 0), corner(t, 1), corner(t, 2)];
        const u = [p[b]! - p[a]!, p[b + 1]! - p[a + 1]!, p[b + 2]! - p[a + 2]!];
        const v = [p[c]! - p[a]!, p[c + 1]! - p[a + 1]!, p[c + 2]! - p[a + 2]!];
        const face = [
          u[1]! * v[2]! - u[2]! * v[1]!,
          u[2]! * v[0]! - u[0]! * v[2]!,
          u[0]! * v[1]! - u[1]! * v[0]!,
        ];
        const along =
          face[0]! * (n[a]! + n[b]! + n[c]!) +
          face[1]! * (n[a + 1]! + n[b + 1]! + n[c + 1]!) +
          face[2]! * (n[a + 2]! + n[b + 2]! + n[c + 2]!);
        const side = muscleAtVertex(layer.muscles, layer.muscleOfVertex, index[t]!)!.side;
        total[side]++;
        if (along > 0) agreeing[side]++;
      }
    }
    expect(total.right).toBe(total.left);
    expect(agreeing.left / total.left).toBeGreaterThan(0.97);
    expect(agreeing.right).toBe(agreeing.left);
  });

  it('gives unit normals and a skin adjacency that is symmetric', () => {
    const n = model.skin.normal;
    for (let i = 0; i < n.length; i += 3) {
      expect(Math.hypot(n[i]!, n[i + 1]!, n[i + 2]!)).toBeCloseTo(1, 4);
    }
    const { neighbourStart, neighbours } = model.skin;
    const has = (a: number, b: number) =>
      neighbours.subarray(neighbourStart[a]!, neighbourStart[a + 1]!).includes(b);
    for (let v = 0; v < 500; v++) {
      for (const w of neighbours.subarray(neighbourStart[v]!, neighbourStart[v + 1]!)) {
        expect(has(w, v)).toBe(true);
      }
    }
  });
});

describe('readBodyGlb errors', () => {
  it('refuses a file that is not a binary glTF', () => {
    const text = new TextEncoder().encode('{"asset":{"version":"2.0"}} and some more bytes');
    expect(() => readBodyGlb(text.buffer, MeshoptDecoder)).toThrow(
      'body.glb: not a binary glTF file (no "glTF" header)',
    );
  });

  it('refuses a file that needs an extension it cannot read', () => {
    const json = new TextEncoder().encode(
      JSON.stringify({
        asset: { version: '2.0' },
        extensionsRequired: ['KHR_draco_mesh_compression'],
      }).padEnd(80, ' '),
    );
    const buffer = new ArrayBuffer(20 + json.length);
    const view = new DataView(buffer);
    view.setUint32(0, 0x46546c67, true);
    view.setUint32(4, 2, true);
    view.setUint32(8, buffer.byteLength, true);
    view.setUint32(12, json.length, true);
    view.setUint32(16, 0x4e4f534a, true);
    new Uint8Array(buffer, 20).set(json);
    expect(() => readBodyGlb(buffer, MeshoptDecoder)).toThrow(
      'body.glb: required extension KHR_draco_mesh_compression is not supported',
    );
  });

  it('refuses a file that is cut short', () => {
    expect(() => readBodyGlb(glb().slice(0, 400), MeshoptDecoder)).toThrow(
      'body.glb: the file is cut short',
    );
  });

  it('refuses a model without skin or skeleton', () => {
    const cut = new Uint8Array(glb());
    const jsonLength = new DataView(cut.buffer).getUint32(12, true);
    const json = new TextDecoder().decode(cut.subarray(20, 20 + jsonLength));
    // rename the node so the file no longer has a skin (same length, same binary chunk)
    const renamed = new TextEncoder().encode(json.replaceAll('"name":"skin"', '"name":"nope"'));
    cut.set(renamed, 20);
    expect(() => readBodyGlb(cut.buffer, MeshoptDecoder)).toThrow(
      'body.glb: no "skin" or "skeleton" node',
    );
  });
});

describe('picking trees from the worker', () => {
  it('pick the same muscle as plain triangle tests', () => {
    const prepared = buildModel(model);
    const plain = buildModel(readBodyGlb(glb(), MeshoptDecoder));
    attachPickingTrees(prepared, new ClickPicker(pickSourcesOf(model)).trees());
    const layer = prepared.layers.S;
    const fast = new Mesh(layer.geometry);
    fast.raycast = acceleratedRaycast;
    const slow = new Mesh(plain.layers.S.geometry);
    expect(layer.geometry.boundsTree).toBeDefined();
    const raycaster = new Raycaster();
    let hits = 0;
    for (const entry of layer.muscles.slice(0, 60)) {
      const origin = entry.center.clone().addScaledVector(entry.facing, 1.5);
      raycaster.set(origin, entry.facing.clone().negate());
      const a = raycaster.intersectObject(fast)[0];
      const b = raycaster.intersectObject(slow)[0];
      expect(a?.faceIndex === undefined).toBe(b?.faceIndex === undefined);
      if (!a || !b) continue;
      hits++;
      expect(a.distance).toBeCloseTo(b.distance, 6);
      expect(layer.muscleOfVertex[a.face!.a]).toBe(plain.layers.S.muscleOfVertex[b.face!.a]);
    }
    expect(hits).toBeGreaterThan(40);
  });
});

describe('clicks answered in the model worker', () => {
  /** A camera 1.5 m out along the muscle's facing, looking at its middle; the click at the centre. */
  function clickAt(center: Vector3, facing: Vector3, targets: ClickRequest['targets']) {
    const camera = new PerspectiveCamera(32, 1, 0.05, 30);
    camera.position.copy(center).addScaledVector(facing, 1.5);
    camera.lookAt(center);
    camera.updateMatrixWorld();
    const request: ClickRequest = {
      ndc: [0, 0],
      cameraWorld: [...camera.matrixWorld.elements],
      projectionInverse: [...camera.projectionMatrixInverse.elements],
      targets,
      markers: [],
    };
    return { camera, request };
  }

  it('choose the muscle a plain raycast from the same camera hits', () => {
    const picker = new ClickPicker(pickSourcesOf(model));
    const plain = buildModel(readBodyGlb(glb(), MeshoptDecoder));
    const layer = plain.layers.S;
    const mesh = new Mesh(layer.geometry);
    const raycaster = new Raycaster();
    let hits = 0;
    for (const entry of layer.muscles.slice(0, 60)) {
      const { camera, request } = clickAt(entry.center, entry.facing, {
        S: true,
        D: false,
        skeleton: false,
      });
      raycaster.setFromCamera(new Vector2(0, 0), camera);
      const expected = raycaster.intersectObject(mesh)[0];
      const hit = picker.pick(request);
      if (!expected?.face) {
        expect(hit).toBeNull();
        continue;
      }
      hits++;
      const owner =
        layer.muscles[layer.muscleOfVertex[expected.face.a]! - layer.muscles[0]!.index]!;
      expect(hit).toEqual({ kind: 'muscle', muscle: owner.muscle, side: owner.side });
    }
    expect(hits).toBeGreaterThan(40);
  });

  it('a trigger point marker wins over the muscle it sits in; hidden layers are not chosen', () => {
    const picker = new ClickPicker(pickSourcesOf(model));
    const entry = buildModel(model).layers.S.muscles[0]!;
    const { request } = clickAt(entry.center, entry.facing, { S: true, D: true, skeleton: true });
    const marked = { ...request, markers: [{ id: 'TP1', position: entry.center.toArray() }] };
    expect(picker.pick(marked)).toEqual({ kind: 'marker', id: 'TP1' });
    expect(
      picker.pick({ ...request, targets: { S: false, D: false, skeleton: false } }),
    ).toBeNull();
  });
});

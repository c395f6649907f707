/** Reads nodes of a built body.glb as world-space triangle meshes (for checks and measurements). */
import { NodeIO, type Document, type Node as GNode } from '@gltf-transform/core';
import { EXTMeshoptCompression, KHRMeshQuantization } from '@gltf-transform/extensions';
import { MeshoptDecoder } from 'meshoptimizer';
import { readFileSync } from 'node:fs';
import type { Landmarks, Segment } from './data.ts';
import { mirrors } from '../../src/scene/readGlb.ts';
import { strandUnitsPerMetre } from '../../src/scene/modelData.ts';

export interface WorldMesh {
  name: string;
  pos: Float32Array;
  idx: Uint32Array;
  /** skin only: `_REGION` per vertex and the region names */
  region?: Uint16Array;
  regions?: string[];
  /** muscles only: the centre lines, origin to insertion (trigger points sit `along` them) */
  strands?: [number, number, number][][];
}

/** A node's vertex positions in world coordinates (quantization may set its matrix). */
export function worldPositions(node: GNode): Float32Array {
  const acc = node.getMesh()!.listPrimitives()[0]!.getAttribute('POSITION')!;
  const m = node.getWorldMatrix();
  const pos = new Float32Array(acc.getCount() * 3);
  const e = [0, 0, 0];
  for (let i = 0; i < acc.getCount(); i++) {
    acc.getElement(i, e);
    const [x, y, z] = e as [number, number, number];
    pos[i * 3] = m[0] * x + m[4] * y + m[8] * z + m[12];
    pos[i * 3 + 1] = m[1] * x + m[5] * y + m[9] * z + m[13];
    pos[i * 3 + 2] = m[2] * x + m[6] * y + m[10] * z + m[14];
  }
  return pos;
}

/** A muscle node's centre lines (its `strands` extras), stored in whole millimetres, in metres. */
export function strandsInMetres(
  strands: readonly (readonly (readonly number[])[])[],
): [number, number, number][][] {
  return strands.map((s) =>
    s.map((p) => p.map((c) => c / strandUnitsPerMetre) as [number, number, number]),
  );
}

/** Triangles with their last two corners swapped under a mirroring matrix (the right side's
 * muscles share the left's mesh), so their fronts stay outside as in the app's reader. */
function facingOut(idx: Uint32Array, m: ArrayLike<number>): Uint32Array {
  if (!mirrors(m, 4)) return idx;
  for (let t = 0; t < idx.length; t += 3) [idx[t + 1], idx[t + 2]] = [idx[t + 2]!, idx[t + 1]!];
  return idx;
}

function worldMesh(node: GNode): WorldMesh {
  const prim = node.getMesh()!.listPrimitives()[0]!;
  const pos = worldPositions(node);
  const region = prim.getAttribute('_REGION')?.getArray();
  const extras = node.getExtras() as { regions?: string[]; strands?: [number, number, number][][] };
  const regions = extras.regions;
  return {
    name: node.getName(),
    pos,
    idx: facingOut(Uint32Array.from(prim.getIndices()!.getArray()!), node.getWorldMatrix()),
    ...(region ? { region: Uint16Array.from(region), regions } : {}),
    ...(extras.strands ? { strands: strandsInMetres(extras.strands) } : {}),
  };
}

/** Every node of the GLB, in world coordinates. */
export async function readBuilt(glb: Uint8Array): Promise<WorldMesh[]> {
  await MeshoptDecoder.ready;
  const io = new NodeIO()
    .registerExtensions([EXTMeshoptCompression, KHRMeshQuantization])
    .registerDependencies({ 'meshopt.decoder': MeshoptDecoder });
  const doc = await io.readBinary(glb);
  return doc
    .getRoot()
    .listNodes()
    .filter((n) => n.getMesh())
    .map(worldMesh);
}

export interface Skin extends WorldMesh {
  /** the body segment of a skin vertex, from its region's landmark */
  segmentOf: (v: number) => Segment;
}

/** The skin with each vertex's segment (read from `_REGION` and the landmarks). */
export async function readSkin(glb: Uint8Array): Promise<Skin> {
  const skin = (await readBuilt(glb)).find((m) => m.name === 'skin');
  if (!skin?.region || !skin.regions) throw new Error('body.glb has no skin node with regions');
  const lm = JSON.parse(readFileSync('data/anatomy/landmarks.json', 'utf8')) as Landmarks;
  const segOfRegion = skin.regions.map((r) => lm.surface[r.replace(/:(left|right)$/, '')]!.segment);
  const region = skin.region;
  return { ...skin, segmentOf: (v) => segOfRegion[region[v]!]! };
}

/** Triangles as drawn: per node, since the right side's muscles share the left's meshes. */
export function trianglesDrawn(document: Document): number {
  let triangles = 0;
  for (const node of document.getRoot().listNodes()) {
    for (const primitive of node.getMesh()?.listPrimitives() ?? []) {
      const mode = primitive.getMode();
      const indices = primitive.getIndices();
      const count = indices
        ? indices.getCount()
        : (primitive.getAttribute('POSITION')?.getCount() ?? 0);
      if (mode === 4)
        triangles += Math.floor(count / 3); // TRIANGLES
      else if (mode === 5 || mode === 6) triangles += Math.max(0, count - 2); // STRIP, FAN
    }
  }
  return triangles;
}

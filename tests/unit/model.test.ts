import { describe, it, expect, beforeAll } from 'vitest';
import { readFileSync } from 'node:fs';
import { NodeIO, type Document } from '@gltf-transform/core';
import { EXTMeshoptCompression, KHRMeshQuantization } from '@gltf-transform/extensions';
import { MeshoptDecoder } from 'meshoptimizer';
import { buildModel } from '../../scripts/build-model.ts';
import { requiredMuscleIds } from '../../src/core/required-muscles.ts';
import { trianglesDrawn, worldPositions } from '../../scripts/model/read-built.ts';
import { fibreSteps } from '../../src/scene/modelData.ts';

const req = Object.keys(
  JSON.parse(readFileSync('data/anatomy/muscles.json', 'utf8')).muscles as Record<string, unknown>,
);
const landmarks = JSON.parse(readFileSync('data/anatomy/landmarks.json', 'utf8')) as {
  surface: Record<string, { midline: boolean }>;
};
const muscleIds = Object.keys(
  (
    JSON.parse(readFileSync('data/anatomy/muscles.json', 'utf8')) as {
      muscles: Record<string, unknown>;
    }
  ).muscles,
);
const requiredIds: readonly string[] = requiredMuscleIds;
// docs/muscles.md

let built: Uint8Array;
let doc: Document;

beforeAll(async () => {
  built = (await buildModel()).glb;
  await MeshoptDecoder.ready;
  const io = new NodeIO()
    .registerExtensions([EXTMeshoptCompression, KHRMeshQuantization])
    .registerDependencies({ 'meshopt.decoder': MeshoptDecoder });
  doc = await io.readBinary(built);
}, 60000);

describe('body.glb', () => {
  it('rebuild is byte-identical to the committed public/models/body.glb', () => {
    const committed = new Uint8Array(readFileSync('public/models/body.glb'));
    expect(built.byteLength).toBe(committed.byteLength);
    expect(Buffer.from(built).equals(Buffer.from(committed))).toBe(true);
  });

  it('has skin, skeleton and both sides of every required muscle', () => {
    expect(requiredIds.length).toBe(93);
    for (const id of requiredIds) expect(muscleIds).toContain(id);
    const names = new Set(
      doc
        .getRoot()
        .listNodes()
        .map((n) => n.getName()),
    );
    expect(names.has('skin')).toBe(true);
    expect(names.has('skeleton')).toBe(true);
    for (const id of requiredIds) {
      expect(names.has(`m:${id}:left`), id).toBe(true);
      expect(names.has(`m:${id}:right`), id).toBe(true);
    }
    expect(req.length).toBeGreaterThanOrEqual(93);
  });

  it('muscle extras: layer, side, strands (a point at least every 6 cm) and vertex colours', () => {
    for (const n of doc.getRoot().listNodes()) {
      if (!n.getName().startsWith('m:')) continue;
      const ex = n.getExtras() as {
        muscle: string;
        side: string;
        layer: string;
        strands: number[][][];
      };
      expect(['S', 'D']).toContain(ex.layer);
      expect(n.getName()).toBe(`m:${ex.muscle}:${ex.side}`);
      expect(ex.strands.length).toBeGreaterThan(0);
      for (const s of ex.strands) {
        expect(s.length).toBeGreaterThanOrEqual(4);
        // trigger point markers sit on this line: long gaps would cut corners off a curved muscle
        for (let i = 1; i < s.length; i++)
          expect(Math.hypot(...s[i]!.map((c, k) => c - s[i - 1]![k]!))).toBeLessThan(60); // mm
      }
      expect(n.getMesh()!.listPrimitives()[0]!.getAttribute('COLOR_0')).toBeTruthy();
    }
  });

  it('muscles carry a fibre phase (_FIBRE): raw unsigned shorts, the same phases on both sides', () => {
    const nodes = new Map(
      doc
        .getRoot()
        .listNodes()
        .map((n) => [n.getName(), n]),
    );
    const fibreOf = (name: string) => {
      const prim = nodes.get(name)!.getMesh()!.listPrimitives()[0]!;
      const fibre = prim.getAttribute('_FIBRE')!;
      // not renormalized by quantize(): the reader divides the stored number by fibreSteps
      expect(fibre.getComponentType(), name).toBe(5123);
      expect(fibre.getNormalized(), name).toBe(false);
      expect(fibre.getCount(), name).toBe(prim.getAttribute('POSITION')!.getCount());
      return fibre.getArray()!;
    };
    for (const id of requiredIds) {
      const left = fibreOf(`m:${id}:left`);
      // reorder() orders each side's vertices its own way: compare the sorted phases
      const sorted = (a: ArrayLike<number>) => Array.from(a).sort((x, y) => x - y);
      expect(sorted(fibreOf(`m:${id}:right`)), id).toEqual(sorted(left));
      // at least one whole stripe across every muscle
      expect(Math.max(...left) - Math.min(...left), id).toBeGreaterThanOrEqual(fibreSteps);
    }
    const skeleton = nodes.get('skeleton')!.getMesh()!.listPrimitives()[0]!;
    expect(skeleton.getAttribute('_FIBRE')).toBeNull();
  });

  it('skin: every vertex has a valid region; every landmark region owns a vertex', () => {
    const skin = doc
      .getRoot()
      .listNodes()
      .find((n) => n.getName() === 'skin')!;
    const regions = (skin.getExtras() as { regions: string[] }).regions;
    const expected: string[] = [];
    for (const [id, l] of Object.entries(landmarks.surface))
      if (l.midline) expected.push(id);
      else expected.push(`${id}:left`, `${id}:right`);
    expect(new Set(regions)).toEqual(new Set(expected));
    const acc = skin.getMesh()!.listPrimitives()[0]!.getAttribute('_REGION')!;
    const count = skin.getMesh()!.listPrimitives()[0]!.getAttribute('POSITION')!.getCount();
    expect(acc.getCount()).toBe(count);
    const owned = new Array<number>(regions.length).fill(0);
    const arr = acc.getArray()!;
    for (let i = 0; i < arr.length; i++) {
      const r = arr[i]!;
      expect(Number.isInteger(r) && r >= 0 && r < regions.length).toBe(true);
      owned[r]!++;
    }
    const empty = regions.filter((_, i) => owned[i] === 0);
    expect(empty).toEqual([]);
  });

  it('every region is a usable patch (>= 30 skin vertices); throat is in front of the neck', () => {
    const skin = doc
      .getRoot()
      .listNodes()
      .find((n) => n.getName() === 'skin')!;
    const regions = (skin.getExtras() as { regions: string[] }).regions;
    const reg = skin.getMesh()!.listPrimitives()[0]!.getAttribute('_REGION')!.getArray()!;
    const P = worldPositions(skin);
    const count = new Array<number>(regions.length).fill(0);
    const z = new Array<number>(regions.length).fill(0);
    for (let i = 0; i < reg.length; i++) {
      count[reg[i]!]!++;
      z[reg[i]!]! += P[i * 3 + 2]!;
    }
    const small = regions
      .filter((_, i) => count[i]! < 30)
      .map((r) => `${r} ${count[regions.indexOf(r)]}`);
    expect(small).toEqual([]);
    const cz = (r: string): number => z[regions.indexOf(r)]! / count[regions.indexOf(r)]!;
    expect(cz('throat')).toBeGreaterThan(cz('posterior_neck:left') + 0.05);
    expect(cz('throat')).toBeGreaterThan(cz('lateral_neck:left'));
  });

  it('left muscles at x>0, right at x<0, right = mirrored left', () => {
    const nodes = new Map(
      doc
        .getRoot()
        .listNodes()
        .map((n) => [n.getName(), n]),
    );
    for (const id of requiredIds) {
      const L = worldPositions(nodes.get(`m:${id}:left`)!);
      const R = worldPositions(nodes.get(`m:${id}:right`)!);
      expect(L.length).toBe(R.length);
      let lx = 0,
        rx = 0,
        ly = 0,
        ry = 0,
        lz = 0,
        rz = 0;
      const n = L.length / 3;
      for (let i = 0; i < n; i++) {
        lx += L[i * 3]!;
        rx += R[i * 3]!;
        ly += L[i * 3 + 1]!;
        ry += R[i * 3 + 1]!;
        lz += L[i * 3 + 2]!;
        rz += R[i * 3 + 2]!;
      }
      expect(lx / n, id).toBeGreaterThan(0);
      expect(rx / n, id).toBeLessThan(0);
      expect(Math.abs(lx / n + rx / n), id).toBeLessThan(1e-4);
      expect(Math.abs(ly / n - ry / n), id).toBeLessThan(1e-4);
      expect(Math.abs(lz / n - rz / n), id).toBeLessThan(1e-4);
    }
  });

  it('skin is an exact mirror: every vertex has a mirrored twin with the mirrored region', () => {
    const skin = doc
      .getRoot()
      .listNodes()
      .find((n) => n.getName() === 'skin')!;
    const regions = (skin.getExtras() as { regions: string[] }).regions;
    const other = (r: string): string =>
      r.endsWith(':left')
        ? r.replace(/:left$/, ':right')
        : r.endsWith(':right')
          ? r.replace(/:right$/, ':left')
          : r;
    const P = worldPositions(skin);
    const reg = skin.getMesh()!.listPrimitives()[0]!.getAttribute('_REGION')!.getArray()!;
    // positions are quantized in the GLB: match within 0.2 mm
    const cell = (x: number): number => Math.floor(x * 500);
    const grid = new Map<string, number[]>();
    const n = P.length / 3;
    for (let i = 0; i < n; i++) {
      const k = `${cell(P[i * 3]!)},${cell(P[i * 3 + 1]!)},${cell(P[i * 3 + 2]!)}`;
      grid.set(k, [...(grid.get(k) ?? []), i]);
    }
    const twin = (x: number, y: number, z: number): number | undefined => {
      for (let a = -1; a <= 1; a++)
        for (let b = -1; b <= 1; b++)
          for (let c = -1; c <= 1; c++)
            for (const j of grid.get(`${cell(x) + a},${cell(y) + b},${cell(z) + c}`) ?? [])
              if (Math.hypot(P[j * 3]! - x, P[j * 3 + 1]! - y, P[j * 3 + 2]! - z) < 2e-4) return j;
      return undefined;
    };
    let missing = 0,
      wrong = 0;
    for (let i = 0; i < n; i++) {
      const j = twin(-P[i * 3]!, P[i * 3 + 1]!, P[i * 3 + 2]!);
      if (j === undefined) missing++;
      else if (regions[reg[j]!] !== other(regions[reg[i]!]!)) wrong++;
    }
    expect(missing).toBe(0);
    expect(wrong).toBe(0);
  });

  it('stays within triangle and size budgets', () => {
    const tris = trianglesDrawn(doc);
    expect(tris).toBeGreaterThan(150000);
    // issue #14: at most the peer's Z-Anatomy model (202k triangles, 2.31 MB), with margin
    expect(tris).toBeLessThanOrEqual(200000);
    expect(built.byteLength).toBeLessThanOrEqual(2_000_000);
  });
});

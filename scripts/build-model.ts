/**
 * Builds public/models/body.glb from data/anatomy/{landmarks,body,muscles}.json.
 * Deterministic: same data -> byte-identical GLB. See docs/model.md.
 *
 *   tsx scripts/build-model.ts [out.glb] [--write-landmarks]
 */
import { readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { dirname, resolve as resolvePath } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Document, Logger, NodeIO, type Node as GNode } from '@gltf-transform/core';
import { EXTMeshoptCompression, KHRMeshQuantization } from '@gltf-transform/extensions';
import { meshopt } from '@gltf-transform/functions';
import { MeshoptEncoder, MeshoptSimplifier } from 'meshoptimizer';
import {
  type V3,
  at,
  add,
  sub,
  mul,
  dot,
  cross,
  norm,
  dist,
  lerp,
  catmullRom,
  resample,
  pointAt,
  polyLength,
  mirrorX,
  smoothstep,
  hash01,
  r5,
  clamp,
} from './model/math.ts';
import {
  type Mesh,
  newMesh,
  tube,
  slab,
  computeNormals,
  fibreCodes,
  compactMesh,
  TENDON,
} from './model/mesh.ts';
import {
  Grid,
  type Prim,
  sdPrim,
  surfaceNets,
  signedVolume,
  taubin,
  addHard,
  blur,
  clipHalf,
  sample,
  closing,
  smin,
} from './model/sdf.ts';
import { buildVolumes, segmentLookup, type Strand, type VolumeResult } from './model/volumes.ts';
import { type SkeletonData, buildSkeleton } from './model/skeleton.ts';
import {
  type Landmarks,
  type Body,
  type Muscles,
  type MuscleDef,
  type Segment,
  resolve,
  asPart,
  setWarp,
} from './model/data.ts';
import { makeWarp } from './model/posture.ts';
import { strandUnitsPerMetre } from '../src/scene/modelData.ts';

const ROOT = resolvePath(dirname(fileURLToPath(import.meta.url)), '..');
const readJson = <T>(p: string): T => JSON.parse(readFileSync(resolvePath(ROOT, p), 'utf8')) as T;

const ARM_SEGMENTS = new Set<Segment>(['upper_arm', 'forearm', 'hand']);
/** how much the posture deepened the trunk at a point (set by buildModel) */
let depthFactor: (p: V3) => number = () => 1;
/** Round to 1 mm (strand polylines in node extras). */
const r3 = (a: V3): V3 => [
  Math.round(a[0] * 1e3) / 1e3 || 0,
  Math.round(a[1] * 1e3) / 1e3,
  Math.round(a[2] * 1e3) / 1e3,
];

export interface BuiltMuscle {
  id: string;
  layer: 'S' | 'D';
  mesh: Mesh; // left side
  strands: V3[][]; // left side, origin -> insertion
  capsules: { a: V3; b: V3; r: number }[]; // left side, for skin wrapping
  centreLines: Strand[]; // left side, for building the muscle as a volume
}

// ---------- axes: outward direction helper ----------
function makeOutward(body: Body, anchors: Record<string, V3>): (p: V3) => V3 {
  const segs: [V3, V3][] = [];
  for (const ax of body.axes) {
    const pts = asPart(ax.name === 'arm' ? 'arm' : 'trunk', () =>
      ax.path.map((q) => resolve(q, anchors)),
    );
    for (let i = 0; i + 1 < pts.length; i++) {
      segs.push([at(pts, i), at(pts, i + 1)]);
      if (ax.mirror) segs.push([mirrorX(at(pts, i)), mirrorX(at(pts, i + 1))]);
    }
  }
  return (p: V3): V3 => {
    let best = Infinity;
    let out: V3 = [0, 0, 1];
    for (const [a, b] of segs) {
      const ab = sub(b, a);
      const t = clamp(dot(sub(p, a), ab) / Math.max(dot(ab, ab), 1e-12), 0, 1);
      const c = add(a, mul(ab, t));
      const d = dist(p, c);
      if (d < best) {
        best = d;
        out = norm(sub(p, c));
      }
    }
    return out;
  };
}

function muscleColor(id: string): V3 {
  const h = hash01(id);
  const h2 = hash01(id + '#');
  const v = 0.82 + 0.3 * h; // brightness variation
  return [
    clamp(0.7 * v, 0, 1),
    // a little green keeps every muscle's red clearly apart from the referral red of the zones
    clamp((0.16 + 0.09 * h2) * v, 0, 1),
    clamp((0.12 + 0.05 * (1 - h2)) * v, 0, 1),
  ];
}

function profile(
  t: number,
  tendon: [number, number],
  peak: number,
  shape = 0.7,
): { g: number; tendonMix: number } {
  const [a, b] = tendon;
  const u0 = a,
    u1 = 1 - b;
  if (t <= u0 || t >= u1) {
    return { g: 0, tendonMix: 1 };
  }
  const u = (t - u0) / (u1 - u0);
  // asymmetric bump with maximum at `peak`
  const w = u < peak ? u / peak : (1 - u) / (1 - peak);
  const g = Math.sin((Math.PI / 2) * clamp(w, 0, 1)) ** shape;
  const mix = 1 - smoothstep(0, 0.12, Math.min(t - u0, u1 - t) / Math.max(u1 - u0, 1e-6));
  return { g, tendonMix: mix };
}

/** The centre line the app places trigger points on: a point every 2.5 cm (4 to 12), which keeps
 * the model file small for the many short muscles (hand, foot, face) and curves smooth for long ones. */
function markerLine(dense: V3[]): V3[] {
  const n = Math.round(clamp(polyLength(dense) / 0.025 + 1, 4, 12));
  return resample(dense, n).map(r3);
}

function buildMuscle(
  id: string,
  def: MuscleDef,
  anchors: Record<string, V3>,
  outward: (p: V3) => V3,
): BuiltMuscle {
  const mesh = newMesh(true);
  const strands: V3[][] = [];
  const capsules: { a: V3; b: V3; r: number }[] = [];
  const centreLines: Strand[] = [];
  const base = muscleColor(id);
  if (def.strands) {
    def.strands.forEach((s, si) => {
      const ctrl = s.path.map((q) => resolve(q, anchors));
      const dense = catmullRom(ctrl, 12);
      const L = polyLength(dense);
      // thin strands (hand, foot, face) need fewer rings and sides to look round at their size
      const thin = s.r <= 0.005;
      // long thin strands are mostly tendon: rings every 2.5 cm are enough there
      const n = Math.round(thin ? clamp(L / 0.025, 10, 18) : clamp(L / 0.018, 14, 26));
      const path = resample(dense, n);
      const tendon = s.tendon ?? [0.08, 0.12];
      const peak = s.peak ?? 0.5;
      const flat = s.flat ?? 1;
      const tr = Math.min(0.004, s.r * 0.35);
      const width: number[] = [],
        depth: number[] = [],
        up: V3[] = [],
        cols: V3[] = [],
        mixes: number[] = [];
      const col = si % 2 === 0 ? base : mul(base, 0.93);
      for (let i = 0; i < n; i++) {
        const t = i / (n - 1);
        const { g, tendonMix } = profile(t, tendon, peak);
        const r = tr + (s.r - tr) * g;
        width.push(r);
        depth.push(Math.max(tr * 0.8, r * flat));
        up.push(outward(at(path, i)));
        cols.push(lerp(col as V3, TENDON, tendonMix));
        mixes.push(tendonMix);
      }
      centreLines.push({
        pts: path,
        w: width,
        tendonMix: mixes,
        tendonR: tr,
        flat,
        up,
        color: col,
      });
      const seg = s.r > 0.012 ? 10 : thin ? 6 : 8;
      tube(mesh, path, width, depth, up, cols, seg);
      strands.push(markerLine(dense));
      for (let i = 0; i + 1 < n; i++)
        capsules.push({
          a: at(path, i),
          b: at(path, i + 1),
          r: Math.max(at(width, i), at(depth, i)),
        });
    });
  }
  if (def.sheet) {
    const sh = def.sheet;
    const from = sh.from.map((q) => resolve(q, anchors));
    const to = sh.to.map((q) => resolve(q, anchors));
    const via = (sh.via ?? []).map((l) => l.map((q) => resolve(q, anchors)));
    const ns = Math.max(2, sh.n);
    const tendon = sh.tendon ?? [0.04, 0.1];
    // strand samples along length
    const rawStrands: V3[][] = [];
    let maxL = 0;
    for (let i = 0; i < ns; i++) {
      const f = i / (ns - 1);
      const ctrl: V3[] = [pointAt(from, f), ...via.map((l) => pointAt(l, f)), pointAt(to, f)];
      const dense = catmullRom(ctrl, 12);
      rawStrands.push(dense);
      maxL = Math.max(maxL, polyLength(dense));
    }
    const nj = Math.round(clamp(maxL / 0.022, 12, 22));
    const grid = rawStrands.map((d) => resample(d, nj));
    // normals from the sheet itself, oriented outward
    const normals: V3[][] = [],
      thick: number[][] = [],
      cols: V3[][] = [];
    for (let i = 0; i < ns; i++) {
      const nrow: V3[] = [],
        trow: number[] = [],
        crow: V3[] = [],
        mrow: number[] = [];
      const col = i % 2 === 0 ? base : mul(base, 0.95);
      for (let j = 0; j < nj; j++) {
        const g = (ii: number, jj: number) =>
          at(at(grid, clamp(ii, 0, ns - 1)), clamp(jj, 0, nj - 1));
        const dS = sub(g(i + 1, j), g(i - 1, j));
        const dA = sub(g(i, j + 1), g(i, j - 1));
        let nn = norm(cross(dS, dA));
        const o = outward(g(i, j));
        if (dot(nn, nn) < 0.5) nn = o;
        if (dot(nn, o) < 0) nn = mul(nn, -1);
        // blend with the axis outward for stability
        nn = norm(add(mul(nn, 0.6), mul(o, 0.4)));
        nrow.push(nn);
        const t = j / (nj - 1);
        const { g: gg, tendonMix: tm0 } = profile(t, tendon, sh.peak ?? 0.5, sh.shape ?? 0.7);
        let tendonMix = tm0;
        for (const b of sh.bands ?? [])
          tendonMix = Math.max(tendonMix, 1 - smoothstep(0.012, 0.03, Math.abs(t - b)));
        const edge = 1 - (sh.edge ?? 0.35) * Math.abs((2 * i) / (ns - 1) - 1) ** 3;
        trow.push((0.0015 + (sh.thick - 0.0015) * gg) * edge);
        crow.push(lerp(col as V3, TENDON, tendonMix));
        mrow.push(tendonMix);
      }
      centreLines.push({
        pts: at(grid, i),
        w: trow,
        tendonMix: mrow,
        tendonR: 0.002,
        flat: 1,
        up: nrow,
        color: col,
      });
      normals.push(nrow);
      thick.push(trow);
      cols.push(crow);
    }
    slab(mesh, grid, normals, thick, cols);
    for (const d of rawStrands) strands.push(markerLine(d));
    for (let i = 0; i < ns; i++)
      for (let j = 0; j + 1 < nj; j += 1) {
        capsules.push({ a: at(at(grid, i), j), b: at(at(grid, i), j + 1), r: at(at(thick, i), j) });
        // across the sheet too, so the skin has no gaps between strands
        if (i + 1 < ns)
          capsules.push({
            a: at(at(grid, i), j),
            b: at(at(grid, i + 1), j),
            r: at(at(thick, i), j),
          });
      }
  }
  return { id, layer: def.layer, mesh, strands, capsules, centreLines };
}

interface SkinPrimR {
  prim: Prim;
  segment: Segment;
  k: number;
  detail: boolean;
}

function skinPrims(body: Body, anchors: Record<string, V3>): SkinPrimR[] {
  const out: SkinPrimR[] = [];
  for (const s of body.skin) {
    const k = s.k ?? body.grid.blend;
    const mk = (mir: boolean): Prim => {
      const f = (p: V3): V3 => (mir ? mirrorX(p) : p);
      if (s.type === 'ellipsoid') {
        const c = resolve(s.c, anchors);
        const r: V3 = [s.r[0], s.r[1], s.r[2] * depthFactor(c)];
        return { type: 'ellipsoid', c: f(c), r, ...(s.n ? { n: s.n } : {}) };
      }
      return {
        type: 'cone',
        a: f(resolve(s.a, anchors)),
        b: f(resolve(s.b, anchors)),
        ra: s.ra,
        rb: s.rb,
      };
    };
    const detail = s.detail ?? false;
    asPart(ARM_SEGMENTS.has(s.segment) ? 'arm' : 'trunk', () => {
      out.push({ prim: mk(false), segment: s.segment, k, detail });
      if (s.mirror) out.push({ prim: mk(true), segment: s.segment, k, detail });
    });
  }
  return out;
}

async function buildSkin(
  body: Body,
  prims: SkinPrimR[],
  muscles: BuiltMuscle[],
  muscleOffsets: Map<string, number>,
  boneCapsules: { a: V3; b: V3; r: number }[],
): Promise<{
  pos: Float32Array;
  idx: Uint32Array;
  half: number;
  src: Int32Array;
  field: Grid;
}> {
  const G = body.grid;
  // Skin field, per body part (trunk; left arm; left leg; head; neck): the smooth union of
  // the part's primitives and the hard union of its muscle and bone capsules (so nothing pokes
  // through), closed by a ball (grooves between muscles and ribs fill in, the skin drapes over
  // the relief); the parts (arm and leg mirrored) are then joined with a smooth union.
  const groupOf = (s: Segment): number =>
    s === 'upper_arm' || s === 'forearm' || s === 'hand'
      ? 1
      : s === 'thigh' || s === 'leg' || s === 'foot'
        ? 2
        : s === 'head'
          ? 3
          : s === 'neck'
            ? 4
            : 0;
  // a capsule belongs to the part of its nearest primitive; -1 = a detail primitive (fingers,
  // thumb, ears, nose), whose capsules are not closed (the finger gaps stay open)
  const primGroup = (p: V3): number => {
    let best = Infinity,
      gi = 0;
    for (const q of prims) {
      const d = sdPrim(q.prim, p[0], p[1], p[2]);
      if (d < best) {
        best = d;
        gi = q.detail ? -1 : groupOf(q.segment);
      }
    }
    return gi;
  };
  const radii = G.closeRadius ?? [0.03, 0.015, 0.02, 0.01];
  const joins = G.joinRadius ?? [0, 0.015, 0.03, 0.02];
  const NG = radii.length;
  const caps: { a: V3; b: V3; r: number }[][] = radii.map(() => []);
  const detailCaps: { a: V3; b: V3; r: number }[] = [];
  const addCap = (a: V3, b: V3, r: number, rDetail = r): void => {
    const gi = primGroup(mul(add(a, b), 0.5));
    // limbs are built on the left and mirrored; the trunk and head take both sides
    if (gi === -1) detailCaps.push({ a, b, r: rDetail });
    else if (gi === 0 || gi === 3 || gi === 4) {
      caps[0]!.push({ a, b, r });
      if (Math.abs(a[0]) > 1e-9 || Math.abs(b[0]) > 1e-9)
        caps[0]!.push({ a: mirrorX(a), b: mirrorX(b), r });
    } else if (a[0] + b[0] > 0) caps[gi]!.push({ a, b, r });
    else caps[gi]!.push({ a: mirrorX(a), b: mirrorX(b), r });
  };
  for (const c of boneCapsules)
    if (c.a[0] + c.b[0] >= 0) addCap(c.a, c.b, c.r + body.muscleSkinOffset * 2, c.r + 0.001);
  for (const m of muscles) {
    const off = muscleOffsets.get(m.id) ?? body.muscleSkinOffset;
    for (const c of m.capsules)
      addCap(c.a, c.b, Math.max(c.r + off, G.minWrap ?? G.h * 1.5), c.r + Math.min(off, 0.0015));
  }
  const g = new Grid(G.min, G.max, G.h);
  const hard0 = new Float32Array(g.v.length).fill(1);
  const hardD = new Grid(G.min, G.max, G.h);
  for (let gi = 0; gi < NG; gi++) {
    const join = joins[gi]!;
    const R = radii[gi]!;
    const band = R + 3 * G.h;
    const w = new Grid(G.min, G.max, G.h);
    for (const p of prims) {
      if (p.detail || groupOf(p.segment) !== gi) continue;
      const c = p.prim.type === 'ellipsoid' ? p.prim.c : add(p.prim.a, p.prim.b);
      if ((gi === 1 || gi === 2) && c[0] < 0) continue;
      w.add(p.prim, p.k, band);
    }
    for (const c of caps[gi]!) addHard(w, { type: 'cone', a: c.a, b: c.b, ra: c.r, rb: c.r }, band);
    for (let i = 0; i < w.v.length; i++) if (w.v[i]! < hard0[i]!) hard0[i] = w.v[i]!;
    closing(w, R);
    const { nx } = g;
    for (let i = 0; i < w.v.length; i++) {
      const ix = i % nx;
      const vals = gi === 1 || gi === 2 ? [w.v[i]!, w.v[i - ix + (nx - 1 - ix)]!] : [w.v[i]!];
      for (const d of vals) g.v[i] = smin(g.v[i]!, d, join);
    }
  }
  // mirror hard0 for the limbs (built on the left)
  {
    const { nx } = g;
    for (let i = 0; i < hard0.length; i++) {
      const ix = i % nx;
      const m = hard0[i - ix + (nx - 1 - ix)]!;
      if (m < hard0[i]!) hard0[i] = m;
    }
  }
  if (G.wrapSigma) blur(g, G.wrapSigma);
  if (G.wrapShift) for (let i = 0; i < g.v.length; i++) g.v[i] = g.v[i]! - G.wrapShift;
  // details: not closed or blurred (finger gaps, ears, nose)
  for (const p of prims) if (p.detail) g.add(p.prim, p.k);
  for (const c of detailCaps) {
    addHard(hardD, { type: 'cone', a: c.a, b: c.b, ra: c.r, rb: c.r }, 2 * G.h);
    addHard(hardD, { type: 'cone', a: mirrorX(c.a), b: mirrorX(c.b), ra: c.r, rb: c.r }, 2 * G.h);
  }
  for (let i = 0; i < hard0.length; i++) if (hardD.v[i]! < hard0[i]!) hard0[i] = hardD.v[i]!;
  const kc = G.coverBlend ?? 0.006;
  for (let i = 0; i < g.v.length; i++) {
    // cover: wherever the smoothed field fell short of a capsule, blend the capsule back in
    g.v[i] = smin(g.v[i]!, hard0[i]!, kc);
  }
  const sn = surfaceNets(g);
  // Taubin smoothing removes the voxel ripple before simplification
  taubin(sn.pos, sn.idx, G.smooth ?? 0);
  // exact mirror: simplify the x >= 0 half with its midline border locked, then mirror it
  const halfMesh = clipHalf(sn.pos, sn.idx);
  await MeshoptSimplifier.ready;
  const target = Math.round(body.skinTriangles / 2) * 3;
  const [simp] = MeshoptSimplifier.simplify(halfMesh.idx, halfMesh.pos, 3, target, 0.01, [
    'LockBorder',
  ]);
  const lean = compactMesh(halfMesh.pos, simp);
  const hp = Array.from(lean.pos);
  const hidx = lean.idx;
  const nh = hp.length / 3;
  if (G.postSmooth) taubinPinned(hp, hidx, G.postSmooth);
  // mirror: midline vertices (x = 0) are shared
  const mir = new Int32Array(nh);
  const pos = hp.slice();
  for (let v = 0; v < nh; v++) {
    if (hp[v * 3] === 0) mir[v] = v;
    else {
      mir[v] = pos.length / 3;
      pos.push(-hp[v * 3]!, hp[v * 3 + 1]!, hp[v * 3 + 2]!);
    }
  }
  const src: number[] = [];
  for (let v = 0; v < nh; v++) if (mir[v] !== v) src.push(v);
  const idx = new Uint32Array(hidx.length * 2);
  idx.set(hidx);
  for (let t = 0; t < hidx.length; t += 3) {
    idx[hidx.length + t] = mir[hidx[t]!]!;
    idx[hidx.length + t + 1] = mir[hidx[t + 2]!]!;
    idx[hidx.length + t + 2] = mir[hidx[t + 1]!]!;
  }
  const P = new Float32Array(pos);
  if (signedVolume(P, idx) < 0) {
    for (let t = 0; t < idx.length; t += 3) {
      const tmp = idx[t + 1]!;
      idx[t + 1] = idx[t + 2]!;
      idx[t + 2] = tmp;
    }
  }
  return { pos: P, idx, half: nh, src: Int32Array.from(src), field: g };
}

/** Muscle surface points less than 1 mm inside the skin field (a diagnostic of the build). */
function pokingPoints(skin: Grid, muscles: BuiltMuscle[]): number {
  let poke = 0;
  for (const m of muscles)
    for (let i = 0; i < m.mesh.pos.length; i += 3)
      if (sample(skin, m.mesh.pos[i]!, m.mesh.pos[i + 1]!, m.mesh.pos[i + 2]!) > -0.001) {
        poke++;
        if (process.env.POKE) console.log('poke', m.id, m.mesh.pos.slice(i, i + 3).join(' '));
      }
  return poke;
}

/** Taubin smoothing of the half skin with midline (x = 0) vertices kept on the midline. */
function taubinPinned(hp: number[], idx: Uint32Array, iterations: number): void {
  const P = new Float32Array(hp);
  for (let i = 0; i < iterations; i++) {
    taubin(P, idx, 1);
    for (let v = 0; v < hp.length / 3; v++) if (hp[v * 3] === 0) P[v * 3] = 0;
  }
  for (let i = 0; i < hp.length; i++) hp[i] = P[i]!;
}

function assignRegions(
  pos: Float32Array,
  prims: SkinPrimR[],
  lm: Landmarks,
  half: number,
  src: Int32Array,
): { regions: string[]; region: Uint16Array; snapped: Record<string, V3> } {
  const nv = pos.length / 3;
  const segmentAt = segmentLookup(prims);
  const seg: Segment[] = [];
  for (let v = 0; v < nv; v++) seg.push(segmentAt([pos[v * 3]!, pos[v * 3 + 1]!, pos[v * 3 + 2]!]));
  const ids = Object.keys(lm.surface);
  const regions: string[] = [];
  for (const id of ids) {
    const l = lm.surface[id]!;
    if (l.midline) regions.push(id);
    else regions.push(`${id}:left`, `${id}:right`);
  }
  // snap each landmark onto the skin (nearest vertex of its segment; left side for paired)
  const snapped: Record<string, V3> = {};
  const pts: { region: number; p: V3; segment: Segment; mid: boolean }[] = [];
  for (const id of ids) {
    const l = lm.surface[id]!;
    let best = Infinity;
    let bp: V3 = l.at;
    for (let v = 0; v < nv; v++) {
      if (seg[v] !== l.segment) continue;
      const x = pos[v * 3]!;
      if (l.midline ? Math.abs(x) > 0.012 : x <= 0.002) continue;
      const p: V3 = [x, pos[v * 3 + 1]!, pos[v * 3 + 2]!];
      const d = dist(p, l.at);
      if (d < best) {
        best = d;
        bp = p;
      }
    }
    if (l.midline) bp = [0, bp[1], bp[2]];
    snapped[id] = r5(bp);
    if (l.midline) pts.push({ region: regions.indexOf(id), p: bp, segment: l.segment, mid: true });
    else {
      pts.push({ region: regions.indexOf(`${id}:left`), p: bp, segment: l.segment, mid: false });
      pts.push({
        region: regions.indexOf(`${id}:right`),
        p: mirrorX(bp),
        segment: l.segment,
        mid: false,
      });
    }
  }
  const region = new Uint16Array(nv);
  for (let v = 0; v < half; v++) {
    const p: V3 = [pos[v * 3]!, pos[v * 3 + 1]!, pos[v * 3 + 2]!];
    let best = Infinity;
    let r = 0;
    // vertices on the midline take midline regions (a paired one would break the mirror)
    const onMid = pos[v * 3] === 0;
    for (const q of pts) {
      if (q.segment !== seg[v]) continue;
      if (onMid && !q.mid) continue;
      // paired landmarks only on their own side
      const d = dist(p, q.p);
      if (d < best) {
        best = d;
        r = q.region;
      }
    }
    // a midline vertex of a segment without midline landmarks (the inner thighs touching at the
    // crotch), or whose only one is on the other face of the body (the back of the neck has
    // none, the throat is in front): the nearest midline landmark of any segment, counting
    // front-back distance three times, so a vertex on the back stays on the back
    const wrongFace = (q: (typeof pts)[number]): boolean => Math.abs(q.p[2] - p[2]) > 0.06;
    if (best === Infinity || (onMid && wrongFace(pts.find((q) => q.region === r)!))) {
      best = Infinity;
      for (const q of pts) {
        if (!q.mid) continue;
        const d = Math.hypot(q.p[0] - p[0], q.p[1] - p[1], 3 * (q.p[2] - p[2]));
        if (d < best) {
          best = d;
          r = q.region;
        }
      }
    }
    region[v] = r;
  }
  // the other half is the mirror image: same landmark, other side
  const other = regions.map((n) =>
    n.endsWith(':left')
      ? regions.indexOf(n.replace(/:left$/, ':right'))
      : n.endsWith(':right')
        ? regions.indexOf(n.replace(/:right$/, ':left'))
        : regions.indexOf(n),
  );
  for (let v = half; v < nv; v++) region[v] = other[region[src[v - half]!]!]!;
  return { regions, region, snapped };
}

export interface BuildResult {
  glb: Uint8Array;
  stats: {
    skinTris: number;
    skeletonTris: number;
    muscleTris: number;
    bytes: number;
    poke: number;
    /** each volume muscle's tissue (cm³, left side) */
    volumes: Record<string, number>;
  };
  snappedLandmarks: Record<string, V3>;
}

export async function buildModel(): Promise<BuildResult> {
  const lm = readJson<Landmarks>('data/anatomy/landmarks.json');
  const body = readJson<Body>('data/anatomy/body.json');
  const md = readJson<Muscles>('data/anatomy/muscles.json');
  const anchors = lm.anchors;
  const posture = makeWarp(body.posture);
  setWarp(posture.point);
  depthFactor = posture.depthFactor;
  const outward = makeOutward(body, anchors);

  const muscles: BuiltMuscle[] = [];
  const offsets = new Map<string, number>();
  for (const [id, def] of Object.entries(md.muscles)) {
    const share = body.posture.armMuscles.includes(id)
      ? 'arm'
      : body.posture.shoulderMuscles.includes(id)
        ? 'auto'
        : 'trunk';
    muscles.push(asPart(share, () => buildMuscle(id, def, anchors, outward)));
    if (def.skinOffset !== undefined) offsets.set(id, def.skinOffset);
  }
  const boneCaps: { a: V3; b: V3; r: number }[] = [];
  const skeleton = await buildSkeleton(
    readJson<SkeletonData>('data/anatomy/skeleton.json'),
    anchors,
    boneCaps,
  );
  const prims = skinPrims(body, anchors);
  // the limb muscles built as volumes (tendons too) lie inside the skin by construction: it does
  // not wrap them
  const asVolume = new Set(body.compartments.flatMap((c) => c.muscles));
  // nor the muscles of the skin itself (platysma, the facial muscles): they lie 2-4 mm under
  // it, and a wrapped capsule (at least 1.5 skin voxels round) would puff the face out
  const ofSkin = new Set(
    Object.entries(md.muscles).flatMap(([id, d]) => (d.wrap === false ? [id] : [])),
  );
  const wrapped = muscles.filter((m) => !asVolume.has(m.id) && !ofSkin.has(m.id));
  const skin = await buildSkin(body, prims, wrapped, offsets, boneCaps);
  const segmentAt = segmentLookup(prims);
  const blockers = [...boneCaps, ...wrapped.flatMap((m) => m.capsules)];
  const volumes: VolumeResult[] = [];
  for (const comp of body.compartments) {
    const members = comp.muscles.map((id) => {
      const m = muscles.find((q) => q.id === id);
      if (!m) throw new Error(`compartment ${comp.name}: unknown muscle "${id}"`);
      return { id, strands: m.centreLines };
    });
    const built = await buildVolumes(comp, members, skin.field, segmentAt, blockers);
    for (const m of muscles) {
      const mesh = built.meshes.get(m.id);
      if (mesh) m.mesh = mesh;
      // trigger points sit `along` the centre lines the volume was built on
      const lines = built.centreLines.get(m.id);
      if (lines) m.strands = lines.map((l) => resample(l, 12).map(r3));
    }
    volumes.push(built);
  }
  const { regions, region, snapped } = assignRegions(skin.pos, prims, lm, skin.half, skin.src);

  // ---------- glTF ----------
  const doc = new Document();
  doc.setLogger(new Logger(Logger.Verbosity.ERROR));
  const buf = doc.createBuffer();
  const scene = doc.createScene('body');
  const matSkin = doc
    .createMaterial('skin')
    .setBaseColorFactor([0.93, 0.76, 0.66, 1])
    .setRoughnessFactor(0.8);
  const matBone = doc
    .createMaterial('bone')
    .setBaseColorFactor([1, 1, 1, 1])
    .setRoughnessFactor(0.7);
  const matMuscle = doc
    .createMaterial('muscle')
    .setBaseColorFactor([1, 1, 1, 1])
    .setRoughnessFactor(0.6);

  const addMesh = (
    name: string,
    pos: Float32Array,
    idx: Uint32Array,
    col: Float32Array | null,
    mat: typeof matSkin,
    fib?: readonly number[],
  ): GNode => {
    const prim = doc.createPrimitive().setMaterial(mat);
    prim.setAttribute(
      'POSITION',
      doc.createAccessor().setType('VEC3').setArray(pos).setBuffer(buf),
    );
    prim.setAttribute(
      'NORMAL',
      doc
        .createAccessor()
        .setType('VEC3')
        .setArray(computeNormals(pos, idx, fib !== undefined))
        .setBuffer(buf),
    );
    // stripe phase (docs/model.md): stays as written, quantize() skips "_" values above 1
    if (fib)
      prim.setAttribute(
        '_FIBRE',
        doc.createAccessor().setType('SCALAR').setArray(fibreCodes(fib)).setBuffer(buf),
      );
    if (col)
      prim.setAttribute(
        'COLOR_0',
        doc.createAccessor().setType('VEC3').setArray(col).setBuffer(buf),
      );
    const ia = pos.length / 3 > 65535 ? idx : new Uint16Array(idx);
    prim.setIndices(doc.createAccessor().setType('SCALAR').setArray(ia).setBuffer(buf));
    const mesh = doc.createMesh(name).addPrimitive(prim);
    const node = doc.createNode(name).setMesh(mesh);
    scene.addChild(node);
    return node;
  };

  const skinNode = addMesh('skin', skin.pos, skin.idx, null, matSkin);
  const skinPrim = skinNode.getMesh()!.listPrimitives()[0]!;
  skinPrim.setAttribute(
    '_REGION',
    doc.createAccessor().setType('SCALAR').setArray(region).setBuffer(buf),
  );
  skinNode.setExtras({ layer: 'skin', regions });

  const skelNode = addMesh(
    'skeleton',
    new Float32Array(skeleton.pos),
    new Uint32Array(skeleton.idx),
    new Float32Array(skeleton.col),
    matBone,
  );
  skelNode.setExtras({ layer: 'skeleton' });

  let muscleTris = 0;
  for (const m of muscles) {
    const left = addMesh(
      `m:${m.id}:left`,
      new Float32Array(m.mesh.pos),
      new Uint32Array(m.mesh.idx),
      new Float32Array(m.mesh.col),
      matMuscle,
      m.mesh.fib,
    );
    // the right side is the left's mesh under a mirroring node: half the muscles' bytes (the
    // reader turns its triangles round, as a mirror reverses their winding)
    const right = doc.createNode(`m:${m.id}:right`).setMesh(left.getMesh()).setScale([-1, 1, 1]);
    scene.addChild(right);
    const sides = [
      [left, 'left', m.strands],
      [right, 'right', m.strands.map((s) => s.map((p) => mirrorX(p)))],
    ] as const;
    for (const [node, side, strands] of sides)
      node.setExtras({
        muscle: m.id,
        side,
        layer: m.layer,
        // whole millimetres: a third shorter in the file's JSON than metres to 3 decimals
        strands: strands.map((s) =>
          s.map((p) => p.map((c) => Math.round(c * strandUnitsPerMetre))),
        ),
      });
    muscleTris += (2 * m.mesh.idx.length) / 3;
  }
  scene.setExtras({ regions });

  doc
    .createExtension(EXTMeshoptCompression)
    .setRequired(true)
    .setEncoderOptions({ method: EXTMeshoptCompression.EncoderMethod.QUANTIZE });
  await MeshoptEncoder.ready;
  await doc.transform(meshopt({ encoder: MeshoptEncoder, level: 'medium' }));
  const io = new NodeIO()
    .registerExtensions([EXTMeshoptCompression, KHRMeshQuantization])
    .registerDependencies({ 'meshopt.encoder': MeshoptEncoder });
  const glb = await io.writeBinary(doc);
  return {
    glb,
    stats: {
      skinTris: skin.idx.length / 3,
      skeletonTris: skeleton.idx.length / 3,
      muscleTris,
      bytes: glb.byteLength,
      poke: pokingPoints(skin.field, muscles),
      volumes: Object.fromEntries(
        volumes.flatMap((v) =>
          [...v.voxels].map(([id, n]) => [id, Math.round(n * v.h ** 3 * 1e6)] as const),
        ),
      ),
    },
    snappedLandmarks: snapped,
  };
}

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const out = resolvePath(ROOT, args.find((a) => !a.startsWith('--')) ?? 'public/models/body.glb');
  const t0 = performance.now();
  const r = await buildModel();
  mkdirSync(dirname(out), { recursive: true });
  writeFileSync(out, r.glb);
  if (args.includes('--write-landmarks')) {
    const lmPath = resolvePath(ROOT, 'data/anatomy/landmarks.json');
    const lm = JSON.parse(readFileSync(lmPath, 'utf8')) as Landmarks;
    for (const [id, p] of Object.entries(r.snappedLandmarks)) lm.surface[id]!.at = p;
    writeFileSync(lmPath, JSON.stringify(lm, null, 1) + '\n');
  }
  const s = r.stats;
  const vol = Object.entries(s.volumes).map(([id, cm3]) => `${id} ${cm3}`);
  console.log(`volumes (cm³, one side): ${vol.join(', ')}`);
  console.log(
    `body.glb: ${s.bytes} bytes; triangles skin ${s.skinTris}, skeleton ${s.skeletonTris}, muscles ${s.muscleTris}, total ${s.skinTris + s.skeletonTris + s.muscleTris}; muscle points outside the skin ${s.poke}; ${((performance.now() - t0) / 1000).toFixed(1)} s`,
  );
}

if (process.argv[1] && resolvePath(process.argv[1]) === fileURLToPath(import.meta.url)) {
  main().catch((e: unknown) => {
    console.error(e);
    process.exit(1);
  });
}

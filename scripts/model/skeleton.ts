/**
 * The skeleton (data/anatomy/skeleton.json): bones as signed-distance fields of primitives
 * (ellipsoids, round cones, elliptic cylinders, thin plates; smooth union and subtraction),
 * extracted with surface nets, Taubin-smoothed and simplified with meshoptimizer; ribs, costal
 * cartilages and finger/toe rays are lofted tubes. Left side and midline only: paired bones are
 * mirrored whole, midline bones are built as their x >= 0 half and mirrored, so the skeleton is an
 * exact mirror. Returns bone capsules for the skin wrap.
 */
import { MeshoptSimplifier } from 'meshoptimizer';
import {
  type V3,
  at,
  add,
  sub,
  mul,
  dot,
  cross,
  dist,
  lerp,
  norm,
  clamp,
  catmullRom,
  resample,
  mirrorX,
  polyLength,
} from './math.ts';
import { type Capsule, type Mesh, compactMesh, newMesh, tube, appendMesh } from './mesh.ts';
import { Grid, sdPrim, smin, surfaceNets, taubin, clipHalf, signedVolume } from './sdf.ts';
import { type PointRef, resolve, asPart } from './data.ts';

/** Bones and rays that turn with the arm in the posture (scripts/model/posture.ts). */
const ARM_BONES = new Set([
  'humerus',
  'ulna',
  'radius',
  'carpals',
  'thumb',
  'index',
  'middle',
  'ring',
  'little',
]);

/** Linear RGB (glTF COLOR_0): bone is the app's #ede6d3, cartilage a paler bluish white. */
export const BONE_COLOR: V3 = [0.847, 0.791, 0.651];
export const CARTILAGE_COLOR: V3 = [0.76, 0.8, 0.83];

export type { Capsule } from './mesh.ts';

/** One primitive of a bone: exactly one of ell, cone, cyl, plate. */
export interface PartDef {
  ell?: PointRef;
  cone?: [PointRef, PointRef];
  /** vertical elliptic cylinder, r = [rx, half height, rz] */
  cyl?: PointRef;
  /** rows of points spanning a curved plate (quads split in two triangles), half thickness t */
  plate?: PointRef[][];
  r?: number[];
  t?: number;
  /** smooth subtraction instead of smooth union */
  sub?: boolean;
  /** blend radius (m), default the bone's */
  k?: number;
}

export interface SdfBone {
  name: string;
  /** midline bone: built as its x >= 0 half (parts written for x >= 0) and mirrored */
  mid: boolean;
  k: number;
  h?: number;
  cartilage?: boolean;
  parts: PartDef[];
}

interface VertebraKey {
  at: string;
  /** body [rx, half height, rz] */
  body: number[];
  /** spinous [drop of the tip below the body centre, half height at the base, r] */
  sp: number[];
  /** transverse tip [x, dy, dz] from the body centre, and r */
  tp: number[];
  /** vertebral foramen [rx, rz] */
  canal: number[];
}

interface RibDef {
  /** half width, posterior and anterior z of the rib's outline, drop at the side */
  w: number;
  back: number;
  front: number;
  drop: number;
  /** costochondral junction */
  end: V3;
  /** cartilage: to the sternum [x, y, z], or onto the cartilage of rib `onto` at fraction `f` */
  sternum?: V3;
  onto?: number;
  f?: number;
  /** floating rib: a short cartilage tip */
  tip?: boolean;
}

interface RayDef {
  name: string;
  /** base of the metacarpal/metatarsal, head (knuckle), tip */
  pts: PointRef[];
  /** fractions of knuckle -> tip per phalanx but the last */
  split: number[];
  /** shaft radius per bone, proximal to distal */
  r: number[];
}

export interface SkeletonData {
  about: string;
  h: number;
  smooth: number;
  triangles: number;
  bones: SdfBone[];
  spine: {
    centre: V3[];
    names: string[];
    y: number[];
    keys: VertebraKey[];
    /** spinous tips pinned to the heights of these anchors */
    tips: Record<string, string>;
    /**
     * [y, z] of the spinous tips, a line under the superficial back muscles' midline origins
     * (the tip anchors lie at the skin)
     */
    tipLine: number[][];
  };
  ribs: RibDef[];
  rays: RayDef[];
}

// ---------- primitives ----------

interface Shape {
  lo: V3;
  hi: V3;
  sd: (x: number, y: number, z: number) => number;
  sub: boolean;
  k: number;
}

/** Unsigned distance to triangle abc (Inigo Quilez). */
function triangleDistance(a: V3, b: V3, c: V3): (p: V3) => number {
  const ba = sub(b, a),
    cb = sub(c, b),
    ac = sub(a, c);
  const nor = cross(ba, ac);
  const e1 = cross(ba, nor),
    e2 = cross(cb, nor),
    e3 = cross(ac, nor);
  const d2 = (v: V3) => dot(v, v);
  const nn = Math.max(d2(nor), 1e-30);
  const seg = (e: V3, p: V3) => d2(sub(mul(e, clamp(dot(e, p) / Math.max(d2(e), 1e-30), 0, 1)), p));
  return (p: V3) => {
    const pa = sub(p, a),
      pb = sub(p, b),
      pc = sub(p, c);
    const inside = Math.sign(dot(e1, pa)) + Math.sign(dot(e2, pb)) + Math.sign(dot(e3, pc)) >= 2;
    if (inside) return Math.abs(dot(nor, pa)) / Math.sqrt(nn);
    return Math.sqrt(Math.min(seg(ba, pa), seg(cb, pb), seg(ac, pc)));
  };
}

function boundsOf(pts: V3[], m: number): [V3, V3] {
  const lo: V3 = [Infinity, Infinity, Infinity],
    hi: V3 = [-Infinity, -Infinity, -Infinity];
  for (const p of pts)
    for (let i = 0; i < 3; i++) {
      lo[i] = Math.min(lo[i]!, p[i]! - m);
      hi[i] = Math.max(hi[i]!, p[i]! + m);
    }
  return [lo, hi];
}

function radii(part: PartDef, n: number): number[] {
  const r = part.r ?? [];
  if (r.length < n) throw new Error(`skeleton part needs ${n} radii: ${JSON.stringify(part)}`);
  return r;
}

/** Compiles a part (points resolved against the anchors) to a distance function with bounds. */
function shapeOf(part: PartDef, anchors: Record<string, V3>, k: number): Shape {
  const base = { sub: part.sub ?? false, k: part.k ?? k };
  if (part.ell !== undefined) {
    const c = resolve(part.ell, anchors);
    const r = radii(part, 3) as V3;
    const [lo, hi] = [sub(c, r), add(c, r)];
    return { ...base, lo, hi, sd: (x, y, z) => sdPrim({ type: 'ellipsoid', c, r }, x, y, z) };
  }
  if (part.cone !== undefined) {
    const a = resolve(part.cone[0], anchors),
      b = resolve(part.cone[1], anchors);
    const [ra, rb] = radii(part, 2) as [number, number];
    const [lo, hi] = boundsOf([a, b], Math.max(ra, rb));
    const prim = { type: 'cone' as const, a, b, ra, rb };
    return { ...base, lo, hi, sd: (x, y, z) => sdPrim(prim, x, y, z) };
  }
  if (part.cyl !== undefined) {
    const c = resolve(part.cyl, anchors);
    const [rx, hh, rz] = radii(part, 3) as V3;
    const [lo, hi] = [sub(c, [rx, hh, rz]), add(c, [rx, hh, rz])];
    const m = Math.min(rx, rz);
    return {
      ...base,
      lo,
      hi,
      sd: (x, y, z) => {
        const dr = (Math.hypot((x - c[0]) / rx, (z - c[2]) / rz) - 1) * m;
        const dy = Math.abs(y - c[1]) - hh;
        return Math.min(Math.max(dr, dy), 0) + Math.hypot(Math.max(dr, 0), Math.max(dy, 0));
      },
    };
  }
  if (part.plate !== undefined) {
    const rows = part.plate.map((row) => row.map((q) => resolve(q, anchors)));
    const t = part.t ?? 0.002;
    const tris: ((p: V3) => number)[] = [];
    for (let i = 0; i + 1 < rows.length; i++)
      for (let j = 0; j + 1 < at(rows, i).length; j++) {
        const p00 = at(at(rows, i), j),
          p01 = at(at(rows, i), j + 1),
          p10 = at(at(rows, i + 1), j),
          p11 = at(at(rows, i + 1), j + 1);
        tris.push(triangleDistance(p00, p01, p11), triangleDistance(p00, p11, p10));
      }
    // each triangle's box: triangles farther than the best so far are skipped (speed)
    const boxes = tris.map((_, n) => {
      const i = Math.floor(n / 2 / (at(rows, 0).length - 1)),
        j = Math.floor(n / 2) % (at(rows, 0).length - 1);
      return boundsOf(
        [
          at(at(rows, i), j),
          at(at(rows, i), j + 1),
          at(at(rows, i + 1), j),
          at(at(rows, i + 1), j + 1),
        ],
        0,
      );
    });
    const [lo, hi] = boundsOf(rows.flat(), t);
    return {
      ...base,
      lo,
      hi,
      sd: (x, y, z) => {
        const p: V3 = [x, y, z];
        let d = Infinity;
        tris.forEach((f, n) => {
          const [bl, bh] = at(boxes, n);
          const dx = Math.max(bl[0] - x, 0, x - bh[0]),
            dy = Math.max(bl[1] - y, 0, y - bh[1]),
            dz = Math.max(bl[2] - z, 0, z - bh[2]);
          if (dx * dx + dy * dy + dz * dz < d * d) d = Math.min(d, f(p));
        });
        return d - t;
      },
    };
  }
  throw new Error(`skeleton part without a primitive: ${JSON.stringify(part)}`);
}

// ---------- fields and meshes ----------

/** Evaluates the bone's field; a midline bone only on x >= 0, then reflected. */
function boneField(shapes: Shape[], h: number, mid: boolean): Grid {
  const adds = shapes.filter((s) => !s.sub);
  const m = 3 * h + Math.max(...shapes.map((s) => s.k));
  const [lo, hi] = boundsOf(
    adds.flatMap((s) => [s.lo, s.hi]),
    m,
  );
  if (mid) lo[0] = -hi[0];
  const g = new Grid(lo, hi, h, mid);
  const iMid = mid ? (g.nx - 1) / 2 : 0;
  for (const s of shapes) applyShape(g, s, iMid);
  if (mid) reflect(g, iMid);
  return g;
}

/** field = smin(field, shape) or smax(field, -shape), inside the shape's bounds. */
function applyShape(g: Grid, s: Shape, iMin: number): void {
  const { h, o, nx, ny, nz, v } = g;
  const m = s.k * 1.5 + 2 * h;
  const lo = (c: number, i: number) => Math.max(0, Math.floor((c - m - o[i]!) / h));
  const hi = (c: number, i: number, n: number) => Math.min(n - 1, Math.ceil((c + m - o[i]!) / h));
  const i0 = Math.max(iMin, lo(s.lo[0], 0)),
    i1 = hi(s.hi[0], 0, nx);
  const j0 = lo(s.lo[1], 1),
    j1 = hi(s.hi[1], 1, ny);
  const k0 = lo(s.lo[2], 2),
    k1 = hi(s.hi[2], 2, nz);
  const k = s.k;
  for (let kk = k0; kk <= k1; kk++) {
    const z = o[2] + kk * h;
    for (let j = j0; j <= j1; j++) {
      const y = o[1] + j * h;
      let idx = (kk * ny + j) * nx + i0;
      for (let i = i0; i <= i1; i++, idx++) {
        const a = v[idx]!;
        const d = s.sd(o[0] + i * h, y, z);
        v[idx] = s.sub ? -smin(-a, d, k) : smin(a, d, k);
      }
    }
  }
}

/** Copies the x >= 0 half of a symmetric grid onto x < 0. */
function reflect(g: Grid, iMid: number): void {
  const { nx, ny, nz, v } = g;
  for (let kk = 0; kk < nz; kk++)
    for (let j = 0; j < ny; j++) {
      const row = (kk * ny + j) * nx;
      for (let i = 0; i < iMid; i++) v[row + i] = v[row + nx - 1 - i]!;
    }
}

interface RawMesh {
  pos: Float32Array;
  idx: Uint32Array;
  mid: boolean;
  color: V3;
}

/** Surface nets + Taubin; a midline bone keeps its x >= 0 half. */
function rawMesh(g: Grid, smooth: number, mid: boolean, color: V3): RawMesh {
  const sn = surfaceNets(g);
  taubin(sn.pos, sn.idx, smooth);
  if (signedVolume(sn.pos, sn.idx) < 0) flip(sn.idx);
  const half = mid ? clipHalf(sn.pos, sn.idx) : sn;
  return { pos: half.pos, idx: half.idx, mid, color };
}

function flip(idx: Uint32Array): void {
  for (let t = 0; t < idx.length; t += 3) {
    const tmp = idx[t + 1]!;
    idx[t + 1] = idx[t + 2]!;
    idx[t + 2] = tmp;
  }
}

/**
 * Simplifies every half to one absolute error (m): the smallest (bisected on a log scale) whose
 * triangles fit the budget, so a small bone keeps as much detail as a big one.
 */
function simplifyAll(raws: RawMesh[], budget: number): Uint32Array[] {
  const scales = raws.map((r) => MeshoptSimplifier.getScale(r.pos, 3));
  const run = (err: number): Uint32Array[] =>
    raws.map(
      (r, n) =>
        MeshoptSimplifier.simplify(r.idx, r.pos, 3, 0, err / at(scales, n), [
          ...(r.mid ? (['LockBorder'] as const) : []),
        ])[0],
    );
  const count = (res: Uint32Array[]) => res.reduce((s, x) => s + x.length / 3, 0);
  let lo = 0.00005,
    hi = 0.01;
  let best = run(hi);
  for (let it = 0; it < 12; it++) {
    const mid = Math.sqrt(lo * hi);
    const res = run(mid);
    if (count(res) <= budget) {
      hi = mid;
      best = res;
    } else lo = mid;
  }
  return best;
}

/** Appends a simplified half and its mirror. */
function appendSimplified(out: Mesh, raw: RawMesh, simp: Uint32Array): void {
  const lean = compactMesh(raw.pos, simp);
  const half = newMesh();
  half.pos = Array.from(lean.pos);
  for (let v = 0; v < lean.pos.length / 3; v++) half.col.push(...raw.color);
  half.idx = Array.from(lean.idx);
  appendMesh(out, raw.mid ? mirrorHalf(half) : withMirror(half));
}

/** A half mesh and its mirror sharing the vertices on x = 0. */
function mirrorHalf(m: Mesh): Mesh {
  const out: Mesh = { pos: m.pos.slice(), col: m.col.slice(), idx: m.idx.slice() };
  const n = m.pos.length / 3;
  const mir: number[] = [];
  for (let v = 0; v < n; v++) {
    if (m.pos[v * 3] === 0) mir.push(v);
    else {
      mir.push(out.pos.length / 3);
      out.pos.push(-m.pos[v * 3]!, m.pos[v * 3 + 1]!, m.pos[v * 3 + 2]!);
      out.col.push(m.col[v * 3]!, m.col[v * 3 + 1]!, m.col[v * 3 + 2]!);
    }
  }
  for (let t = 0; t < m.idx.length; t += 3)
    out.idx.push(mir[m.idx[t]!]!, mir[m.idx[t + 2]!]!, mir[m.idx[t + 1]!]!);
  return out;
}

/** A left-side mesh followed by its mirror (x -> -x, winding reversed). */
function withMirror(m: Mesh): Mesh {
  const out: Mesh = { pos: m.pos.slice(), col: m.col.slice(), idx: m.idx.slice() };
  const base = m.pos.length / 3;
  for (let i = 0; i < m.pos.length; i += 3) out.pos.push(-m.pos[i]!, m.pos[i + 1]!, m.pos[i + 2]!);
  out.col.push(...m.col);
  for (let t = 0; t < m.idx.length; t += 3)
    out.idx.push(base + m.idx[t]!, base + m.idx[t + 2]!, base + m.idx[t + 1]!);
  return out;
}

// ---------- capsules (skin wrap; "inside bone" for the muscles) ----------

/**
 * The parts that give capsules: vertebrae only their bodies; none for the skull and mandible
 * (the head's skin is its own primitives, the face bones lie well inside it).
 */
function capPartsOf(bone: SdfBone, vs: Vertebra[]): PartDef[] {
  if (bone.name === 'skull' || bone.name === 'mandible') return [];
  return vs.some((v) => v.name === bone.name) ? bone.parts.slice(0, 1) : bone.parts;
}

/** Capsules inscribed in a part: cones split every 2 cm (as the old tube segments), ellipsoids along their longest axis. */
function partCapsules(part: PartDef, anchors: Record<string, V3>): Capsule[] {
  if (part.sub) return [];
  if (part.cone !== undefined) {
    const a = resolve(part.cone[0], anchors),
      b = resolve(part.cone[1], anchors);
    const [ra, rb] = radii(part, 2) as [number, number];
    const n = Math.max(1, Math.ceil(dist(a, b) / 0.02));
    const out: Capsule[] = [];
    for (let i = 0; i < n; i++)
      out.push({
        a: lerp(a, b, i / n),
        b: lerp(a, b, (i + 1) / n),
        r: Math.min(ra + ((rb - ra) * i) / n, ra + ((rb - ra) * (i + 1)) / n),
      });
    return out;
  }
  if (part.ell !== undefined || part.cyl !== undefined) {
    const c = resolve((part.ell ?? part.cyl)!, anchors);
    const r = radii(part, 3);
    const ax = r.indexOf(Math.max(...r));
    const rMin = Math.min(...r);
    const e: V3 = [0, 0, 0];
    e[ax] = Math.max(...r) - rMin;
    return [{ a: sub(c, e), b: add(c, e), r: rMin }];
  }
  return [];
}

function pushCaps(caps: Capsule[], list: Capsule[], mid: boolean): void {
  for (const c of list) {
    caps.push(c);
    // midline parts are written for x >= 0: their mirror is bone too (unless on the midline)
    if (!mid || c.a[0] > 0 || c.b[0] > 0) caps.push({ a: mirrorX(c.a), b: mirrorX(c.b), r: c.r });
  }
}

// ---------- the spine ----------

interface Vertebra {
  name: string;
  c: V3;
  key: VertebraKey;
}

/** Linear interpolation of the key parameters by vertebra index. */
function vertebraKey(names: string[], keys: VertebraKey[], i: number): VertebraKey {
  const idx = keys.map((k) => names.indexOf(k.at));
  let j = 0;
  while (j + 2 < keys.length && at(idx, j + 1) <= i) j++;
  const a = at(keys, j),
    b = at(keys, j + 1);
  const t = clamp((i - at(idx, j)) / (at(idx, j + 1) - at(idx, j)), 0, 1);
  const mix = (p: number[], q: number[]) => p.map((x, n) => x + (at(q, n) - x) * t);
  return {
    at: at(names, i),
    body: mix(a.body, b.body),
    sp: mix(a.sp, b.sp),
    tp: mix(a.tp, b.tp),
    canal: mix(a.canal, b.canal),
  };
}

/** Vertebral body centres on the spine's centre line at the given heights. */
function vertebrae(spine: SkeletonData['spine']): Vertebra[] {
  const line = catmullRom(spine.centre, 32);
  const zAt = (y: number): number => {
    let best = at(line, 0);
    for (const p of line) if (Math.abs(p[1] - y) < Math.abs(best[1] - y)) best = p;
    return best[2];
  };
  return spine.names.map((name, i) => {
    const y = at(spine.y, i);
    return { name, c: [0, y, zAt(y)], key: vertebraKey(spine.names, spine.keys, i) };
  });
}

/** A vertebra as left-half parts: body, pedicle, lamina, spinous and transverse processes. */
function vertebraParts(v: Vertebra, tipY: number | null, tipLine: number[][]): PartDef[] {
  const [rx, hh, rz] = v.key.body as V3;
  const [spDrop, spH, spR] = v.key.sp as V3;
  const [tx, tdy, tdz, tr] = v.key.tp as [number, number, number, number];
  const [cx, cz] = v.key.canal as [number, number];
  const [, y, z] = v.c;
  const canalZ = z - rz - cz - 0.001;
  const pedicleEnd: V3 = [cx + 0.002, y, canalZ];
  const spBase = canalZ - cz - 0.001;
  const ty = tipY ?? y - spDrop;
  const spTip: V3 = [0, ty, lineAt(tipLine, ty)];
  const atlas = v.name === 'C1';
  const parts: PartDef[] = [];
  if (atlas) {
    // the atlas has no body: an anterior arch and two lateral masses
    parts.push({
      cone: [
        [0, y, z + 0.3 * rz],
        [cx + 0.001, y, canalZ + cz * 0.6],
      ],
      r: [0.0035, 0.004],
    });
    parts.push({ ell: [cx + 0.003, y, canalZ + 0.001], r: [0.005, 0.0055, 0.0075] });
  } else {
    parts.push({ cyl: [0, y, z], r: [rx, hh, rz] });
    parts.push({ cone: [[0.6 * rx, y, z - 0.6 * rz], pedicleEnd], r: [0.0032, 0.003] });
  }
  if (v.name === 'C2')
    parts.push({
      cone: [
        [0, y + hh, z],
        [0, y + hh + 0.013, z + 0.001],
      ],
      r: [0.0045, 0.0035],
    });
  parts.push({ cone: [pedicleEnd, [0, y - 0.2 * hh, spBase]], r: [0.003, 0.0028] });
  parts.push({ cone: [pedicleEnd, [tx, y + tdy, z + tdz]], r: [tr, tr * 0.85] });
  // articular processes above and below the pedicle
  for (const s of [1, -1])
    parts.push({ ell: [cx + 0.003, y + s * 0.85 * hh, canalZ + 0.001], r: [0.003, 0.004, 0.003] });
  if (!atlas)
    parts.push({
      plate: [
        [
          [0, y + spH, spBase],
          [0, y - spH, spBase],
        ],
        [spTip, spTip],
      ],
      t: spR,
    });
  parts.push({ ell: spTip, r: [spR * 1.3, spR * 1.4, spR * 1.3] });
  parts.push({ cyl: [0, y, canalZ], r: [cx, hh * 1.6, cz], sub: true, k: 0.001 });
  return parts;
}

/** z at height y on a polyline of [y, z] pairs ordered by falling y. */
function lineAt(line: number[][], y: number): number {
  for (let i = 0; i + 1 < line.length; i++) {
    const [y0, z0] = at(line, i) as [number, number];
    const [y1, z1] = at(line, i + 1) as [number, number];
    if (y <= y0 && y >= y1) return z0 + ((z1 - z0) * (y - y0)) / (y1 - y0);
  }
  return at(at(line, y > at(at(line, 0), 0) ? 0 : line.length - 1), 1);
}

/** Intervertebral discs (and L5/S1) as cartilage cylinders between the bodies. */
function discParts(vs: Vertebra[], sacrumTop: number): PartDef[] {
  const parts: PartDef[] = [];
  for (let i = 1; i < vs.length; i++) {
    const up = at(vs, i - 1),
      lo = at(vs, i);
    const top = up.c[1] - at(up.key.body, 1) - 0.0005;
    const bottom = lo.c[1] + at(lo.key.body, 1) + 0.0005;
    if (i === 1 || top - bottom < 0.002) continue; // no disc between atlas and axis
    parts.push(disc(lo, top, bottom, (up.c[2] + lo.c[2]) / 2));
  }
  const l5 = at(vs, vs.length - 1);
  parts.push(disc(l5, l5.c[1] - at(l5.key.body, 1) - 0.0005, sacrumTop, l5.c[2] - 0.003));
  return parts;
}

function disc(v: Vertebra, top: number, bottom: number, z: number): PartDef {
  const [rx, , rz] = v.key.body as V3;
  return { cyl: [0, (top + bottom) / 2, z], r: [rx * 0.96, (top - bottom) / 2, rz * 0.96] };
}

// ---------- ribs and costal cartilages ----------

interface Rib {
  bone: V3[];
  cartilage: V3[] | null;
}

/**
 * Rib i from its vertebra: head beside the body, tubercle on the transverse process, then around
 * the thorax's outline (rounded at the rib angle, widest at the side) down to the junction.
 */
function ribPath(def: RibDef, v: Vertebra): V3[] {
  const [rx, , rz] = v.key.body as V3;
  const [tx, tdy, tdz] = v.key.tp as V3;
  const [, y, z] = v.c;
  const head: V3 = [rx + 0.003, y + 0.003, z - 0.3 * rz];
  const tubercle: V3 = [tx - 0.001, y + tdy, z + tdz + 0.005];
  const zc = (def.back + def.front) / 2;
  const x0 = tx + 0.014; // the rib angle, just lateral to the transverse process
  const jx = def.end[0];
  // the junction's angle on the outline: behind the widest point for the floating ribs
  const phiEnd =
    def.end[2] < zc
      ? Math.asin(clamp((jx - x0) / (def.w - x0), 0, 1))
      : Math.PI - Math.asin(clamp(jx / def.w, 0, 1));
  const pts: V3[] = [head, tubercle];
  const yAngle = y + tdy - 0.006;
  const yLat = y - def.drop;
  for (const f of [0, 0.25, 0.5, 0.75]) {
    const phi = f * Math.PI;
    if (phi >= phiEnd) break;
    const back = Math.cos(phi) > 0;
    const x = back ? x0 + (def.w - x0) * Math.sin(phi) : def.w * Math.sin(phi);
    const zz = back ? zc - (zc - def.back) * Math.cos(phi) : zc - (def.front - zc) * Math.cos(phi);
    const yy =
      phi <= Math.PI / 2
        ? yAngle + (yLat - yAngle) * (phi / (Math.PI / 2))
        : yLat + (def.end[1] - yLat) * ((phi - Math.PI / 2) / (phiEnd - Math.PI / 2));
    pts.push([x, yy, zz]);
  }
  pts.push(def.end);
  return pts;
}

function ribs(defs: RibDef[], thoracic: Vertebra[]): Rib[] {
  const out: Rib[] = [];
  defs.forEach((def, i) => {
    const bone = ribPath(def, at(thoracic, i));
    let cartilage: V3[] | null = null;
    const end = def.end;
    if (def.sternum) cartilage = cartilagePath(end, def.sternum, bone);
    else if (def.onto !== undefined) {
      const above = at(out, def.onto - 1).cartilage;
      if (!above) throw new Error(`rib ${i + 1}: rib ${def.onto} has no cartilage`);
      const dense = resample(catmullRom(above, 8), 40);
      cartilage = cartilagePath(end, at(dense, Math.round((def.f ?? 0.5) * 39)), bone);
    } else if (def.tip) {
      const dir = norm(sub(end, at(bone, bone.length - 2)));
      cartilage = [end, add(end, mul(dir, 0.008))];
    }
    out.push({ bone, cartilage });
  });
  return out;
}

/** Costal cartilage: continues the rib's direction, then turns up and in to its end. */
function cartilagePath(start: V3, end: V3, rib: V3[]): V3[] {
  const dir = norm(sub(start, at(rib, rib.length - 2)));
  const bend = add(start, mul(dir, Math.min(0.02, 0.3 * dist(start, end))));
  return [start, lerp(bend, end, 0.35), end];
}

/** Lofts a flat band (ribs, cartilages): width along the thorax wall, thin across it. */
function band(m: Mesh, ctrl: V3[], w: number[], d: number, color: V3, caps: Capsule[]): void {
  const n = Math.max(5, Math.round(polyLength(ctrl) / 0.014));
  const path = resample(catmullRom(ctrl, 12), n);
  const ws: number[] = [],
    ds: number[] = [],
    up: V3[] = [],
    cs: V3[] = [];
  path.forEach((p, i) => {
    const t = i / (n - 1);
    const ww = at(w, 0) + (at(w, w.length - 1) - at(w, 0)) * t;
    ws.push(i === 0 ? ww * 0.7 : ww);
    ds.push(i === 0 ? ww * 0.7 : d);
    // thickness points away from the thorax's long axis (x = 0, z = 0.03)
    up.push(norm([p[0], 0, p[2] - 0.03]));
    cs.push(color);
  });
  tube(m, path, ws, ds, up, cs, 6);
  for (let i = 0; i + 1 < n; i++)
    caps.push({ a: at(path, i), b: at(path, i + 1), r: Math.max(at(ws, i), at(ds, i)) });
}

// ---------- hand and foot rays ----------

/** Metacarpal/metatarsal and phalanges as tubes with swollen ends, small gaps at the joints. */
function ray(m: Mesh, def: RayDef, anchors: Record<string, V3>, caps: Capsule[]): void {
  const [base, knuckle, tip] = def.pts.map((q) => resolve(q, anchors)) as [V3, V3, V3];
  const joints: V3[] = [base, knuckle];
  let f = 0;
  for (const s of def.split) {
    f += s;
    joints.push(lerp(knuckle, tip, f));
  }
  joints.push(tip);
  for (let b = 0; b + 1 < joints.length; b++) {
    const p = at(joints, b),
      q = at(joints, b + 1);
    const gap = Math.min(0.0015, 0.1 * dist(p, q));
    const dir = norm(sub(q, p));
    const a = add(p, mul(dir, gap)),
      e = sub(q, mul(dir, gap));
    const r = at(def.r, b);
    const distal = b === joints.length - 2;
    const prof = distal ? [1.3, 0.95, 0.85, 0.95, 0.7] : [1.35, 1.0, 0.95, 1.15, 1.2];
    const path = prof.map((_, i) => lerp(a, e, i / (prof.length - 1)));
    const w = prof.map((s) => s * r);
    tube(
      m,
      path,
      w,
      w.map((s) => s * 0.85),
      path.map(() => [0, 0, 1] as V3),
      path.map(() => BONE_COLOR),
      6,
    );
    caps.push({ a, b: e, r });
  }
}

// ---------- assembly ----------

/**
 * Builds the skeleton mesh (left, midline and mirrored right; COLOR_0 bone or cartilage) and
 * pushes its bone capsules into `caps`.
 */
export async function buildSkeleton(
  data: SkeletonData,
  anchors: Record<string, V3>,
  caps: Capsule[],
): Promise<Mesh> {
  const vs = vertebrae(data.spine);
  const thoracic = vs.filter((v) => v.name.startsWith('T'));
  const bones: SdfBone[] = [...data.bones];
  for (const v of vs) {
    const tip = data.spine.tips[v.name];
    const tipY = tip ? resolve(tip, anchors)[1] : null;
    bones.push({
      name: v.name,
      mid: true,
      k: 0.003,
      parts: vertebraParts(v, tipY, data.spine.tipLine),
    });
  }
  const sacrumTop = at(vs, vs.length - 1).c[1] - at(at(vs, vs.length - 1).key.body, 1) - 0.009;
  bones.push({ name: 'discs', mid: true, k: 0, cartilage: true, parts: discParts(vs, sacrumTop) });

  // tubes first: their triangles come off the budget
  const tubes = newMesh();
  const tubeCaps: Capsule[] = [];
  // rib outlines are laid out in the data's frame, then placed in the posture like all points
  const placed = (path: V3[]): V3[] => asPart('trunk', () => path.map((p) => resolve(p, anchors)));
  for (const rib of ribs(data.ribs, thoracic)) {
    band(tubes, placed(rib.bone), [0.0045, 0.0062], 0.0026, BONE_COLOR, tubeCaps);
    if (rib.cartilage)
      band(tubes, placed(rib.cartilage), [0.0055, 0.005], 0.0028, CARTILAGE_COLOR, tubeCaps);
  }
  for (const r of data.rays)
    asPart(ARM_BONES.has(r.name) ? 'arm' : 'trunk', () => ray(tubes, r, anchors, tubeCaps));
  pushCaps(caps, tubeCaps, false);

  const raws: RawMesh[] = [];
  for (const bone of bones)
    asPart(ARM_BONES.has(bone.name) ? 'arm' : 'trunk', () => {
      const shapes = bone.parts.map((p) => shapeOf(p, anchors, bone.k));
      const g = boneField(shapes, bone.h ?? data.h, bone.mid);
      raws.push(rawMesh(g, data.smooth, bone.mid, bone.cartilage ? CARTILAGE_COLOR : BONE_COLOR));
      // vertebrae give only their bodies; thin plates none (the muscles cover them)
      for (const p of capPartsOf(bone, vs)) pushCaps(caps, partCapsules(p, anchors), bone.mid);
    });
  await MeshoptSimplifier.ready;
  const out = newMesh();
  const simplified = simplifyAll(raws, data.triangles / 2 - tubes.idx.length / 3);
  raws.forEach((raw, n) => appendSimplified(out, raw, at(simplified, n)));
  appendMesh(out, withMirror(tubes));
  return out;
}

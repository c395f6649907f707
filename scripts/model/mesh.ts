/** Mesh accumulation and lofting (tubes, slabs, ellipsoids). */
import { fibreSteps } from '../../src/scene/modelData.ts';
import { type V3, add, sub, mul, cross, dot, norm, len, at } from './math.ts';

export interface Mesh {
  pos: number[];
  col: number[]; // rgb per vertex (0..1)
  idx: number[];
  /** Stripe phase per vertex (muscles only): stripes are lines of constant fractional phase. */
  fib?: number[];
}
/** `withFibre`: the mesh keeps a stripe phase per vertex (`fib`), as muscles do. */
/** Tendon colour (pale, a little warm), shared by lofts and volumes. */
export const TENDON: V3 = [0.9, 0.86, 0.78];

/** A segment with a radius: bones and muscles as the skin wraps them and the volumes avoid. */
export interface Capsule {
  a: V3;
  b: V3;
  r: number;
}

export const newMesh = (withFibre = false): Mesh =>
  withFibre ? { pos: [], col: [], idx: [], fib: [] } : { pos: [], col: [], idx: [] };

/** Distance between two fibre stripes on a muscle's surface (metres). */
export const FIBRE_PITCH = 0.00275;

export function pushV(m: Mesh, p: V3, c: V3, phase = 0): number {
  m.pos.push(p[0], p[1], p[2]);
  m.col.push(c[0], c[1], c[2]);
  m.fib?.push(phase);
  return m.pos.length / 3 - 1;
}

export function appendMesh(dst: Mesh, src: Mesh): void {
  const base = dst.pos.length / 3;
  for (const v of src.pos) dst.pos.push(v);
  for (const v of src.col) dst.col.push(v);
  for (const i of src.idx) dst.idx.push(i + base);
  if (dst.fib) for (let v = 0; v < src.pos.length / 3; v++) dst.fib.push(src.fib?.[v] ?? 0);
}

/**
 * Stripe phases as stored in `_FIBRE`: unsigned shorts, phase × fibreSteps, not normalized.
 * Never wrapped, so the phase interpolates linearly across every triangle.
 */
export function fibreCodes(phase: readonly number[]): Uint16Array {
  const codes = Uint16Array.from(phase, (f) => Math.round(f * fibreSteps));
  const top = codes.reduce((a, b) => Math.max(a, b), 0);
  // gltf-transform's quantize() would renormalize a "_" attribute whose values all lie in [0, 1]
  if (top <= 1) throw new Error('fibre phases span less than one stripe step');
  if (phase.some((f) => f < 0 || f * fibreSteps > 65535))
    throw new Error('fibre phase outside the stored range');
  return codes;
}

/** The vertices a simplified index list still uses, renumbered in first-use order. */
export function compactMesh(
  pos: ArrayLike<number>,
  kept: ArrayLike<number>,
): { pos: Float32Array; idx: Uint32Array } {
  const remap = new Int32Array(pos.length / 3).fill(-1);
  const out: number[] = [];
  const idx = new Uint32Array(kept.length);
  for (let i = 0; i < kept.length; i++) {
    const v = kept[i]!;
    if (remap[v] === -1) {
      remap[v] = out.length / 3;
      out.push(pos[v * 3]!, pos[v * 3 + 1]!, pos[v * 3 + 2]!);
    }
    idx[i] = remap[v]!;
  }
  return { pos: new Float32Array(out), idx };
}

export function triCount(m: Mesh): number {
  return m.idx.length / 3;
}

/** Tangents along a polyline (central differences). */
export function tangents(path: readonly V3[]): V3[] {
  const n = path.length;
  const out: V3[] = [];
  for (let i = 0; i < n; i++) {
    const a = at(path, Math.max(0, i - 1));
    const b = at(path, Math.min(n - 1, i + 1));
    out.push(norm(sub(b, a)));
  }
  return out;
}

/** Orthonormalise `up` against tangent t; fallback if degenerate. */
export function orthoUp(t: V3, up: V3): V3 {
  let u = sub(up, mul(t, dot(up, t)));
  if (len(u) < 1e-6) {
    const alt: V3 = Math.abs(t[1]) < 0.9 ? [0, 1, 0] : [0, 0, 1];
    u = sub(alt, mul(t, dot(alt, t)));
  }
  return norm(u);
}

/**
 * Loft a closed tube with elliptical cross-sections along `path`.
 * `up[i]` is the thickness direction (semi-axis b = depth[i]); width semi-axis a = width[i].
 * Ends are capped.
 */
export function tube(
  m: Mesh,
  path: readonly V3[],
  width: readonly number[],
  depth: readonly number[],
  up: readonly V3[],
  colors: readonly V3[],
  seg: number,
): void {
  const n = path.length;
  const T = tangents(path);
  const base = m.pos.length / 3;
  // with fibres the seam is doubled (phase 0 and N), so no triangle interpolates N back to 0
  const ring = m.fib ? seg + 1 : seg;
  const next = (k: number): number => (m.fib ? k + 1 : (k + 1) % seg);
  const around = stripesAround(width, depth);
  for (let i = 0; i < n; i++) {
    const t = at(T, i);
    const u = orthoUp(t, at(up, i));
    const s = norm(cross(u, t));
    for (let k = 0; k < ring; k++) {
      const ang = (2 * Math.PI * (k % seg)) / seg;
      const p = add(
        at(path, i),
        add(mul(s, Math.cos(ang) * at(width, i)), mul(u, Math.sin(ang) * at(depth, i))),
      );
      pushV(m, p, at(colors, i), (around * k) / seg);
    }
  }
  for (let i = 0; i < n - 1; i++) {
    for (let k = 0; k < seg; k++) {
      const a = base + i * ring + k;
      const b = base + i * ring + next(k);
      const c = base + (i + 1) * ring + k;
      const d = base + (i + 1) * ring + next(k);
      m.idx.push(a, b, c, b, d, c);
    }
  }
  const c0 = pushV(m, at(path, 0), at(colors, 0));
  const c1 = pushV(m, at(path, n - 1), at(colors, n - 1));
  for (let k = 0; k < seg; k++) {
    m.idx.push(c0, base + next(k), base + k);
    m.idx.push(c1, base + (n - 1) * ring + k, base + (n - 1) * ring + next(k));
  }
}

/** A whole number of stripes around the widest section (perimeter about π(a + b)). */
function stripesAround(width: readonly number[], depth: readonly number[]): number {
  let widest = 0;
  for (let i = 0; i < width.length; i++) widest = Math.max(widest, at(width, i) + at(depth, i));
  return Math.max(1, Math.round((Math.PI * widest) / FIBRE_PITCH));
}

/**
 * Stripe phase of each strand of a sheet: the mean distance from the first strand, strand to
 * strand, over the samples, in pitches; constant along a strand, so stripes follow the fibres.
 */
function acrossPhases(grid: readonly (readonly V3[])[]): number[] {
  const phases = [0];
  for (let i = 1; i < grid.length; i++) {
    const a = at(grid, i - 1),
      b = at(grid, i);
    let gap = 0;
    for (let j = 0; j < a.length; j++) gap += len(sub(at(b, j), at(a, j)));
    phases.push(at(phases, i - 1) + gap / a.length / FIBRE_PITCH);
  }
  return phases;
}

/**
 * A slab between strands: grid[i][j] is strand i at sample j; normals[i][j] the outward
 * direction; thick[i][j] the half thickness. Closed (top, bottom, four walls).
 */
export function slab(
  m: Mesh,
  grid: readonly (readonly V3[])[],
  normals: readonly (readonly V3[])[],
  thick: readonly (readonly number[])[],
  colors: readonly (readonly V3[])[],
): void {
  const ns = grid.length;
  const nj = at(grid, 0).length;
  const idx0 = m.idx.length;
  const phase = acrossPhases(grid);
  const top = m.pos.length / 3;
  for (let i = 0; i < ns; i++)
    for (let j = 0; j < nj; j++)
      pushV(
        m,
        add(at(at(grid, i), j), mul(at(at(normals, i), j), at(at(thick, i), j))),
        at(at(colors, i), j),
        at(phase, i),
      );
  const bot = m.pos.length / 3;
  for (let i = 0; i < ns; i++)
    for (let j = 0; j < nj; j++)
      pushV(
        m,
        sub(at(at(grid, i), j), mul(at(at(normals, i), j), at(at(thick, i), j) * 0.9)),
        at(at(colors, i), j),
        at(phase, i),
      );
  const T = (i: number, j: number) => top + i * nj + j;
  const B = (i: number, j: number) => bot + i * nj + j;
  for (let i = 0; i < ns - 1; i++)
    for (let j = 0; j < nj - 1; j++) {
      m.idx.push(T(i, j), T(i + 1, j), T(i, j + 1), T(i + 1, j), T(i + 1, j + 1), T(i, j + 1));
      m.idx.push(B(i, j), B(i, j + 1), B(i + 1, j), B(i + 1, j), B(i, j + 1), B(i + 1, j + 1));
    }
  // walls: strand edges i=0 and i=ns-1, ends j=0 and j=nj-1
  for (let j = 0; j < nj - 1; j++) {
    m.idx.push(T(0, j), T(0, j + 1), B(0, j), B(0, j), T(0, j + 1), B(0, j + 1));
    const e = ns - 1;
    m.idx.push(T(e, j), B(e, j), T(e, j + 1), B(e, j), B(e, j + 1), T(e, j + 1));
  }
  for (let i = 0; i < ns - 1; i++) {
    m.idx.push(T(i, 0), B(i, 0), T(i + 1, 0), B(i, 0), B(i + 1, 0), T(i + 1, 0));
    const e = nj - 1;
    m.idx.push(T(i, e), T(i + 1, e), B(i, e), B(i, e), T(i + 1, e), B(i + 1, e));
  }
  // orient: the top face must face along `normals`
  const mi = Math.floor(ns / 2),
    mj = Math.floor(nj / 2);
  const i0 = Math.min(mi, ns - 2),
    j0 = Math.min(mj, nj - 2);
  const g = (i: number, j: number) => at(at(grid, i), j);
  const fn = cross(sub(g(i0 + 1, j0), g(i0, j0)), sub(g(i0, j0 + 1), g(i0, j0)));
  if (dot(fn, at(at(normals, i0), j0)) < 0) {
    for (let q = idx0; q < m.idx.length; q += 3) {
      const tmp = m.idx[q + 1]!;
      m.idx[q + 1] = m.idx[q + 2]!;
      m.idx[q + 2] = tmp;
    }
  }
}

/**
 * Area-weighted vertex normals. `weldSeams`: vertices at exactly the same place share one normal,
 * so a seam doubled for the fibre phase shades smoothly.
 */
export function computeNormals(
  pos: ArrayLike<number>,
  idx: ArrayLike<number>,
  weldSeams = false,
): Float32Array {
  const n = new Float32Array(pos.length);
  const twin = weldSeams ? firstAtSamePlace(pos) : null;
  const corner = (t: number): number => (twin ? twin[idx[t]!]! : idx[t]!) * 3;
  for (let t = 0; t < idx.length; t += 3) {
    const a = corner(t),
      b = corner(t + 1),
      c = corner(t + 2);
    const ux = pos[b]! - pos[a]!,
      uy = pos[b + 1]! - pos[a + 1]!,
      uz = pos[b + 2]! - pos[a + 2]!;
    const vx = pos[c]! - pos[a]!,
      vy = pos[c + 1]! - pos[a + 1]!,
      vz = pos[c + 2]! - pos[a + 2]!;
    const nx = uy * vz - uz * vy,
      ny = uz * vx - ux * vz,
      nz = ux * vy - uy * vx;
    for (const v of [a, b, c]) {
      n[v] = n[v]! + nx;
      n[v + 1] = n[v + 1]! + ny;
      n[v + 2] = n[v + 2]! + nz;
    }
  }
  for (let i = 0; i < n.length; i += 3) {
    const l = Math.hypot(n[i]!, n[i + 1]!, n[i + 2]!) || 1;
    n[i] = n[i]! / l;
    n[i + 1] = n[i + 1]! / l;
    n[i + 2] = n[i + 2]! / l;
  }
  if (twin)
    for (let v = 0; v < twin.length; v++) n.copyWithin(v * 3, twin[v]! * 3, twin[v]! * 3 + 3);
  return n;
}

/** For each vertex, the first vertex with exactly its position. */
function firstAtSamePlace(pos: ArrayLike<number>): Uint32Array {
  const first = new Map<string, number>();
  const twin = new Uint32Array(pos.length / 3);
  for (let v = 0; v < twin.length; v++) {
    const key = `${pos[v * 3]},${pos[v * 3 + 1]},${pos[v * 3 + 2]}`;
    const known = first.get(key);
    if (known === undefined) first.set(key, v);
    twin[v] = known ?? v;
  }
  return twin;
}

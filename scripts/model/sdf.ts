/** Signed distance primitives, a dense grid with smooth union, and surface nets extraction. */
import type { V3 } from './math.ts';

export type Prim =
  | {
      type: 'ellipsoid';
      c: V3;
      r: V3;
      /** exponent of the horizontal (x-z) section: 2 an ellipse, more a rounded box */
      n?: number;
    }
  | { type: 'cone'; a: V3; b: V3; ra: number; rb: number };

export function sdPrim(p: Prim, x: number, y: number, z: number): number {
  if (p.type === 'ellipsoid') {
    const px = (x - p.c[0]) / p.r[0],
      py = (y - p.c[1]) / p.r[1],
      pz = (z - p.c[2]) / p.r[2];
    if (p.n !== undefined && p.n !== 2) {
      // a superellipse across, an ellipse up and down; distance scaled by the smallest radius
      // (not exact, but monotone and smooth, which is what the blends and the closing need)
      const q = (Math.abs(px) ** p.n + Math.abs(pz) ** p.n) ** (1 / p.n);
      return (Math.hypot(q, py) - 1) * Math.min(p.r[0], p.r[1], p.r[2]);
    }
    const k0 = Math.hypot(px, py, pz);
    const k1 = Math.hypot(px / p.r[0], py / p.r[1], pz / p.r[2]);
    return k1 > 1e-12 ? (k0 * (k0 - 1)) / k1 : -Math.min(p.r[0], p.r[1], p.r[2]);
  }
  // round cone (Inigo Quilez), exact
  const { a, b, ra: r1, rb: r2 } = p;
  const bax = b[0] - a[0],
    bay = b[1] - a[1],
    baz = b[2] - a[2];
  const l2 = bax * bax + bay * bay + baz * baz;
  const rr = r1 - r2;
  const a2 = l2 - rr * rr;
  const il2 = 1 / l2;
  const pax = x - a[0],
    pay = y - a[1],
    paz = z - a[2];
  const yy = pax * bax + pay * bay + paz * baz;
  const zz = yy - l2;
  const qx = pax * l2 - bax * yy,
    qy = pay * l2 - bay * yy,
    qz = paz * l2 - baz * yy;
  const x2 = qx * qx + qy * qy + qz * qz;
  const y2 = yy * yy * l2;
  const z2 = zz * zz * l2;
  const k = Math.sign(rr) * rr * rr * x2;
  if (Math.sign(zz) * a2 * z2 > k) return Math.sqrt(x2 + z2) * il2 - r2;
  if (Math.sign(yy) * a2 * y2 < k) return Math.sqrt(x2 + y2) * il2 - r1;
  return (Math.sqrt(x2 * a2 * il2) + yy * rr) * il2 - r1;
}

export function primBounds(p: Prim): [V3, V3] {
  if (p.type === 'ellipsoid')
    return [
      [p.c[0] - p.r[0], p.c[1] - p.r[1], p.c[2] - p.r[2]],
      [p.c[0] + p.r[0], p.c[1] + p.r[1], p.c[2] + p.r[2]],
    ];
  const r = Math.max(p.ra, p.rb);
  return [
    [Math.min(p.a[0], p.b[0]) - r, Math.min(p.a[1], p.b[1]) - r, Math.min(p.a[2], p.b[2]) - r],
    [Math.max(p.a[0], p.b[0]) + r, Math.max(p.a[1], p.b[1]) + r, Math.max(p.a[2], p.b[2]) + r],
  ];
}

/** Polynomial smooth minimum with blend radius k (a hard minimum for k <= 0). */
export function smin(a: number, b: number, k: number): number {
  if (k <= 0) return Math.min(a, b);
  const hh = Math.max(k - Math.abs(a - b), 0) / k;
  return Math.min(a, b) - hh * hh * k * 0.25;
}

export class Grid {
  readonly nx: number;
  readonly ny: number;
  readonly nz: number;
  readonly o: V3;
  readonly h: number;
  readonly v: Float32Array;
  constructor(min: V3, max: V3, h: number, symmetric = true) {
    // symmetric in x about 0 so a mirrored field gives a mirrored surface
    const hx = Math.max(Math.abs(min[0]), Math.abs(max[0]));
    this.nx = symmetric ? 2 * Math.ceil(hx / h) + 1 : Math.ceil((max[0] - min[0]) / h) + 1;
    this.ny = Math.ceil((max[1] - min[1]) / h) + 1;
    this.nz = Math.ceil((max[2] - min[2]) / h) + 1;
    this.o = [symmetric ? -((this.nx - 1) / 2) * h : min[0], min[1], min[2]];
    this.h = h;
    this.v = new Float32Array(this.nx * this.ny * this.nz).fill(1);
  }
  /** field = smin(field, prim, k) inside the primitive's bounds (+margin). */
  add(p: Prim, k: number, margin = 0): void {
    const [lo, hi] = primBounds(p);
    const m = Math.max(k * 1.5 + 2 * this.h, margin);
    const i0 = Math.max(0, Math.floor((lo[0] - m - this.o[0]) / this.h));
    const i1 = Math.min(this.nx - 1, Math.ceil((hi[0] + m - this.o[0]) / this.h));
    const j0 = Math.max(0, Math.floor((lo[1] - m - this.o[1]) / this.h));
    const j1 = Math.min(this.ny - 1, Math.ceil((hi[1] + m - this.o[1]) / this.h));
    const k0 = Math.max(0, Math.floor((lo[2] - m - this.o[2]) / this.h));
    const k1 = Math.min(this.nz - 1, Math.ceil((hi[2] + m - this.o[2]) / this.h));
    for (let kk = k0; kk <= k1; kk++) {
      const z = this.o[2] + kk * this.h;
      for (let j = j0; j <= j1; j++) {
        const y = this.o[1] + j * this.h;
        let idx = (kk * this.ny + j) * this.nx + i0;
        for (let i = i0; i <= i1; i++, idx++) {
          const x = this.o[0] + i * this.h;
          const d = sdPrim(p, x, y, z);
          this.v[idx] = smin(this.v[idx]!, d, k);
        }
      }
    }
  }
}

/** What grid algorithms read: dimensions, origin, spacing and the values. */
export type GridLike = Pick<Grid, 'nx' | 'ny' | 'nz' | 'o' | 'h' | 'v'>;

/** field = min(field, prim) within the primitive's bounds + band, values clamped to band. */
export function addHard(g: GridLike, p: Prim, band: number): void {
  const [lo, hi] = primBounds(p);
  const { h, o, nx, ny, nz, v } = g;
  const i0 = Math.max(0, Math.floor((lo[0] - band - o[0]) / h));
  const i1 = Math.min(nx - 1, Math.ceil((hi[0] + band - o[0]) / h));
  const j0 = Math.max(0, Math.floor((lo[1] - band - o[1]) / h));
  const j1 = Math.min(ny - 1, Math.ceil((hi[1] + band - o[1]) / h));
  const k0 = Math.max(0, Math.floor((lo[2] - band - o[2]) / h));
  const k1 = Math.min(nz - 1, Math.ceil((hi[2] + band - o[2]) / h));
  for (let kk = k0; kk <= k1; kk++) {
    const z = o[2] + kk * h;
    for (let j = j0; j <= j1; j++) {
      const y = o[1] + j * h;
      let idx = (kk * ny + j) * nx + i0;
      for (let i = i0; i <= i1; i++, idx++) {
        const d = sdPrim(p, o[0] + i * h, y, z);
        if (d < v[idx]!) v[idx] = d;
      }
    }
  }
}

/** Separable Gaussian blur of the grid values (sigma in metres), in place; deterministic. */
export function blur(g: GridLike, sigma: number): void {
  const s = sigma / g.h;
  const R = Math.ceil(3 * s);
  const w = new Float64Array(2 * R + 1);
  let sum = 0;
  for (let i = -R; i <= R; i++) sum += w[i + R] = Math.exp(-(i * i) / (2 * s * s));
  for (let i = 0; i < w.length; i++) w[i] = w[i]! / sum;
  const { nx, ny, nz, v } = g;
  const dims = [nx, ny, nz];
  const strides = [1, nx, nx * ny];
  for (let ax = 0; ax < 3; ax++) {
    const n = dims[ax]!,
      st = strides[ax]!;
    const line = new Float64Array(n);
    const total = nx * ny * nz;
    for (let base = 0; base < total; base++) {
      // base must be the first element of a line along this axis
      const c =
        ax === 0 ? base % nx : ax === 1 ? Math.floor(base / nx) % ny : Math.floor(base / (nx * ny));
      if (c !== 0) continue;
      for (let i = 0; i < n; i++) line[i] = v[base + i * st]!;
      for (let i = 0; i < n; i++) {
        let acc = 0;
        for (let d = -R; d <= R; d++) {
          const q = Math.min(n - 1, Math.max(0, i + d));
          acc += w[d + R]! * line[q]!;
        }
        v[base + i * st] = acc;
      }
    }
  }
}

/** 1D squared distance transform (Felzenszwalb & Huttenlocher), f -> d. */
function dt1(f: Float64Array, n: number, d: Float64Array, v: Int32Array, z: Float64Array): void {
  let k = 0;
  v[0] = 0;
  z[0] = -1e30;
  z[1] = 1e30;
  for (let q = 1; q < n; q++) {
    let s = (f[q]! + q * q - (f[v[k]!]! + v[k]! * v[k]!)) / (2 * q - 2 * v[k]!);
    while (s <= z[k]!) {
      k--;
      s = (f[q]! + q * q - (f[v[k]!]! + v[k]! * v[k]!)) / (2 * q - 2 * v[k]!);
    }
    k++;
    v[k] = q;
    z[k] = s;
    z[k + 1] = 1e30;
  }
  k = 0;
  for (let q = 0; q < n; q++) {
    while (z[k + 1]! < q) k++;
    d[q] = (q - v[k]!) * (q - v[k]!) + f[v[k]!]!;
  }
}

/**
 * Morphological closing of the solid {v < 0} by a ball of radius R (metres), in place: the
 * solid is dilated by R (v < R), then eroded by R with an exact Euclidean distance transform
 * to the outside of the dilated solid. Concavities narrower than R fill in; convex parts stay.
 * Inside the dilated solid the result is R - distance (+ h/2 for the voxel-centre bias).
 */
export function closing(g: Grid, R: number): void {
  const { nx, ny, nz, v, h } = g;
  const BIG = 1e12;
  const sq = new Float64Array(nx * ny * nz);
  for (let kk = 0; kk < nz; kk++)
    for (let j = 0; j < ny; j++)
      for (let i = 0; i < nx; i++) {
        const idx = (kk * ny + j) * nx + i;
        const edge =
          i === 0 || j === 0 || kk === 0 || i === nx - 1 || j === ny - 1 || kk === nz - 1;
        sq[idx] = !edge && v[idx]! < R ? BIG : 0;
      }
  const dims = [nx, ny, nz];
  const strides = [1, nx, nx * ny];
  const nmax = Math.max(nx, ny, nz);
  const f = new Float64Array(nmax),
    d = new Float64Array(nmax),
    vv = new Int32Array(nmax),
    z = new Float64Array(nmax + 1);
  for (let ax = 0; ax < 3; ax++) {
    const n = dims[ax]!,
      st = strides[ax]!;
    const total = nx * ny * nz;
    for (let base = 0; base < total; base++) {
      const c =
        ax === 0 ? base % nx : ax === 1 ? Math.floor(base / nx) % ny : Math.floor(base / (nx * ny));
      if (c !== 0) continue;
      let any = false;
      for (let i = 0; i < n; i++) {
        f[i] = sq[base + i * st]!;
        if (f[i] !== 0) any = true;
      }
      if (!any) continue;
      dt1(f, n, d, vv, z);
      for (let i = 0; i < n; i++) sq[base + i * st] = d[i]!;
    }
  }
  for (let i = 0; i < v.length; i++) if (sq[i]! > 0) v[i] = R - (Math.sqrt(sq[i]!) - 0.5) * h;
}

/** Trilinear sample of the grid (clamped to the grid). */
export function sample(g: GridLike, x: number, y: number, z: number): number {
  const { nx, ny, nz, v, h, o } = g;
  const fx = Math.min(nx - 1.001, Math.max(0, (x - o[0]) / h));
  const fy = Math.min(ny - 1.001, Math.max(0, (y - o[1]) / h));
  const fz = Math.min(nz - 1.001, Math.max(0, (z - o[2]) / h));
  const i = Math.floor(fx),
    j = Math.floor(fy),
    k = Math.floor(fz);
  const tx = fx - i,
    ty = fy - j,
    tz = fz - k;
  const G = (a: number, b: number, c: number) => v[((k + c) * ny + j + b) * nx + i + a]!;
  const l = (a: number, b: number, t: number) => a + (b - a) * t;
  return l(
    l(l(G(0, 0, 0), G(1, 0, 0), tx), l(G(0, 1, 0), G(1, 1, 0), tx), ty),
    l(l(G(0, 0, 1), G(1, 0, 1), tx), l(G(0, 1, 1), G(1, 1, 1), tx), ty),
    tz,
  );
}

/**
 * Keeps the x >= 0 half of a closed triangle mesh, cutting triangles at x = 0 (cut vertices
 * shared per edge, so the half is watertight up to its border on the midline, where x is exactly 0).
 */
export function clipHalf(
  pos: ArrayLike<number>,
  idx: ArrayLike<number>,
): { pos: Float32Array; idx: Uint32Array } {
  const out: number[] = [];
  const oi: number[] = [];
  const map = new Map<number, number>();
  const edgeMap = new Map<string, number>();
  const nv = pos.length / 3;
  const X = (v: number) => pos[v * 3]!;
  const keep = (v: number): number => {
    let r = map.get(v);
    if (r === undefined) {
      r = out.length / 3;
      out.push(Math.max(0, pos[v * 3]!), pos[v * 3 + 1]!, pos[v * 3 + 2]!);
      map.set(v, r);
    }
    return r;
  };
  const cut = (a: number, b: number): number => {
    const key = a < b ? `${a},${b}` : `${b},${a}`;
    let r = edgeMap.get(key);
    if (r === undefined) {
      const [p, q] = a < b ? [a, b] : [b, a];
      const t = X(p) / (X(p) - X(q));
      r = out.length / 3;
      out.push(
        0,
        pos[p * 3 + 1]! + (pos[q * 3 + 1]! - pos[p * 3 + 1]!) * t,
        pos[p * 3 + 2]! + (pos[q * 3 + 2]! - pos[p * 3 + 2]!) * t,
      );
      edgeMap.set(key, r);
    }
    return r;
  };
  void nv;
  for (let t = 0; t < idx.length; t += 3) {
    const v = [idx[t]!, idx[t + 1]!, idx[t + 2]!];
    const ins = v.map((q) => X(q) >= 0);
    const nIn = ins.filter(Boolean).length;
    if (nIn === 0) continue;
    if (nIn === 3) {
      oi.push(keep(v[0]!), keep(v[1]!), keep(v[2]!));
      continue;
    }
    // rotate so the pattern starts at a distinctive vertex, keeping winding
    for (let r = 0; r < 3; r++) {
      const a = v[r]!,
        b = v[(r + 1) % 3]!,
        c = v[(r + 2) % 3]!;
      const ia = ins[r]!,
        ib = ins[(r + 1) % 3]!,
        ic = ins[(r + 2) % 3]!;
      if (nIn === 1 && ia) {
        oi.push(keep(a), cut(a, b), cut(c, a));
        break;
      }
      if (nIn === 2 && !ia && ib && ic) {
        const ab = cut(a, b),
          ca = cut(c, a);
        oi.push(ab, keep(b), keep(c), ab, keep(c), ca);
        break;
      }
    }
  }
  // drop degenerate triangles (two corners on the same cut vertex)
  const fi: number[] = [];
  for (let t = 0; t < oi.length; t += 3) {
    const a = oi[t]!,
      b = oi[t + 1]!,
      c = oi[t + 2]!;
    if (a !== b && b !== c && a !== c) fi.push(a, b, c);
  }
  return { pos: new Float32Array(out), idx: new Uint32Array(fi) };
}

/** Surface nets: returns positions and triangle indices (outward-facing). */
export function surfaceNets(g: GridLike): { pos: Float32Array; idx: Uint32Array } {
  const { nx, ny, nz, v, h, o } = g;
  const cell = new Int32Array(nx * ny * nz).fill(-1);
  const pos: number[] = [];
  const G = (i: number, j: number, k: number) => v[(k * ny + j) * nx + i]!;
  const edges: [number, number][] = [];
  const corners: V3[] = [];
  for (let c = 0; c < 8; c++) corners.push([c & 1, (c >> 1) & 1, (c >> 2) & 1]);
  for (let a = 0; a < 8; a++)
    for (let b = a + 1; b < 8; b++) {
      const ca = corners[a]!,
        cb = corners[b]!;
      const dd = Math.abs(ca[0] - cb[0]) + Math.abs(ca[1] - cb[1]) + Math.abs(ca[2] - cb[2]);
      if (dd === 1) edges.push([a, b]);
    }
  const val = new Float64Array(8);
  for (let k = 0; k < nz - 1; k++)
    for (let j = 0; j < ny - 1; j++)
      for (let i = 0; i < nx - 1; i++) {
        let mask = 0;
        for (let c = 0; c < 8; c++) {
          const cc = corners[c]!;
          const s = G(i + cc[0], j + cc[1], k + cc[2]);
          val[c] = s;
          if (s < 0) mask |= 1 << c;
        }
        if (mask === 0 || mask === 255) continue;
        let sx = 0,
          sy = 0,
          sz = 0,
          cnt = 0;
        for (const [a, b] of edges) {
          const va = val[a]!,
            vb = val[b]!;
          if (va < 0 === vb < 0) continue;
          const t = va / (va - vb);
          const ca = corners[a]!,
            cb = corners[b]!;
          sx += ca[0] + (cb[0] - ca[0]) * t;
          sy += ca[1] + (cb[1] - ca[1]) * t;
          sz += ca[2] + (cb[2] - ca[2]) * t;
          cnt++;
        }
        cell[(k * ny + j) * nx + i] = pos.length / 3;
        pos.push(o[0] + (i + sx / cnt) * h, o[1] + (j + sy / cnt) * h, o[2] + (k + sz / cnt) * h);
      }
  const idx: number[] = [];
  const C = (i: number, j: number, k: number) => cell[(k * ny + j) * nx + i]!;
  for (let k = 1; k < nz - 1; k++)
    for (let j = 1; j < ny - 1; j++)
      for (let i = 1; i < nx - 1; i++) {
        const s0 = G(i, j, k) < 0;
        // x edge (i,j,k)-(i+1,j,k): cells sharing it vary in j,k
        if (i < nx - 1 && s0 !== G(i + 1, j, k) < 0) {
          const q = [C(i, j - 1, k - 1), C(i, j, k - 1), C(i, j, k), C(i, j - 1, k)];
          quad(idx, q, s0);
        }
        if (j < ny - 1 && s0 !== G(i, j + 1, k) < 0) {
          const q = [C(i - 1, j, k - 1), C(i - 1, j, k), C(i, j, k), C(i, j, k - 1)];
          quad(idx, q, s0);
        }
        if (k < nz - 1 && s0 !== G(i, j, k + 1) < 0) {
          const q = [C(i - 1, j - 1, k), C(i, j - 1, k), C(i, j, k), C(i - 1, j, k)];
          quad(idx, q, s0);
        }
      }
  return { pos: new Float32Array(pos), idx: new Uint32Array(idx) };
}

function quad(idx: number[], q: number[], flip: boolean): void {
  const [a, b, c, d] = q as [number, number, number, number];
  if (a < 0 || b < 0 || c < 0 || d < 0) return;
  if (flip) idx.push(a, b, c, a, c, d);
  else idx.push(a, c, b, a, d, c);
}

/** Signed volume (positive when triangles face outward). */
export function signedVolume(pos: ArrayLike<number>, idx: ArrayLike<number>): number {
  let s = 0;
  for (let t = 0; t < idx.length; t += 3) {
    const a = idx[t]! * 3,
      b = idx[t + 1]! * 3,
      c = idx[t + 2]! * 3;
    s +=
      pos[a]! * (pos[b + 1]! * pos[c + 2]! - pos[b + 2]! * pos[c + 1]!) -
      pos[a + 1]! * (pos[b]! * pos[c + 2]! - pos[b + 2]! * pos[c]!) +
      pos[a + 2]! * (pos[b]! * pos[c + 1]! - pos[b + 1]! * pos[c]!);
  }
  return s / 6;
}

/**
 * Taubin smoothing (lambda/mu, no shrinkage) on an indexed triangle mesh, in place.
 * Uniform weights over the one-ring; deterministic (fixed vertex and neighbour order).
 */
export function taubin(
  pos: Float32Array,
  idx: ArrayLike<number>,
  iterations: number,
  lambda = 0.5,
  mu = -0.53,
): void {
  const nv = pos.length / 3;
  const deg = new Uint32Array(nv + 1);
  for (let t = 0; t < idx.length; t += 3)
    for (let e = 0; e < 3; e++) {
      deg[idx[t + e]!]! += 2;
    }
  const start = new Uint32Array(nv + 1);
  for (let v = 0; v < nv; v++) start[v + 1] = start[v]! + deg[v]!;
  const fill = start.slice(0, nv);
  const nb = new Uint32Array(start[nv]!);
  for (let t = 0; t < idx.length; t += 3)
    for (let e = 0; e < 3; e++) {
      const a = idx[t + e]!,
        b = idx[t + ((e + 1) % 3)]!,
        c = idx[t + ((e + 2) % 3)]!;
      nb[fill[a]!++] = b;
      nb[fill[a]!++] = c;
    }
  const tmp = new Float32Array(pos.length);
  const step = (f: number): void => {
    for (let v = 0; v < nv; v++) {
      const s0 = start[v]!,
        s1 = start[v + 1]!;
      if (s1 === s0) {
        tmp[v * 3] = pos[v * 3]!;
        tmp[v * 3 + 1] = pos[v * 3 + 1]!;
        tmp[v * 3 + 2] = pos[v * 3 + 2]!;
        continue;
      }
      let x = 0,
        y = 0,
        z = 0;
      for (let k = s0; k < s1; k++) {
        const u = nb[k]! * 3;
        x += pos[u]!;
        y += pos[u + 1]!;
        z += pos[u + 2]!;
      }
      const n = s1 - s0;
      tmp[v * 3] = pos[v * 3]! + f * (x / n - pos[v * 3]!);
      tmp[v * 3 + 1] = pos[v * 3 + 1]! + f * (y / n - pos[v * 3 + 1]!);
      tmp[v * 3 + 2] = pos[v * 3 + 2]! + f * (z / n - pos[v * 3 + 2]!);
    }
    pos.set(tmp);
  };
  for (let i = 0; i < iterations; i++) {
    step(lambda);
    step(mu);
  }
}

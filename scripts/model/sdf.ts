/** Signed distance primitives, a dense grid with smooth union, and surface nets extraction. */
import type { V3 } from './math.ts';

export type Prim =
  { type: 'ellipsoid'; c: V3; r: V3 } | { type: 'cone'; a: V3; b: V3; ra: number; rb: number };

export function sdPrim(p: Prim, x: number, y: number, z: number): number {
  if (p.type === 'ellipsoid') {
    const px = (x - p.c[0]) / p.r[0],
      py = (y - p.c[1]) / p.r[1],
      pz = (z - p.c[2]) / p.r[2];
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

export class Grid {
  readonly nx: number;
  readonly ny: number;
  readonly nz: number;
  readonly o: V3;
  readonly h: number;
  readonly v: Float32Array;
  constructor(min: V3, max: V3, h: number) {
    // symmetric in x about 0 so a mirrored field gives a mirrored surface
    const hx = Math.max(Math.abs(min[0]), Math.abs(max[0]));
    this.nx = 2 * Math.ceil(hx / h) + 1;
    this.ny = Math.ceil((max[1] - min[1]) / h) + 1;
    this.nz = Math.ceil((max[2] - min[2]) / h) + 1;
    this.o = [-((this.nx - 1) / 2) * h, min[1], min[2]];
    this.h = h;
    this.v = new Float32Array(this.nx * this.ny * this.nz).fill(1);
  }
  /** field = smin(field, prim, k) inside the primitive's bounds (+margin). */
  add(p: Prim, k: number): void {
    const [lo, hi] = primBounds(p);
    const m = k * 1.5 + 2 * this.h;
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
          const a = this.v[idx]!;
          if (k <= 0) {
            if (d < a) this.v[idx] = d;
          } else {
            const hh = Math.max(k - Math.abs(a - d), 0) / k;
            this.v[idx] = Math.min(a, d) - hh * hh * k * 0.25;
          }
        }
      }
    }
  }
}

/** Surface nets: returns positions and triangle indices (outward-facing). */
export function surfaceNets(g: Grid): { pos: Float32Array; idx: Uint32Array } {
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

/** Small vector helpers and centripetal Catmull-Rom splines (pure, deterministic). */
export type V3 = [number, number, number];

export const add = (a: V3, b: V3): V3 => [a[0] + b[0], a[1] + b[1], a[2] + b[2]];
export const sub = (a: V3, b: V3): V3 => [a[0] - b[0], a[1] - b[1], a[2] - b[2]];
export const mul = (a: V3, s: number): V3 => [a[0] * s, a[1] * s, a[2] * s];
export const dot = (a: V3, b: V3): number => a[0] * b[0] + a[1] * b[1] + a[2] * b[2];
export const cross = (a: V3, b: V3): V3 => [
  a[1] * b[2] - a[2] * b[1],
  a[2] * b[0] - a[0] * b[2],
  a[0] * b[1] - a[1] * b[0],
];
export const len = (a: V3): number => Math.hypot(a[0], a[1], a[2]);
export const dist = (a: V3, b: V3): number => len(sub(a, b));
export const norm = (a: V3): V3 => {
  const l = len(a);
  return l > 1e-12 ? mul(a, 1 / l) : [0, 0, 0];
};
export const lerp = (a: V3, b: V3, t: number): V3 => [
  a[0] + (b[0] - a[0]) * t,
  a[1] + (b[1] - a[1]) * t,
  a[2] + (b[2] - a[2]) * t,
];
export const mirrorX = (a: V3): V3 => [-a[0], a[1], a[2]];
export const clamp = (x: number, lo: number, hi: number): number => Math.min(hi, Math.max(lo, x));
export const smoothstep = (e0: number, e1: number, x: number): number => {
  const t = clamp((x - e0) / (e1 - e0), 0, 1);
  return t * t * (3 - 2 * t);
};
/** Round to 1e-5 m so JSON output stays compact and stable. */
export const r5 = (a: V3): V3 => [
  Math.round(a[0] * 1e5) / 1e5,
  Math.round(a[1] * 1e5) / 1e5,
  Math.round(a[2] * 1e5) / 1e5,
];

function at<T>(arr: readonly T[], i: number): T {
  const v = arr[i];
  if (v === undefined) throw new Error(`index ${i} out of range ${arr.length}`);
  return v;
}
export { at };

/** Centripetal Catmull-Rom through pts; returns a dense polyline. */
export function catmullRom(pts: readonly V3[], perSeg = 16): V3[] {
  if (pts.length < 2) throw new Error('spline needs >= 2 points');
  // drop coincident points
  const p: V3[] = [];
  for (const q of pts) if (p.length === 0 || dist(at(p, p.length - 1), q) > 1e-6) p.push(q);
  if (p.length === 1) p.push(add(at(p, 0), [0, -1e-3, 0]));
  const n = p.length;
  const first = sub(mul(at(p, 0), 2), at(p, 1));
  const last = sub(mul(at(p, n - 1), 2), at(p, n - 2));
  const ext = [first, ...p, last];
  const out: V3[] = [];
  for (let i = 0; i < n - 1; i++) {
    const p0 = at(ext, i),
      p1 = at(ext, i + 1),
      p2 = at(ext, i + 2),
      p3 = at(ext, i + 3);
    const t0 = 0;
    const t1 = t0 + Math.sqrt(Math.max(dist(p0, p1), 1e-9));
    const t2 = t1 + Math.sqrt(Math.max(dist(p1, p2), 1e-9));
    const t3 = t2 + Math.sqrt(Math.max(dist(p2, p3), 1e-9));
    for (let k = 0; k < perSeg; k++) {
      const t = t1 + ((t2 - t1) * k) / perSeg;
      const a1 = add(mul(p0, (t1 - t) / (t1 - t0)), mul(p1, (t - t0) / (t1 - t0)));
      const a2 = add(mul(p1, (t2 - t) / (t2 - t1)), mul(p2, (t - t1) / (t2 - t1)));
      const a3 = add(mul(p2, (t3 - t) / (t3 - t2)), mul(p3, (t - t2) / (t3 - t2)));
      const b1 = add(mul(a1, (t2 - t) / (t2 - t0)), mul(a2, (t - t0) / (t2 - t0)));
      const b2 = add(mul(a2, (t3 - t) / (t3 - t1)), mul(a3, (t - t1) / (t3 - t1)));
      out.push(add(mul(b1, (t2 - t) / (t2 - t1)), mul(b2, (t - t1) / (t2 - t1))));
    }
  }
  out.push(at(p, n - 1));
  return out;
}

/** Resample a polyline to n points evenly spaced by arc length. */
export function resample(poly: readonly V3[], n: number): V3[] {
  const cum = [0];
  for (let i = 1; i < poly.length; i++)
    cum.push(at(cum, i - 1) + dist(at(poly, i - 1), at(poly, i)));
  const total = at(cum, cum.length - 1);
  const out: V3[] = [];
  let j = 0;
  for (let k = 0; k < n; k++) {
    const s = (total * k) / (n - 1);
    while (j < poly.length - 2 && at(cum, j + 1) < s) j++;
    const seg = at(cum, j + 1) - at(cum, j);
    const t = seg > 1e-12 ? clamp((s - at(cum, j)) / seg, 0, 1) : 0;
    out.push(lerp(at(poly, j), at(poly, j + 1), t));
  }
  return out;
}

export function polyLength(poly: readonly V3[]): number {
  let s = 0;
  for (let i = 1; i < poly.length; i++) s += dist(at(poly, i - 1), at(poly, i));
  return s;
}

/** Point at arc-length fraction t of a polyline. */
export function pointAt(poly: readonly V3[], t: number): V3 {
  if (poly.length === 1) return at(poly, 0);
  const total = polyLength(poly);
  let s = clamp(t, 0, 1) * total;
  for (let i = 1; i < poly.length; i++) {
    const d = dist(at(poly, i - 1), at(poly, i));
    if (s <= d || i === poly.length - 1)
      return lerp(at(poly, i - 1), at(poly, i), d > 0 ? clamp(s / d, 0, 1) : 0);
    s -= d;
  }
  return at(poly, poly.length - 1);
}

/** Deterministic hash of a string to [0,1). */
export function hash01(s: string): number {
  let h = 2166136261;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 16777619);
  }
  return ((h >>> 0) % 100000) / 100000;
}

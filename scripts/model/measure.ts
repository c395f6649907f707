/**
 * Measuring the built body as an anthropometrist would: horizontal cross-sections of a closed
 * mesh, their loops, a tape-measure girth (perimeter of the convex hull) and caliper breadth and
 * depth; and point-in-section tests for checking what fills a cross-section.
 */

/** A 2D point in a horizontal section: [x, z]. */
export type P2 = [number, number];
export interface Section {
  /** segments [x0, z0, x1, z1] where the plane cuts the mesh's triangles */
  segs: Float64Array;
  loops: P2[][];
}

/** Cuts the mesh with the plane y = level; each crossing edge gives one point, shared by its two
 * triangles, so the segments chain into closed loops. */
export function section(
  pos: ArrayLike<number>,
  idx: ArrayLike<number>,
  level: number,
  keepVertex: (v: number) => boolean = () => true,
): Section {
  const segs: number[] = [];
  const keyed = new Map<string, number>();
  const pts: P2[] = [];
  const next = new Map<number, number[]>();
  const cut = (a: number, b: number): number => {
    const key = a < b ? `${a},${b}` : `${b},${a}`;
    const known = keyed.get(key);
    if (known !== undefined) return known;
    const ya = pos[a * 3 + 1]! - level,
      yb = pos[b * 3 + 1]! - level;
    const t = ya / (ya - yb);
    const p: P2 = [
      pos[a * 3]! + (pos[b * 3]! - pos[a * 3]!) * t,
      pos[a * 3 + 2]! + (pos[b * 3 + 2]! - pos[a * 3 + 2]!) * t,
    ];
    pts.push(p);
    keyed.set(key, pts.length - 1);
    return pts.length - 1;
  };
  for (let t = 0; t < idx.length; t += 3) {
    const v = [idx[t]!, idx[t + 1]!, idx[t + 2]!];
    if (!v.every(keepVertex)) continue;
    // a vertex exactly on the plane counts as above it, so every crossing is strict
    const above = v.map((i) => pos[i * 3 + 1]! >= level);
    const crossing: number[] = [];
    for (let e = 0; e < 3; e++) {
      const a = v[e]!,
        b = v[(e + 1) % 3]!;
      if (above[e] !== above[(e + 1) % 3]) crossing.push(cut(a, b));
    }
    if (crossing.length !== 2) continue;
    const [i, j] = crossing as [number, number];
    segs.push(pts[i]![0], pts[i]![1], pts[j]![0], pts[j]![1]);
    next.set(i, [...(next.get(i) ?? []), j]);
    next.set(j, [...(next.get(j) ?? []), i]);
  }
  const loops: P2[][] = [];
  const seen = new Set<number>();
  for (const start of next.keys()) {
    if (seen.has(start)) continue;
    const loop: P2[] = [];
    let prev = -1,
      cur = start;
    while (!seen.has(cur)) {
      seen.add(cur);
      loop.push(pts[cur]!);
      const nb = next.get(cur) ?? [];
      const step = nb.find((n) => n !== prev && !seen.has(n));
      if (step === undefined) break;
      prev = cur;
      cur = step;
    }
    if (loop.length >= 3) loops.push(loop);
  }
  return { segs: Float64Array.from(segs), loops };
}

/** Even-odd test against a soup of section segments (works for several nested loops). */
export function insideSegs(segs: Float64Array, x: number, z: number): boolean {
  let inside = false;
  for (let s = 0; s < segs.length; s += 4) {
    const x0 = segs[s]!,
      z0 = segs[s + 1]!,
      x1 = segs[s + 2]!,
      z1 = segs[s + 3]!;
    if (z0 > z !== z1 > z && x < x0 + ((z - z0) / (z1 - z0)) * (x1 - x0)) inside = !inside;
  }
  return inside;
}

/** Distance from a point to the nearest section segment. */
export function distToSegs(segs: Float64Array, x: number, z: number): number {
  let best = Infinity;
  for (let s = 0; s < segs.length; s += 4) {
    const ax = segs[s]!,
      az = segs[s + 1]!,
      bx = segs[s + 2]! - ax,
      bz = segs[s + 3]! - az;
    const l2 = bx * bx + bz * bz;
    const t = l2 > 0 ? Math.min(1, Math.max(0, ((x - ax) * bx + (z - az) * bz) / l2)) : 0;
    best = Math.min(best, Math.hypot(x - ax - bx * t, z - az - bz * t));
  }
  return best;
}

function hull(points: P2[]): P2[] {
  const p = [...points].sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  const cross = (o: P2, a: P2, b: P2): number =>
    (a[0] - o[0]) * (b[1] - o[1]) - (a[1] - o[1]) * (b[0] - o[0]);
  const half = (list: P2[]): P2[] => {
    const h: P2[] = [];
    for (const q of list) {
      while (h.length >= 2 && cross(h[h.length - 2]!, h[h.length - 1]!, q) <= 0) h.pop();
      h.push(q);
    }
    h.pop();
    return h;
  };
  return [...half(p), ...half([...p].reverse())];
}

export interface Girth {
  /** tape measure: perimeter of the convex hull (m) */
  circumference: number;
  /** caliper: extent left-right (x) and front-back (z) (m) */
  breadth: number;
  depth: number;
}

/** Girth of a section's points (a tape goes round their convex hull). */
export function girth(sec: Section): Girth {
  const pts: P2[] = [];
  for (let s = 0; s < sec.segs.length; s += 2) pts.push([sec.segs[s]!, sec.segs[s + 1]!]);
  if (pts.length < 3) return { circumference: 0, breadth: 0, depth: 0 };
  const h = hull(pts);
  let c = 0;
  for (let i = 0; i < h.length; i++) {
    const a = h[i]!,
      b = h[(i + 1) % h.length]!;
    c += Math.hypot(b[0] - a[0], b[1] - a[1]);
  }
  const xs = pts.map((p) => p[0]),
    zs = pts.map((p) => p[1]);
  return {
    circumference: c,
    breadth: Math.max(...xs) - Math.min(...xs),
    depth: Math.max(...zs) - Math.min(...zs),
  };
}

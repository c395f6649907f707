/**
 * Muscles as volumes: the soft tissue of a limb (inside the skin less a fat layer, outside the
 * bones and the muscles that are built as sheets) is shared out among the limb's muscles by
 * their centre lines, each weighted by its girth w along its length. A voxel goes to the muscle
 * with the least power distance d² − w² (a power diagram, cf. Geiss et al. 2013,
 * arXiv:1206.3057; Bourne & Roper 2015, arXiv:1409.2786): neighbours meet along flat shared
 * boundaries like fascial planes, and a thick muscle cannot swallow a thin one beside it as a
 * multiplicative weight would. Each muscle's surface is then extracted from its label (surface
 * nets) and smoothed.
 */
import type { V3 } from './math.ts';
import { blur, surfaceNets, taubin, type GridLike } from './sdf.ts';

/** One centre line of a muscle: points and the weight (local belly radius, m) at each. */
export interface Site {
  label: number;
  pts: V3[];
  w: number[];
}

/** A label per voxel (-1: none) and the winning site's score; voxel (i, j, k) lies at o + (i, j, k) h. */
export interface LabelGrid {
  nx: number;
  ny: number;
  nz: number;
  o: V3;
  h: number;
  label: Int16Array;
  score: Float32Array;
}

export function newLabelGrid(min: V3, max: V3, h: number): LabelGrid {
  const nx = Math.ceil((max[0] - min[0]) / h) + 1;
  const ny = Math.ceil((max[1] - min[1]) / h) + 1;
  const nz = Math.ceil((max[2] - min[2]) / h) + 1;
  const n = nx * ny * nz;
  return {
    nx,
    ny,
    nz,
    o: min,
    h,
    label: new Int16Array(n).fill(-1),
    score: new Float32Array(n).fill(Infinity),
  };
}

/** A piece of a label smaller than this share of its largest piece is a speck, given away. */
const ISLAND = 0.15;

/** Within this many weights of its centre line a voxel is the muscle's own. */
const CORE = 0.45;

/** Power distance of p to a site (d² − w², w interpolated), least over its segments; and the
 * distance in weights (d / w) at that segment. */
export function siteScore(
  s: Site,
  x: number,
  y: number,
  z: number,
): { power: number; inWeights: number } {
  let power = Infinity,
    inWeights = Infinity;
  for (let i = 0; i + 1 < s.pts.length; i++) {
    const a = s.pts[i]!,
      b = s.pts[i + 1]!;
    const bx = b[0] - a[0],
      by = b[1] - a[1],
      bz = b[2] - a[2];
    const l2 = bx * bx + by * by + bz * bz;
    let t = l2 > 0 ? ((x - a[0]) * bx + (y - a[1]) * by + (z - a[2]) * bz) / l2 : 0;
    t = t < 0 ? 0 : t > 1 ? 1 : t;
    const dx = x - a[0] - bx * t,
      dy = y - a[1] - by * t,
      dz = z - a[2] - bz * t;
    const d2 = dx * dx + dy * dy + dz * dz;
    const w = s.w[i]! + (s.w[i + 1]! - s.w[i]!) * t;
    if (d2 - w * w < power) {
      power = d2 - w * w;
      inWeights = Math.sqrt(d2) / w;
    }
  }
  return { power, inWeights };
}

/**
 * Labels every voxel of the grid that `cap` allows: cap(i) is the largest weighted distance a
 * voxel may have to its muscle (0 = not soft tissue of this limb; the caller caches it). Sites are
 * visited one by one
 * over their own bounding boxes, so the cost follows the muscles' size, not the grid's.
 */
export function partition(
  g: LabelGrid,
  sites: Site[],
  cap: (i: number) => number,
  maxCap: number,
): void {
  const { nx, ny, nz, o, h, label, score } = g;
  for (const s of sites) {
    const lo: V3 = [Infinity, Infinity, Infinity],
      hi: V3 = [-Infinity, -Infinity, -Infinity];
    const wmax = Math.max(...s.w);
    for (const p of s.pts)
      for (let a = 0; a < 3; a++) {
        lo[a] = Math.min(lo[a]!, p[a]!);
        hi[a] = Math.max(hi[a]!, p[a]!);
      }
    // no voxel further than maxCap weights from the centre line can be this site's
    const reach = maxCap * wmax;
    const i0 = Math.max(0, Math.floor((lo[0] - reach - o[0]) / h));
    const i1 = Math.min(nx - 1, Math.ceil((hi[0] + reach - o[0]) / h));
    const j0 = Math.max(0, Math.floor((lo[1] - reach - o[1]) / h));
    const j1 = Math.min(ny - 1, Math.ceil((hi[1] + reach - o[1]) / h));
    const k0 = Math.max(0, Math.floor((lo[2] - reach - o[2]) / h));
    const k1 = Math.min(nz - 1, Math.ceil((hi[2] + reach - o[2]) / h));
    for (let k = k0; k <= k1; k++)
      for (let j = j0; j <= j1; j++)
        for (let i = i0; i <= i1; i++) {
          const idx = (k * ny + j) * nx + i;
          const c = cap(idx);
          if (c <= 0) continue;
          const { power, inWeights } = siteScore(s, o[0] + i * h, o[1] + j * h, o[2] + k * h);
          if (inWeights > c) continue;
          // a muscle always keeps the core around its own centre line (its trigger points lie
          // there), whatever its neighbours' weights; where two cores meet, the nearer line
          // in weights wins, so a thin strap crossing a thick belly's core keeps its own
          const sc = inWeights < CORE ? inWeights - 2 : power;
          // ties go to the earlier site: the result does not depend on float noise in order
          if (sc < score[idx]!) {
            score[idx] = sc;
            label[idx] = s.label;
          }
        }
  }
}

/** The voxel count of each label. */
export function labelCounts(g: LabelGrid, n: number): number[] {
  const counts = new Array<number>(n).fill(0);
  for (const l of g.label) if (l >= 0) counts[l]!++;
  return counts;
}

/**
 * The surface of one label: its voxels cropped with a margin, the indicator blurred a little
 * (two neighbours' surfaces meet where each indicator is one half), surface nets a little
 * below one half (`iso`: neighbours overlap by a fraction of a voxel, hidden inside, rather than
 * leave cracks where three meet), then Taubin smoothing.
 */
export function labelSurface(
  g: LabelGrid,
  l: number,
  sigma: number,
  smooth: number,
  iso: number,
): { pos: Float32Array; idx: Uint32Array } {
  const { nx, ny, nz, h, o, label } = g;
  let i0 = nx,
    i1 = -1,
    j0 = ny,
    j1 = -1,
    k0 = nz,
    k1 = -1;
  for (let k = 0; k < nz; k++)
    for (let j = 0; j < ny; j++)
      for (let i = 0; i < nx; i++)
        if (label[(k * ny + j) * nx + i] === l) {
          if (i < i0) i0 = i;
          if (i > i1) i1 = i;
          if (j < j0) j0 = j;
          if (j > j1) j1 = j;
          if (k < k0) k0 = k;
          if (k > k1) k1 = k;
        }
  if (i1 < 0) return { pos: new Float32Array(0), idx: new Uint32Array(0) };
  const m = 3;
  const cx = i1 - i0 + 1 + 2 * m,
    cy = j1 - j0 + 1 + 2 * m,
    cz = k1 - k0 + 1 + 2 * m;
  const crop: GridLike = {
    nx: cx,
    ny: cy,
    nz: cz,
    h,
    o: [o[0] + (i0 - m) * h, o[1] + (j0 - m) * h, o[2] + (k0 - m) * h],
    v: new Float32Array(cx * cy * cz),
  };
  for (let k = 0; k < cz; k++)
    for (let j = 0; j < cy; j++)
      for (let i = 0; i < cx; i++) {
        const gi = i + i0 - m,
          gj = j + j0 - m,
          gk = k + k0 - m;
        const inside =
          gi >= 0 &&
          gj >= 0 &&
          gk >= 0 &&
          gi < nx &&
          gj < ny &&
          gk < nz &&
          label[(gk * ny + gj) * nx + gi] === l;
        crop.v[(k * cy + j) * cx + i] = inside ? 1 : 0;
      }
  if (sigma > 0) blur(crop, sigma);
  for (let i = 0; i < crop.v.length; i++) crop.v[i] = iso - crop.v[i]!;
  const sn = surfaceNets(crop);
  taubin(sn.pos, sn.idx, smooth);
  return sn;
}

/** Most common label among a voxel's 26 neighbours (and itself), with its count. */
function neighbourMode(g: LabelGrid, i: number, j: number, k: number, votes: Int32Array): number {
  const { nx, ny, nz, label } = g;
  let best = -1,
    bestCount = 0;
  const seen: number[] = [];
  for (let dk = -1; dk <= 1; dk++)
    for (let dj = -1; dj <= 1; dj++)
      for (let di = -1; di <= 1; di++) {
        const a = i + di,
          b = j + dj,
          c = k + dk;
        if (a < 0 || b < 0 || c < 0 || a >= nx || b >= ny || c >= nz) continue;
        const l = label[(c * ny + b) * nx + a]!;
        if (l < 0) continue;
        if (votes[l] === 0) seen.push(l);
        votes[l]!++;
      }
  for (const l of seen) {
    // ties go to the lower label, so the result is deterministic
    if (votes[l]! > bestCount || (votes[l] === bestCount && l < best)) {
      best = l;
      bestCount = votes[l]!;
    }
    votes[l] = 0;
  }
  return best;
}

/**
 * Tidies a partition: small islands of a label cut off from its main body are handed to their
 * neighbours, then a few passes of a majority filter smooth the boundaries between muscles
 * (the weighted distance makes ragged, interleaved edges where two weights are close).
 */
export function cleanLabels(g: LabelGrid, labels: number, passes: number): void {
  const { nx, ny, nz, label } = g;
  const n = nx * ny * nz;
  // largest connected component of each label (6-connected flood fill)
  const comp = new Int32Array(n).fill(-1);
  const sizes: number[] = [];
  const compLabel: number[] = [];
  const stack: number[] = [];
  for (let s = 0; s < n; s++) {
    if (label[s]! < 0 || comp[s] !== -1) continue;
    const id = sizes.length;
    let size = 0;
    comp[s] = id;
    stack.push(s);
    while (stack.length) {
      const v = stack.pop()!;
      size++;
      const i = v % nx,
        j = Math.floor(v / nx) % ny,
        k = Math.floor(v / (nx * ny));
      const nb = [
        i > 0 ? v - 1 : -1,
        i < nx - 1 ? v + 1 : -1,
        j > 0 ? v - nx : -1,
        j < ny - 1 ? v + nx : -1,
        k > 0 ? v - nx * ny : -1,
        k < nz - 1 ? v + nx * ny : -1,
      ];
      for (const u of nb)
        if (u >= 0 && comp[u] === -1 && label[u] === label[s]) {
          comp[u] = id;
          stack.push(u);
        }
    }
    sizes.push(size);
    compLabel.push(label[s]!);
  }
  const main = new Int32Array(labels).fill(-1);
  sizes.forEach((size, id) => {
    const l = compLabel[id]!;
    if (main[l] === -1 || size > sizes[main[l]!]!) main[l] = id;
  });
  const votes = new Int32Array(labels);
  const strays: number[] = [];
  // a piece of real size stays (a strap crossed by a neighbour's core is cut in two, and both
  // halves are the muscle); specks go
  const stray = (v: number): boolean =>
    comp[v] !== main[label[v]!] && sizes[comp[v]!]! < ISLAND * sizes[main[label[v]!]!]!;
  for (let v = 0; v < n; v++)
    if (label[v]! >= 0 && stray(v)) {
      strays.push(v);
      label[v] = -2;
    }
  // strays take their labelled neighbours' majority, from the outside in
  for (let round = 0; round < 20 && strays.length; round++) {
    const left: number[] = [];
    const next: [number, number][] = [];
    for (const v of strays) {
      const l = neighbourMode(g, v % nx, Math.floor(v / nx) % ny, Math.floor(v / (nx * ny)), votes);
      if (l >= 0) next.push([v, l]);
      else left.push(v);
    }
    for (const [v, l] of next) label[v] = l;
    strays.length = 0;
    strays.push(...left);
  }
  for (const v of strays) label[v] = -1;
  for (let p = 0; p < passes; p++) {
    const out = label.slice();
    for (let k = 0; k < nz; k++)
      for (let j = 0; j < ny; j++)
        for (let i = 0; i < nx; i++) {
          const v = (k * ny + j) * nx + i;
          // a muscle's core (score below -1: inside CORE weights of its own line) is never voted
          // away, so a thin muscle between thick ones keeps an unbroken belly
          if (label[v]! < 0 || g.score[v]! < -1) continue;
          out[v] = neighbourMode(g, i, j, k, votes);
        }
    label.set(out);
  }
}

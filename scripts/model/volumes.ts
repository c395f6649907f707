/**
 * The limb muscles as volumes that pack the space between bone and skin (see partition.ts):
 * per compartment (left leg, left arm), the soft tissue is labelled among its muscles, each
 * label's surface is extracted, simplified and coloured, and a thin tendon core is lofted along
 * each strand so the tendons run on past the bellies to their attachments.
 */
import { MeshoptSimplifier } from 'meshoptimizer';
import { type V3, lerp, clamp, norm, sub, cross, dot, mul, smoothstep } from './math.ts';
import {
  type Capsule,
  type Mesh,
  compactMesh,
  newMesh,
  tube,
  pushV,
  FIBRE_PITCH,
  TENDON,
} from './mesh.ts';
import { addHard, sample, sdPrim, type GridLike, type Prim } from './sdf.ts';
import {
  cleanLabels,
  labelCounts,
  labelSurface,
  newLabelGrid,
  partition,
  siteScore,
  type LabelGrid,
  type Site,
} from './partition.ts';
import type { Compartment, Segment } from './data.ts';

/** A centre line of a built muscle, with its belly radius and tendon share at each point. */
export interface Strand {
  pts: V3[];
  w: number[];
  tendonMix: number[];
  /** the thin tendon core's radius and its depth / width ratio */
  tendonR: number;
  flat: number;
  up: V3[];
  color: V3;
}

export interface VolumeInput {
  id: string;
  strands: Strand[];
}

export interface VolumeResult {
  meshes: Map<string, Mesh>;
  /** each muscle's centre lines as the volume used them (sunk below the fat layer) */
  centreLines: Map<string, V3[][]>;
  /** voxels (soft tissue) per muscle, for the build's report and the volume check */
  voxels: Map<string, number>;
  h: number;
}

/** A mask of voxels inside any capsule (bones and the muscles that stay sheets or tubes). */
function blockedMask(g: LabelGrid, caps: Capsule[], grow: number): Uint8Array {
  const { nx, ny, nz, o, h } = g;
  const field: GridLike = { nx, ny, nz, o, h, v: new Float32Array(nx * ny * nz).fill(1) };
  for (const c of caps) {
    const prim: Prim = { type: 'cone', a: c.a, b: c.b, ra: c.r + grow, rb: c.r + grow };
    addHard(field, prim, g.h);
  }
  const out = new Uint8Array(field.v.length);
  for (let i = 0; i < out.length; i++) out[i] = field.v[i]! < 0 ? 1 : 0;
  return out;
}

/** Simplifies a mesh to about `tris` triangles and drops unused vertices. */
export function simplify(
  pos: Float32Array,
  idx: Uint32Array,
  tris: number,
): { pos: Float32Array; idx: Uint32Array } {
  const [kept] = MeshoptSimplifier.simplify(idx, pos, 3, Math.min(tris * 3, idx.length), 0.006, []);
  return compactMesh(pos, kept);
}

/** Colour of a volume vertex: its nearest strand point's belly or tendon colour. */
function vertexColor(strands: Strand[], p: V3): V3 {
  let best = Infinity;
  let c: V3 = TENDON;
  for (const s of strands)
    for (let i = 0; i < s.pts.length; i++) {
      const q = s.pts[i]!;
      const d = (p[0] - q[0]) ** 2 + (p[1] - q[1]) ** 2 + (p[2] - q[2]) ** 2;
      if (d < best) {
        best = d;
        c = lerp(s.color, TENDON, s.tendonMix[i]!);
      }
    }
  return c;
}

export async function buildVolumes(
  comp: Compartment,
  muscles: VolumeInput[],
  skin: GridLike,
  segmentAt: (p: V3) => Segment,
  blockers: Capsule[],
): Promise<VolumeResult> {
  // every muscle named in the compartment's weights and published volumes must be in it
  const members = new Set(muscles.map((m) => m.id));
  const named = [
    ...Object.keys(comp.weight ?? {}),
    ...Object.keys(comp.volumes ?? {}),
    ...(comp.groups ?? []).flatMap((gr) => gr.muscles),
    ...(comp.heads ?? []),
  ];
  for (const id of named)
    if (!members.has(id)) throw new Error(`${comp.name}: "${id}" is not one of its muscles`);
  muscles = muscles.map((m) => ({
    id: m.id,
    strands: m.strands.map((st) => sinkBelowFat(st, skin, comp.fat)),
  }));
  const probe = newLabelGrid(comp.min, comp.max, comp.h);
  const blocked = blockedMask(probe, blockers, comp.boneGap);
  const { nx, ny, o, h } = probe;
  const limb = new Set<Segment>(comp.segments);
  const capCache = new Float32Array(blocked.length).fill(NaN);
  const cap = (i: number): number => {
    const known = capCache[i]!;
    if (!Number.isNaN(known)) return known;
    const x = o[0] + (i % nx) * h,
      y = o[1] + (Math.floor(i / nx) % ny) * h,
      z = o[2] + Math.floor(i / (nx * ny)) * h;
    // beyond the limb (hip, shoulder) a muscle keeps only its own girth, so it can reach its
    // origin without filling the pelvis or the armpit
    const c =
      blocked[i] || sample(skin, x, y, z) > -comp.fat
        ? 0
        : limb.has(segmentAt([x, y, z]))
          ? comp.cap
          : comp.edgeCap;
    capCache[i] = c;
    return c;
  };
  const scales = muscles.map((m) => comp.weight?.[m.id] ?? 1);
  let sites: Site[] = [];
  const label = (): LabelGrid => {
    const grid = newLabelGrid(comp.min, comp.max, comp.h);
    sites = [];
    muscles.forEach((m, l) => {
      // the belly alone claims tissue: at the tendon stretches the weight falls to almost nothing
      for (const s of m.strands) {
        const taper = bellyTaper(s, comp.taper);
        sites.push({
          label: l,
          pts: s.pts,
          w: s.w.map((w, i) =>
            Math.max(1e-4, (w - s.tendonR) * scales[l]! * (1 - s.tendonMix[i]!) * taper[i]!),
          ),
        });
      }
    });
    partition(grid, sites, cap, Math.max(comp.cap, comp.edgeCap));
    return grid;
  };
  let g = label();
  // published volumes: each muscle's (or group's) share among those that have one is brought to
  // its published share (a cell's cross-section grows about as its weight squared)
  // published groups first (the thigh's compartments), then single muscles within them
  const index = (id: string): number => {
    const l = muscles.findIndex((m) => m.id === id);
    if (l < 0) throw new Error(`${comp.name}: a published volume for "${id}", which is not in it`);
    return l;
  };
  const targets: { members: number[]; share: number }[][] = [];
  if (comp.groups) {
    const total = comp.groups.reduce((t, gr) => t + gr.share, 0);
    targets.push(
      comp.groups.map((gr) => ({ members: gr.muscles.map(index), share: gr.share / total })),
    );
  }
  if (comp.volumes) {
    const entries = Object.entries(comp.volumes);
    const total = entries.reduce((t, [, v]) => t + v, 0);
    targets.push(entries.map(([id, v]) => ({ members: [index(id)], share: v / total })));
  }
  for (let round = 0; round < (comp.calibrate ?? 0) && targets.length; round++) {
    for (const set of targets) {
      const counts = labelCounts(g, muscles.length);
      const sum = (ls: number[]): number => ls.reduce((t, l) => t + counts[l]!, 0);
      const total = set.reduce((t, tg) => t + sum(tg.members), 0);
      for (const tg of set) {
        // damped: a thin muscle squeezed between thick ones answers its weight steeply
        const factor = (tg.share / Math.max(sum(tg.members) / total, 1e-6)) ** 0.25;
        for (const l of tg.members) scales[l] = scales[l]! * factor;
      }
      g = label();
    }
  }
  cleanLabels(g, muscles.length, comp.majorityPasses);
  const counts = labelCounts(g, muscles.length);
  await MeshoptSimplifier.ready;
  const meshes = new Map<string, Mesh>();
  const voxels = new Map<string, number>();
  const centreLines = new Map(muscles.map((m) => [m.id, m.strands.map((st) => st.pts)]));
  const heads = splitHeads(g, muscles, sites, new Set(comp.heads ?? []));
  muscles.forEach((m, label) => {
    voxels.set(m.id, counts[label]!);
    const mesh = newMesh(true);
    const parts = heads.get(label) ?? [{ grid: g, label, voxels: counts[label]! }];
    for (const part of parts) {
      const surf = labelSurface(part.grid, part.label, comp.sigma * h, comp.smooth, comp.iso);
      if (surf.idx.length === 0) throw new Error(`${comp.name}: ${m.id} got no tissue`);
      const tris = clamp(Math.round(part.voxels * comp.trisPerVoxel), 200, comp.maxTris);
      const lean = simplify(surf.pos, surf.idx, tris);
      const across = acrossFibres(m.strands, lean.pos);
      const base = mesh.pos.length / 3;
      for (let v = 0; v < lean.pos.length / 3; v++) {
        const p: V3 = [lean.pos[v * 3]!, lean.pos[v * 3 + 1]!, lean.pos[v * 3 + 2]!];
        pushV(mesh, p, vertexColor(m.strands, p), across(p));
      }
      for (const i of lean.idx) mesh.idx.push(base + i);
    }
    for (const s of m.strands) tendonCore(mesh, s);
    meshes.set(m.id, mesh);
  });
  return { meshes, centreLines, voxels, h: comp.h };
}

/**
 * Fibre stripes on a volume: planes that contain the muscle's long axis and its outward
 * direction cut its surface in lines along the fibres; the phase is the distance across those
 * planes in stripe pitches (from the muscle's own edge, so it is never negative).
 */
function acrossFibres(strands: Strand[], pos: Float32Array): (p: V3) => number {
  const main = strands[0]!;
  const axis = norm(sub(main.pts[main.pts.length - 1]!, main.pts[0]!));
  const mid = Math.floor(main.pts.length / 2);
  const across = norm(cross(axis, main.up[mid]!));
  let lo = Infinity;
  for (let v = 0; v < pos.length; v += 3)
    lo = Math.min(lo, pos[v]! * across[0] + pos[v + 1]! * across[1] + pos[v + 2]! * across[2]);
  return (p) => (dot(p, across) - lo) / FIBRE_PITCH;
}

/**
 * The heads of a many-headed muscle (gastrocnemius, biceps, triceps, biceps femoris) as bellies
 * of their own: each of its voxels goes to the head whose centre line is nearest in power
 * distance, and each head gets its own surface, so a groove shows where two heads meet.
 */
function splitHeads(
  g: LabelGrid,
  muscles: VolumeInput[],
  sites: Site[],
  named: Set<string>,
): Map<number, { grid: LabelGrid; label: number; voxels: number }[]> {
  const out = new Map<number, { grid: LabelGrid; label: number; voxels: number }[]>();
  const { nx, ny, o, h } = g;
  muscles.forEach((m, l) => {
    const own = sites.filter((s) => s.label === l);
    if (!named.has(m.id) || own.length < 2) return;
    const grid: LabelGrid = { ...g, label: new Int16Array(g.label.length).fill(-1) };
    const voxels = own.map(() => 0);
    for (let v = 0; v < g.label.length; v++) {
      if (g.label[v] !== l) continue;
      const x = o[0] + (v % nx) * h,
        y = o[1] + (Math.floor(v / nx) % ny) * h,
        z = o[2] + Math.floor(v / (nx * ny)) * h;
      let best = 0,
        bestPower = Infinity;
      own.forEach((s, k) => {
        const { power } = siteScore(s, x, y, z);
        if (power < bestPower) {
          bestPower = power;
          best = k;
        }
      });
      grid.label[v] = best;
      voxels[best]!++;
    }
    out.set(
      l,
      own.map((_, k) => ({ grid, label: k, voxels: voxels[k]! })).filter((p) => p.voxels > 0),
    );
  });
  return out;
}

/**
 * How a belly narrows towards its tendons: 0 at the belly's ends, 1 from `share` of its length
 * in. Without it a belly's weight fell off within a few millimetres and its end was cut flat
 * against its neighbour's (the gastrocnemius ended in a square edge over the soleus).
 */
function bellyTaper(s: Strand, share: number): number[] {
  const arc = [0];
  for (let i = 1; i < s.pts.length; i++) {
    const a = s.pts[i - 1]!,
      b = s.pts[i]!;
    arc.push(arc[i - 1]! + Math.hypot(b[0] - a[0], b[1] - a[1], b[2] - a[2]));
  }
  const belly = s.pts.map((_, i) => s.tendonMix[i]! < 0.99);
  const first = belly.indexOf(true),
    last = belly.lastIndexOf(true);
  if (first < 0 || share <= 0) return s.pts.map(() => 1);
  const length = Math.max(arc[last]! - arc[first]!, 1e-6);
  return arc.map((u) => {
    const inward = Math.min(u - arc[first]!, arc[last]! - u) / length;
    return inward <= 0 ? 0 : smoothstep(0, share, inward);
  });
}

/**
 * A centre line placed for the old tube muscles may run in the fat layer or outside the skin;
 * each point too shallow for its belly is moved in along the skin's normal until the belly
 * (half its girth) lies under the fat, so superficial muscles keep their place in the packing.
 */
function sinkBelowFat(st: Strand, skin: GridLike, fat: number): Strand {
  const e = skin.h;
  const pts = st.pts.map((p, i): V3 => {
    const want = fat + 0.5 * st.w[i]! * (1 - st.tendonMix[i]!) + st.tendonR;
    const depth = -sample(skin, p[0], p[1], p[2]);
    if (depth >= want) return p;
    const grad = norm([
      sample(skin, p[0] + e, p[1], p[2]) - sample(skin, p[0] - e, p[1], p[2]),
      sample(skin, p[0], p[1] + e, p[2]) - sample(skin, p[0], p[1] - e, p[2]),
      sample(skin, p[0], p[1], p[2] + e) - sample(skin, p[0], p[1], p[2] - e),
    ]);
    return sub(p, mul(grad, want - depth));
  });
  return { ...st, pts };
}

/** The tendons: thin lofts over the strand's tendon stretches, reaching a little into the belly
 * (where the volume hides them) so the two meet without a gap. */
function tendonCore(mesh: Mesh, s: Strand): void {
  const n = s.pts.length;
  const isTendon = (i: number): boolean => s.tendonMix[i]! > 0.3;
  let i = 0;
  while (i < n) {
    if (!isTendon(i)) {
      i++;
      continue;
    }
    let j = i;
    while (j + 1 < n && isTendon(j + 1)) j++;
    const a = Math.max(0, i - 1),
      b = Math.min(n - 1, j + 1);
    if (b > a) {
      const range = (arr: readonly V3[]): V3[] => arr.slice(a, b + 1);
      const pts = range(s.pts);
      const width = pts.map(() => s.tendonR);
      const depth = pts.map(() => Math.max(s.tendonR * s.flat, s.tendonR * 0.6));
      const cols = pts.map(() => TENDON);
      tube(mesh, pts, width, depth, range(s.up), cols, 6);
    }
    i = j + 1;
  }
}

/** The body segment of the nearest skin primitive. */
export function segmentLookup(prims: { prim: Prim; segment: Segment }[]): (p: V3) => Segment {
  return (p) => {
    let best = Infinity;
    let seg: Segment = 'trunk';
    for (const q of prims) {
      const d = sdPrim(q.prim, p[0], p[1], p[2]);
      if (d < best) {
        best = d;
        seg = q.segment;
      }
    }
    return seg;
  };
}

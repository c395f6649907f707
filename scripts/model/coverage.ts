/**
 * How much of a limb's cross-section between the bones and the fat layer is muscle, measured on
 * the built model: points on a 2 mm lattice in a horizontal section, inside the skin, deeper
 * than the fat layer and outside the bones, and the share of them inside some muscle.
 *
 *   tsx scripts/model/coverage.ts [glb]
 */
import { distToSegs, insideSegs, section, type P2 } from './measure.ts';
import type { Segment } from './data.ts';
import type { Skin, WorldMesh } from './read-built.ts';

export interface CrossSection {
  name: string;
  y: number;
  segment: Segment;
  /** the fat layer (m), as the compartment's build used it */
  fat: number;
}

/** Mid-thigh, calf, mid upper arm and forearm of the left limbs. */
export const CROSS_SECTIONS: CrossSection[] = [
  { name: 'thigh', y: 0.68, segment: 'thigh', fat: 0.005 },
  { name: 'calf', y: 0.33, segment: 'leg', fat: 0.005 },
  { name: 'upper arm', y: 1.25, segment: 'upper_arm', fat: 0.004 },
  { name: 'forearm', y: 1.02, segment: 'forearm', fat: 0.004 },
];

/** Sub-voxel slack at the fat layer and the bone surface (the volumes were voxelised at 3-4 mm). */
const SLACK = 0.001;

function loopContains(loop: P2[], x: number, z: number): boolean {
  let inside = false;
  for (let i = 0, j = loop.length - 1; i < loop.length; j = i++) {
    const [x0, z0] = loop[i]!,
      [x1, z1] = loop[j]!;
    if (z0 > z !== z1 > z && x < x0 + ((z - z0) / (z1 - z0)) * (x1 - x0)) inside = !inside;
  }
  return inside;
}

export interface Coverage {
  section: CrossSection;
  /** points of soft tissue (between bone and fat), and the share of them in a muscle */
  tissue: number;
  muscle: number;
}

export function coverage(skin: Skin, meshes: WorldMesh[], cs: CrossSection): Coverage {
  const { pos, idx } = skin;
  const skinSec = section(pos, idx, cs.y);
  // the limb's extent: its own skin vertices in this section (left side)
  const limb = section(pos, idx, cs.y, (v) => skin.segmentOf(v) === cs.segment && pos[v * 3]! > 0);
  let x0 = Infinity,
    x1 = -Infinity,
    z0 = Infinity,
    z1 = -Infinity;
  for (let s = 0; s < limb.segs.length; s += 2) {
    x0 = Math.min(x0, limb.segs[s]!);
    x1 = Math.max(x1, limb.segs[s]!);
    z0 = Math.min(z0, limb.segs[s + 1]!);
    z1 = Math.max(z1, limb.segs[s + 1]!);
  }
  const bone = meshes.find((m) => m.name === 'skeleton')!;
  const boneSec = section(bone.pos, bone.idx, cs.y);
  const muscleLoops = meshes
    .filter((m) => m.name.startsWith('m:') && m.name.endsWith(':left'))
    .flatMap((m) => section(m.pos, m.idx, cs.y).loops);
  let tissue = 0,
    muscle = 0;
  const step = 0.002;
  for (let x = x0; x <= x1; x += step)
    for (let z = z0; z <= z1; z += step) {
      if (!insideSegs(skinSec.segs, x, z)) continue;
      if (distToSegs(skinSec.segs, x, z) < cs.fat + SLACK) continue;
      if (insideSegs(boneSec.segs, x, z) || distToSegs(boneSec.segs, x, z) < SLACK) continue;
      tissue++;
      if (muscleLoops.some((l) => loopContains(l, x, z))) muscle++;
    }
  return { section: cs, tissue, muscle: tissue ? muscle / tissue : 0 };
}

async function main(): Promise<void> {
  const { readFileSync } = await import('node:fs');
  const { readBuilt, readSkin } = await import('./read-built.ts');
  const glb = new Uint8Array(readFileSync(process.argv[2] ?? 'public/models/body.glb'));
  const [skin, meshes] = await Promise.all([readSkin(glb), readBuilt(glb)]);
  for (const cs of CROSS_SECTIONS) {
    const c = coverage(skin, meshes, cs);
    console.log(
      `${cs.name.padEnd(10)} y ${cs.y}: ${(c.muscle * 100).toFixed(1)} % of ${c.tissue} tissue points are muscle`,
    );
  }
}

if (process.argv[1]?.endsWith('coverage.ts')) await main();

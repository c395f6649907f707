/**
 * The anthropometric targets of the body model and how the built skin is measured against them.
 * Targets: ANSUR II male means (Gordon CC et al. 2014, 2012 Anthropometric Survey of U.S. Army
 * Personnel, NATICK/TR-15/007; computed from its public male CSV, 4,082 men), and for the knee and
 * the relaxed forearm, which ANSUR II does not measure, the male means of Heinz G et al. (2003)
 * J Stat Educ 11(2) (247 men); each scaled to the model's stature by geometric similarity.
 *
 *   tsx scripts/model/anthropometry.ts [glb]   prints the table for a built model
 */
import { girth, section } from './measure.ts';
import type { Segment } from './data.ts';

export const ANSUR_STATURE = 1.756;
/** mean stature of the 247 men of Heinz et al. (2003) */
export const HEINZ_STATURE = 1.7775;

export interface Level {
  name: string;
  /** the level's height in the model (m): where the survey's landmark lies on this body */
  y: number;
  /** the skin segments the tape goes round (limbs: the left one) */
  segments: Segment[];
  /** ANSUR II male mean (m), before scaling to the model's stature */
  circumference?: number;
  depth?: number;
  breadth?: number;
  /** what the survey measures, in a few words */
  how: string;
  /** the survey's mean stature (m), when it is not ANSUR II */
  stature?: number;
}

/**
 * Limbs are measured on the left (x > 0); a level whose first segment is neck, trunk or pelvis is
 * measured whole, so the hip goes round both buttocks and thighs.
 */
export const LEVELS: Level[] = [
  {
    name: 'neck',
    y: 1.485,
    segments: ['neck'],
    circumference: 0.398,
    how: 'neck circumference, below the larynx',
  },
  {
    name: 'chest',
    y: 1.28,
    segments: ['trunk'],
    circumference: 1.059,
    depth: 0.254,
    breadth: 0.289,
    how: 'chest at the nipples, arms away',
  },
  {
    name: 'waist',
    y: 1.035,
    segments: ['trunk'],
    circumference: 0.941,
    depth: 0.238,
    breadth: 0.326,
    how: 'waist at the navel (omphalion)',
  },
  {
    name: 'buttock',
    y: 0.87,
    segments: ['pelvis'],
    depth: 0.246,
    breadth: 0.346,
    how: 'buttock depth and hip breadth',
  },
  {
    name: 'hip',
    y: 0.875,
    segments: ['pelvis', 'thigh'],
    circumference: 1.0195,
    how: 'buttock circumference, round both buttocks at their greatest protrusion',
  },
  {
    name: 'thigh',
    y: 0.79,
    segments: ['thigh'],
    circumference: 0.625,
    how: 'thigh at the gluteal furrow',
  },
  {
    name: 'lower thigh',
    y: 0.575,
    segments: ['thigh'],
    circumference: 0.409,
    how: 'lower thigh, above the knee',
  },
  {
    name: 'knee',
    y: 0.481,
    segments: ['thigh', 'leg'],
    circumference: 0.372,
    stature: HEINZ_STATURE,
    how: 'knee girth over the mid-patella (Heinz et al. 2003)',
  },
  {
    name: 'calf',
    y: 0.355,
    segments: ['leg'],
    circumference: 0.392,
    how: 'calf at its greatest girth',
  },
  {
    name: 'ankle',
    y: 0.115,
    segments: ['leg'],
    circumference: 0.2293,
    how: 'ankle, least girth above the malleoli',
  },
  {
    name: 'upper arm',
    y: 1.25,
    segments: ['upper_arm'],
    circumference: 0.358,
    how: 'biceps circumference (flexed in the survey)',
  },
  {
    name: 'forearm',
    y: 1.05,
    segments: ['forearm'],
    circumference: 0.2824,
    stature: HEINZ_STATURE,
    how: 'forearm at its greatest girth, relaxed (Heinz et al. 2003)',
  },
  {
    name: 'wrist',
    y: 0.875,
    segments: ['forearm', 'hand'],
    circumference: 0.1759,
    how: 'wrist, just above the styloid processes',
  },
];

export interface Measured {
  level: Level;
  target: {
    circumference: number | undefined;
    depth: number | undefined;
    breadth: number | undefined;
  };
  circumference: number;
  depth: number;
  breadth: number;
}

/**
 * Measures the skin at every level; `segmentOf` gives each skin vertex's segment (from its
 * region); limbs are measured on the left (x > 0). Targets are scaled by the model's stature.
 */
export function measureSkin(
  pos: ArrayLike<number>,
  idx: ArrayLike<number>,
  segmentOf: (v: number) => Segment,
): Measured[] {
  let top = -Infinity;
  for (let i = 1; i < pos.length; i += 3) top = Math.max(top, pos[i]!);
  return LEVELS.map((level) => {
    const s = top / (level.stature ?? ANSUR_STATURE);
    const scale = (v?: number): number | undefined => (v === undefined ? undefined : v * s);
    const limb = !['neck', 'trunk', 'pelvis'].includes(level.segments[0]!);
    const keep = (v: number): boolean =>
      level.segments.includes(segmentOf(v)) && (!limb || pos[v * 3]! > 0);
    const g = girth(section(pos, idx, level.y, keep));
    return {
      level,
      target: {
        circumference: scale(level.circumference),
        depth: scale(level.depth),
        breadth: scale(level.breadth),
      },
      ...g,
    };
  });
}

async function main(): Promise<void> {
  const { readFileSync } = await import('node:fs');
  const { readSkin } = await import('./read-built.ts');
  const skin = await readSkin(
    new Uint8Array(readFileSync(process.argv[2] ?? 'public/models/body.glb')),
  );
  const { pos, idx } = skin;
  const mm = (v?: number): string => (v === undefined ? '   -' : (v * 1000).toFixed(0).padStart(4));
  for (const m of measureSkin(pos, idx, skin.segmentOf)) {
    const off = (a: number, b?: number): string =>
      b === undefined ? '     ' : `${(((a - b) / b) * 100).toFixed(1).padStart(5)}%`;
    console.log(
      `${m.level.name.padEnd(12)} y ${m.level.y.toFixed(3)}  circ ${mm(m.circumference)} / ${mm(m.target.circumference)} ${off(m.circumference, m.target.circumference)}  depth ${mm(m.depth)} / ${mm(m.target.depth)} ${off(m.depth, m.target.depth)}  breadth ${mm(m.breadth)} / ${mm(m.target.breadth)} ${off(m.breadth, m.target.breadth)}`,
    );
  }
}

if (process.argv[1]?.endsWith('anthropometry.ts')) await main();

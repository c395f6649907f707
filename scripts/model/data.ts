/** Types of data/anatomy/*.json and point resolution. */
import type { V3 } from './math.ts';
import type { ArmShare, Posture } from './posture.ts';

export type PointRef = string | V3 | { a: string; d: V3 };
export type Segment =
  | 'head'
  | 'neck'
  | 'trunk'
  | 'pelvis'
  | 'upper_arm'
  | 'forearm'
  | 'hand'
  | 'thigh'
  | 'leg'
  | 'foot';

export interface Landmarks {
  about: string;
  surface: Record<string, { at: V3; segment: Segment; midline: boolean }>;
  anchors: Record<string, V3>;
}

export type SkinPrim =
  | {
      name: string;
      segment: Segment;
      mirror: boolean;
      type: 'ellipsoid';
      c: PointRef;
      r: V3;
      /** exponent of the horizontal section (2, the default, an ellipse; more, a rounded box) */
      n?: number;
      k?: number;
      /** detail (fingers, thumb, ears, nose): added after the skin is closed and blurred */
      detail?: boolean;
    }
  | {
      name: string;
      segment: Segment;
      mirror: boolean;
      type: 'cone';
      a: PointRef;
      b: PointRef;
      ra: number;
      rb: number;
      k?: number;
      detail?: boolean;
    };

/** A limb whose muscles are built as volumes packing its soft tissue (scripts/model/volumes.ts). */
export interface Compartment {
  name: string;
  /** the skin segments of the limb; beyond them a muscle may only reach `edgeCap` */
  segments: Segment[];
  min: V3;
  max: V3;
  /** voxel size (m) */
  h: number;
  /** subcutaneous fat: the muscles stay this far inside the skin (m) */
  fat: number;
  /** gap kept to the bones and to the muscles built as sheets (m) */
  boneGap: number;
  /** the largest weighted distance (distance / belly radius) a voxel may have to its muscle */
  cap: number;
  edgeCap: number;
  /** how far into a belly (share of its length) its weight grows from nothing at each end */
  taper: number;
  /** passes of the majority filter that smooths the boundaries between muscles */
  majorityPasses: number;
  /** blur of a label before its surface is extracted (voxels), Taubin iterations after */
  sigma: number;
  smooth: number;
  /** the level of the blurred label its surface is drawn at (0.5: exactly between neighbours) */
  iso: number;
  trisPerVoxel: number;
  maxTris: number;
  muscles: string[];
  /** muscles whose heads (strands) get bellies of their own, with a groove between */
  heads?: string[];
  /** per-muscle factor on the belly radius as the partition's weight */
  weight?: Record<string, number>;
  /** published muscle volumes (cm³): the weights are calibrated to their shares */
  volumes?: Record<string, number>;
  /** published shares of groups of muscles (e.g. the thigh's extensors, adductors, flexors) */
  groups?: { name: string; muscles: string[]; share: number }[];
  /** calibration rounds */
  calibrate?: number;
}

export interface Body {
  about: string;
  /**
   * SDF grid; `smooth` = Taubin iterations on the extracted skin (default 0); `wrapBlend` =
   * smooth-union radius with which the closed body parts (trunk, arms, legs) are joined
   */
  grid: {
    min: V3;
    max: V3;
    h: number;
    blend: number;
    smooth?: number;
    wrapBlend?: number;
    /** Gaussian blur sigma (m) of the closed skin field */
    wrapSigma?: number;
    /** the blurred field is moved out by wrapShift (m) to keep covering the muscles */
    wrapShift?: number;
    /** smooth-union radius with which unblurred capsules are blended back where they poke */
    coverBlend?: number;
    /** closing radius (m) of the skin per part: trunk with head and neck, arm, leg */
    closeRadius?: number[];
    /** smallest radius (m) of a wrapped muscle capsule (default 1.5 h) */
    minWrap?: number;
    /** smooth-union radius with which each part joins the trunk */
    joinRadius?: number[];
    /** Taubin iterations after simplification (midline kept) */
    postSmooth?: number;
  };
  skinTriangles: number;
  muscleSkinOffset: number;
  axes: { name: string; mirror: boolean; path: PointRef[] }[];
  skin: SkinPrim[];
  compartments: Compartment[];
  posture: Posture;
}

export interface FusiformStrand {
  path: PointRef[];
  /** belly radius (m); width = r, depth = r * flat */
  r: number;
  flat?: number;
  /** fraction of the length that is tendon at origin and insertion */
  tendon?: [number, number];
  /** where along the belly the maximum girth sits (0..1, default 0.5) */
  peak?: number;
}
export interface SheetDef {
  /** origin line (polyline), insertion line, optional intermediate lines */
  from: PointRef[];
  via?: PointRef[][];
  to: PointRef[];
  n: number;
  /** half thickness of the belly (m) */
  thick: number;
  tendon?: [number, number];
  /** tendinous intersections (fractions along the length), e.g. rectus abdominis */
  bands?: number[];
  /** where along the belly the sheet is thickest (0..1, default 0.5) */
  peak?: number;
  /** exponent of the thickness bump: < 0.7 gives a flatter, squarer belly (default 0.7) */
  shape?: number;
  /** how much thinner the two edge strands are (0..1, default 0.35) */
  edge?: number;
}
export interface MuscleDef {
  layer: 'S' | 'D';
  name?: string;
  ref?: string;
  strands?: FusiformStrand[];
  sheet?: SheetDef;
  /** extra skin-wrap allowance for this muscle (m); default body.muscleSkinOffset */
  skinOffset?: number;
  /** false: a muscle of the skin (platysma, facial muscles), placed under it and not wrapped */
  wrap?: false;
}
export interface Muscles {
  about: string;
  muscles: Record<string, MuscleDef>;
}

let warp: (p: V3, share: ArmShare) => V3 = (p) => p;
let share: ArmShare = 'auto';

/** Sets the posture warp that every resolved point goes through (scripts/model/posture.ts). */
export function setWarp(w: (p: V3, share: ArmShare) => V3): void {
  warp = w;
}

/** Resolves the points of one data object (a bone part, a skin primitive) as arm or trunk. */
export function asPart<T>(part: ArmShare, read: () => T): T {
  const before = share;
  share = part;
  try {
    return read();
  } finally {
    share = before;
  }
}

/** A data point in the model's frame: an anchor, an anchor plus offset or coordinates, warped. */
export function resolve(p: PointRef, anchors: Record<string, V3>): V3 {
  return warp(resolveRaw(p, anchors), share);
}

function resolveRaw(p: PointRef, anchors: Record<string, V3>): V3 {
  if (typeof p === 'string') {
    const a = anchors[p];
    if (!a) throw new Error(`unknown anchor "${p}"`);
    return a;
  }
  if (Array.isArray(p)) return p;
  const a = anchors[p.a];
  if (!a) throw new Error(`unknown anchor "${p.a}"`);
  return [a[0] + p.d[0], a[1] + p.d[1], a[2] + p.d[2]];
}

/**
 * The body's proportions and pose, applied to every point of the anatomy data as it is read:
 * the trunk made as deep as the measured chest and waist (the hand-placed trunk data was too
 * shallow), scaled front to back about its centre, the neck narrowed, and the arms turned a few degrees out from
 * the sides (the anatomical position), so a tape fits round the upper arm and the chest.
 */
import { type V3, smoothstep } from './math.ts';

export interface Posture {
  /** trunk depth factor by height: [y, factor] pairs, linear between, 1 outside */
  trunkDepth: [number, number][];
  /** the front-back centre about which the trunk is scaled (m) */
  trunkPivotZ: number;
  /** |x| where the depth scaling fades out (the side of the chest) */
  trunkHalfWidth: [number, number];
  /** neck width factor by height ([y, factor], linear between, 1 outside), for |x| inside
   * `neckHalfWidth` (fading out there): the hand-placed neck muscles made the neck too broad */
  neckWidth: [number, number][];
  neckHalfWidth: [number, number];
  /** abduction of each arm about the shoulder centre (degrees) */
  armAbduction: number;
  shoulderCentre: [number, number];
  /** |x| over which a point joins the arm's rotation, and the heights over which it fades out
   * towards the shoulder */
  armFrom: [number, number];
  armTop: [number, number];
  /** muscles that turn with the arm, and those that cross the shoulder (turned point by point) */
  armMuscles: string[];
  shoulderMuscles: string[];
}

function profileAt(profile: [number, number][], y: number): number {
  if (profile.length === 0) return 1;
  const first = profile[0]!,
    last = profile[profile.length - 1]!;
  if (y <= first[0] || y >= last[0]) return 1;
  for (let i = 0; i + 1 < profile.length; i++) {
    const [y0, f0] = profile[i]!,
      [y1, f1] = profile[i + 1]!;
    if (y >= y0 && y <= y1) return f0 + ((f1 - f0) * (y - y0)) / (y1 - y0);
  }
  return 1;
}

/** Whether a data object turns with the arm: wholly, not at all, or by where each point lies
 * (muscles that cross the shoulder: their points on the humerus turn, those on the trunk stay). */
export type ArmShare = 'arm' | 'trunk' | 'auto';

export interface Warp {
  point: (p: V3, share: ArmShare) => V3;
  /** how much the trunk is deepened at a point (for an ellipsoid's front-back radius) */
  depthFactor: (p: V3) => number;
}

export function makeWarp(w: Posture): Warp {
  const depthFactor = (p: V3): number => {
    const fade = 1 - smoothstep(w.trunkHalfWidth[0], w.trunkHalfWidth[1], Math.abs(p[0]));
    return 1 + (profileAt(w.trunkDepth, p[1]) - 1) * fade;
  };
  const point = (q: V3, share: ArmShare): V3 => {
    const nf = 1 - smoothstep(w.neckHalfWidth[0], w.neckHalfWidth[1], Math.abs(q[0]));
    const p: V3 = [q[0] * (1 + (profileAt(w.neckWidth, q[1]) - 1) * nf), q[1], q[2]];
    const f = depthFactor(p);
    const z = w.trunkPivotZ + (p[2] - w.trunkPivotZ) * f;
    const ax = Math.abs(p[0]);
    const side = p[0] < 0 ? -1 : 1;
    const inArm =
      share === 'arm'
        ? 1
        : share === 'trunk'
          ? 0
          : smoothstep(w.armFrom[0], w.armFrom[1], ax) *
            (1 - smoothstep(w.armTop[0], w.armTop[1], p[1]));
    if (inArm === 0) return [p[0], p[1], z];
    const phi = ((w.armAbduction * Math.PI) / 180) * inArm;
    const [sx, sy] = w.shoulderCentre;
    const dx = ax - sx,
      dy = p[1] - sy;
    const x = sx + dx * Math.cos(phi) - dy * Math.sin(phi);
    const y = sy + dx * Math.sin(phi) + dy * Math.cos(phi);
    return [side * x, y, z];
  };
  return { point, depthFactor };
}

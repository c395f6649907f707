/**
 * Referral zones as region intensities: 1 where the pain is essential (solid on the charts),
 * 0.5 where it is spillover (stippled). Records are written for the right side; the left mirrors.
 */
import type { MuscleRecord, Referral, TriggerPoint } from './schema.ts';
import { resolveRegionRef, type RegionVocabulary, type Side } from './regionIds.ts';

export const essentialIntensity = 1;
export const spilloverIntensity = 0.5;

export type ZoneLevel = 'essential' | 'spillover';

/** The pattern shown: one trigger point's own where it has one, else the muscle's. */
export function referralOf(record: MuscleRecord, trpId?: string | null): Referral {
  const point: TriggerPoint | undefined = trpId
    ? record.triggerPoints.find((t) => t.id === trpId)
    : undefined;
  return point?.referral ?? record.referral;
}

/** Region id → intensity for a muscle on a side (optionally one trigger point's pattern). */
export function referralIntensities(
  record: MuscleRecord,
  side: Side,
  vocab: RegionVocabulary,
  trpId?: string | null,
): Map<string, number> {
  const referral = referralOf(record, trpId);
  const zones = new Map<string, number>();
  for (const ref of referral.essential) {
    zones.set(resolveRegionRef(ref, side, vocab), essentialIntensity);
  }
  // essential wins where a region is listed in both
  for (const ref of referral.spillover) {
    const region = resolveRegionRef(ref, side, vocab);
    if (!zones.has(region)) zones.set(region, spilloverIntensity);
  }
  return zones;
}

/** Region ids per level, in data order, for the panel's text. */
export function referralRegions(
  record: MuscleRecord,
  side: Side,
  vocab: RegionVocabulary,
  trpId?: string | null,
): Record<ZoneLevel, string[]> {
  const zones = referralIntensities(record, side, vocab, trpId);
  const essential: string[] = [];
  const spillover: string[] = [];
  for (const [region, intensity] of zones) {
    (intensity >= essentialIntensity ? essential : spillover).push(region);
  }
  return { essential, spillover };
}

import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { buildRegionVocabulary } from '../../src/core/regions.ts';
import { referralIntensities, referralRegions } from '../../src/core/referral.ts';
import type { MuscleRecord } from '../../src/core/schema.ts';

const vocabulary = buildRegionVocabulary(
  JSON.parse(readFileSync('data/anatomy/landmarks.json', 'utf8')),
);

/** A record shaped like the real ones, with a pattern chosen to exercise each rule. */
const record: MuscleRecord = {
  id: 'piriformis',
  name: 'Piriformis',
  latin: 'Musculus piriformis',
  aliases: [],
  fma: [22314],
  group: 'hip_thigh',
  layer: 'D',
  origin: 'Front of the sacrum',
  insertion: 'Top of the greater trochanter',
  action: 'Turns the thigh out',
  innervation: 'Nerve to piriformis (S1–S2)',
  triggerPoints: [
    {
      id: 'piriformis.trp1',
      label: 'Lateral TrP',
      kind: 'central',
      at: { along: 0.6 },
      locate: 'Press between the sacrum and the greater trochanter.',
      referral: { essential: ['buttock'], spillover: [] },
    },
    {
      id: 'piriformis.trp2',
      label: 'Medial TrP',
      kind: 'central',
      at: { along: 0.3 },
      locate: 'Press beside the lower sacrum.',
    },
  ],
  referral: {
    essential: ['sacroiliac_joint', 'buttock', 'sacrum'],
    spillover: ['posterior_thigh', 'buttock', { region: 'gluteal_fold', side: 'opposite' }],
  },
  symptoms: ['Buttock pain'],
  mimics: ['sciatica'],
  perpetuatingFactors: [],
  selfCare: [
    {
      kind: 'pressure',
      title: 'Ball on the buttock',
      tool: 'tennis ball',
      position: 'lying on the back',
      steps: ['Roll slowly'],
      dose: '60 s',
      cautions: [],
    },
  ],
  cautions: [],
  redFlags: [],
  sources: [{ citation: 'Travell JG, Simons DG. The Trigger Point Manual. Vol 2. 1992.' }],
};

describe('referral zone intensity', () => {
  it('is 1 in the essential zone and 0.5 in the spillover zone', () => {
    const zones = referralIntensities(record, 'right', vocabulary);
    expect(zones.get('sacroiliac_joint:right')).toBe(1);
    expect(zones.get('posterior_thigh:right')).toBe(0.5);
    expect(zones.has('calf:right')).toBe(false);
  });

  it('keeps essential where a region is listed in both zones', () => {
    expect(referralIntensities(record, 'right', vocabulary).get('buttock:right')).toBe(1);
  });

  it('mirrors the pattern for the left muscle', () => {
    const left = referralIntensities(record, 'left', vocabulary);
    expect(left.get('sacroiliac_joint:left')).toBe(1);
    expect(left.get('posterior_thigh:left')).toBe(0.5);
    expect([...left.keys()].some((r) => r.endsWith(':right'))).toBe(true); // only the opposite-side zone
    expect(left.get('gluteal_fold:right')).toBe(0.5);
  });

  it('puts "opposite" zones on the other side and midline zones on the midline', () => {
    const zones = referralIntensities(record, 'right', vocabulary);
    expect(zones.get('gluteal_fold:left')).toBe(0.5);
    expect(zones.has('gluteal_fold:right')).toBe(false);
    expect(zones.get('sacrum')).toBe(1);
  });

  it("shows one trigger point's own pattern when it is chosen", () => {
    const zones = referralIntensities(record, 'right', vocabulary, 'piriformis.trp1');
    expect([...zones.entries()]).toEqual([['buttock:right', 1]]);
    // a point without its own pattern shows the muscle's
    expect(referralIntensities(record, 'right', vocabulary, 'piriformis.trp2').size).toBe(5);
  });

  it('lists regions per level for the panel', () => {
    expect(referralRegions(record, 'right', vocabulary)).toEqual({
      essential: ['sacroiliac_joint:right', 'buttock:right', 'sacrum'],
      spillover: ['posterior_thigh:right', 'gluteal_fold:left'],
    });
  });
});

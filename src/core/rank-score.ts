/**
 * The match score behind "where it hurts" (docs/ranking.md): how well one referral zone explains
 * a set of pain spots, as a recall-weighted F-score of coverage and specificity. Pure arithmetic.
 */

/**
 * β of the F-score: coverage counts β² = 4 times as much as specificity, because a muscle that
 * misses one of the person's spots is a worse answer than one whose chart is merely larger.
 */
export const coverageEmphasis = 2;

/**
 * Share of the spots the zone explains, each weighted by its level (1 essential, 0.5 spillover)
 * and by its strength (1 for every spot of an unrated drawing, so `spotWeight` is their count).
 */
export function coverage(explainedWeight: number, spotWeight: number): number {
  return spotWeight === 0 ? 0 : explainedWeight / spotWeight;
}

/**
 * Share of the zone's own weight the spots land on: the size principle, a zone of k regions gives
 * each region about 1/k of its pain, so a muscle that refers everywhere explains any one spot less.
 */
export function specificity(explainedWeight: number, zoneWeight: number): number {
  return zoneWeight === 0 ? 0 : explainedWeight / zoneWeight;
}

/**
 * F_β of coverage and specificity, in 0..1: 1 only when every spot is in the essential zone and the
 * zone is exactly the spots. Rises with either input, so adding an essential spot never lowers it.
 */
export function matchScore(coverageValue: number, specificityValue: number): number {
  const b2 = coverageEmphasis * coverageEmphasis;
  const denominator = b2 * specificityValue + coverageValue;
  return denominator === 0 ? 0 : ((1 + b2) * specificityValue * coverageValue) / denominator;
}

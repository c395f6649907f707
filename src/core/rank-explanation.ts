/**
 * The one plain-language line under each ranked muscle, e.g. "Refers to 3 of your 3 spots: right
 * buttock and right sacroiliac joint (main zone), back of the right thigh (spillover)."
 */
import type { ZoneLevel } from './referral.ts';
import { regionLabel, type RegionVocabulary } from './regionIds.ts';

export interface ExplainedSpot {
  region: string;
  level: ZoneLevel;
}

/** Chart words for a level: "main zone" reads better than "essential" to a lay person. */
const levelWords: Record<ZoneLevel, string> = { essential: 'main zone', spillover: 'spillover' };

/** "a", "a and b", "a, b and c". */
export function listWords(items: readonly string[]): string {
  if (items.length <= 1) return items[0] ?? '';
  return `${items.slice(0, -1).join(', ')} and ${items[items.length - 1] ?? ''}`;
}

export function explainMatch(
  explains: readonly ExplainedSpot[],
  unexplained: readonly string[],
  vocabulary: RegionVocabulary,
): string {
  const total = explains.length + unexplained.length;
  const groups = (['essential', 'spillover'] as const)
    .map((level) => ({
      level,
      labels: explains
        .filter((spot) => spot.level === level)
        .map((spot) => regionLabel(spot.region, vocabulary)),
    }))
    .filter((group) => group.labels.length > 0)
    .map((group) => `${listWords(group.labels)} (${levelWords[group.level]})`);
  const head =
    total === 1 ? 'Refers to your spot' : `Refers to ${explains.length} of your ${total} spots`;
  const missed =
    unexplained.length === 0
      ? ''
      : `; not to ${listWords(unexplained.map((region) => regionLabel(region, vocabulary)))}`;
  return `${head}: ${groups.join(', ')}${missed}.`;
}

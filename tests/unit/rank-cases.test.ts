/**
 * Textbook referral cases (tests/fixtures/textbook-cases.json) against the real data: each names
 * pain spots and the muscles the trigger point manuals would expect near the top of the ranking.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { createRanker } from '../../src/core/rank.ts';
import { realDataset } from './rank-data.ts';

interface TextbookCase {
  name: string;
  spots: string[];
  expectTopN: { muscle: string; within: number }[];
  source: { citation: string; chapter: string };
}

const { cases } = JSON.parse(readFileSync('tests/fixtures/textbook-cases.json', 'utf8')) as {
  cases: TextbookCase[];
};

/** The side the spots are on, when they are all on one; the expected muscle must be on it. */
function sideOf(spots: readonly string[]): string | null {
  const sidesSeen = new Set(spots.flatMap((spot) => spot.split(':').slice(1)));
  return sidesSeen.size === 1 ? ([...sidesSeen][0] ?? null) : null;
}

describe('textbook cases', () => {
  const dataset = realDataset();
  const ranker = createRanker(dataset);

  it('has at least 25 cases, each citing its source', () => {
    expect(cases.length).toBeGreaterThanOrEqual(25);
    for (const textbookCase of cases)
      expect(textbookCase.source.citation.length).toBeGreaterThan(10);
  });

  it.each(cases.map((textbookCase) => [textbookCase.name, textbookCase] as const))(
    '%s',
    (_, textbookCase) => {
      const ranking = ranker.rank(textbookCase.spots);
      const side = sideOf(textbookCase.spots);
      const top = ranking.map(
        (row, i) => `${i + 1}. ${row.muscle}:${row.side} ${row.score.toFixed(3)}`,
      );
      for (const { muscle, within } of textbookCase.expectTopN) {
        expect(dataset.muscles.has(muscle), `no record "${muscle}" in data/muscles`).toBe(true);
        const position = ranking.findIndex(
          (row) => row.muscle === muscle && (side === null || row.side === side),
        );
        expect(
          position,
          `${muscle} within ${within}; got:\n${top.slice(0, 8).join('\n')}`,
        ).toBeGreaterThanOrEqual(0);
        expect(
          position + 1,
          `${muscle} within ${within}; got:\n${top.slice(0, 8).join('\n')}`,
        ).toBeLessThanOrEqual(within);
      }
    },
  );
});

/**
 * "Did you mean …?" for ids typed by people: the closest candidate by Damerau-Levenshtein
 * distance (optimal string alignment), ignoring case and treating spaces and hyphens as `_`.
 */

/** Lower case, with spaces and hyphens as underscores, so "Gluteus minimus" meets `gluteus_minimus`. */
function normalize(text: string): string {
  return text
    .trim()
    .toLowerCase()
    .replace(/[\s-]+/g, '_');
}

/** Edit distance counting insertions, deletions, substitutions and swaps of neighbours. */
export function editDistance(a: string, b: string): number {
  // Three rolling rows: two back for the transposition step, one back for the rest.
  let before = new Array<number>(b.length + 1).fill(0);
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  let current = new Array<number>(b.length + 1).fill(0);
  for (let i = 1; i <= a.length; i++) {
    current[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let best = Math.min(
        (previous[j] ?? 0) + 1,
        (current[j - 1] ?? 0) + 1,
        (previous[j - 1] ?? 0) + cost,
      );
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) {
        best = Math.min(best, (before[j - 2] ?? 0) + 1);
      }
      current[j] = best;
    }
    [before, previous, current] = [previous, current, before];
  }
  return previous[b.length] ?? 0;
}

/** How far off a typo of this length may be and still get a suggestion. */
function threshold(input: string): number {
  return Math.max(2, Math.floor(input.length / 3));
}

/**
 * The candidate closest to `input`, or null when none is close enough (distance above
 * max(2, length/3)). Ties go to the earlier candidate, so callers control preference by order.
 */
export function suggest(input: string, candidates: Iterable<string>): string | null {
  const wanted = normalize(input);
  if (wanted.length === 0) return null;
  const limit = threshold(wanted);
  let best: string | null = null;
  let bestDistance = Infinity;
  for (const candidate of candidates) {
    const distance = editDistance(wanted, normalize(candidate));
    if (distance < bestDistance && distance <= limit) {
      best = candidate;
      bestDistance = distance;
    }
  }
  return best;
}

/** ` (did you mean "x"?)` when there is a close candidate, else the empty string. */
export function didYouMean(input: string, candidates: Iterable<string>): string {
  const match = suggest(input, candidates);
  return match === null ? '' : ` (did you mean "${match}"?)`;
}

/**
 * Muscles the atlas leaves out on purpose: no referral pattern of their own has been published
 * (data/uncharted/muscles.json). A search for one says why and points to the charted muscles
 * that cover the same place, instead of "no muscle matches". The build checks the file
 * (uncharted-check.ts) with its sources; the page gets the rest, and only searches it.
 */
import { matchRank, searchable } from './assemble.ts';

export interface UnchartedMuscle {
  readonly id: string;
  readonly name: string;
  readonly aliases: readonly string[];
  /** Why it has no record, in a sentence or two. */
  readonly why: string;
  /** Charted muscles whose records cover the same place, most relevant first. */
  readonly see: readonly string[];
}

export interface UnchartedMuscles {
  readonly muscles: readonly UnchartedMuscle[];
}

/** Every name an entry answers to: its id, its name and its aliases. */
export function namesOf(muscle: UnchartedMuscle): string[] {
  return [muscle.id, muscle.name, ...muscle.aliases];
}

/** Shorter queries match too much ("ex", "fl") to say "this one is left out". */
const shortestQuery = 3;

/** The left-out muscle with exactly this id, name or alias (as `cli muscle <id>` asks); null when none. */
export function unchartedNamed(
  list: readonly UnchartedMuscle[],
  name: string,
): UnchartedMuscle | null {
  const wanted = searchable(name);
  return (
    list.find((muscle) => namesOf(muscle).some((field) => searchable(field) === wanted)) ?? null
  );
}

/** The left-out muscle a search means, best match first by name or alias; null when none. */
export function findUncharted(
  list: readonly UnchartedMuscle[],
  query: string,
): UnchartedMuscle | null {
  const wanted = searchable(query);
  if (wanted.length < shortestQuery) return null;
  let best: { muscle: UnchartedMuscle; rank: number } | null = null;
  for (const muscle of list) {
    for (const field of namesOf(muscle)) {
      const rank = matchRank(field, wanted);
      if (rank !== null && (!best || rank < best.rank)) best = { muscle, rank };
    }
  }
  return best?.muscle ?? null;
}

/**
 * Beside the muscle ranking: whether the marked spots also follow a nerve root's or a nerve's
 * skin area (data/nerves), and whether a likely muscle can press on a nerve. A pain that follows
 * a dermatome may come from the nerve, not the muscle; the note says so and when to see someone.
 */
import { useMemo } from 'react';
import { fitsFrom, matchNerves, type NerveMaps, type TerritoryMatch } from '../core/nerveMatch.ts';
import { listWords } from '../core/rank-explanation.ts';
import { nerveMapsChunk } from '../state/nerveMaps.ts';
import { useLazyChunk } from '../state/lazyChunk.ts';
import { qualityLabels, type PainQuality } from '../core/painDetails.ts';

const shownAreas = 2;

/** The maps, loaded on first use; null until then (and when their chunk cannot load). */
export function useNerveMaps(): NerveMaps | null {
  // the note and the map key are extras: without their chunk (offline before it was cached)
  // they are left out
  return useLazyChunk(nerveMapsChunk).value;
}

function areaName(match: TerritoryMatch): string {
  return match.side === null ? `the ${match.name}` : `the ${match.name} (${match.side})`;
}

/**
 * A preset's nerve roots beside its muscles (sciatica: L4, L5, S1), each with the skin it
 * supplies on the chosen side, so a person sees why the two are confused.
 */
export function RootsBeside({
  roots,
  side,
  label,
}: {
  roots: readonly string[];
  side: 'left' | 'right';
  /** The plain name of a landmark on `side`. */
  label: (landmark: string) => string;
}) {
  const maps = useNerveMaps();
  const dermatomes = maps?.dermatomes.filter((d) => roots.includes(d.id)) ?? [];
  if (dermatomes.length === 0) return null;
  return (
    <div className="roots-beside">
      <p>
        Pain from the {listWords(dermatomes.map((d) => d.id))} nerve root
        {dermatomes.length > 1 ? 's follows one of these strips' : ' follows this strip'} of skin (
        {side} side):
      </p>
      <ul>
        {dermatomes.map((d) => (
          <li key={d.id}>
            <strong>{d.id}</strong>: {listWords(d.regions.map(label))}
          </li>
        ))}
      </ul>
      <p>
        The muscles ranked below refer pain to the same areas, which is why the two are confused.
      </p>
    </div>
  );
}

/** A spot the person described as burning, electric or tingling. */
export interface NerveLikeSpot {
  readonly label: string;
  readonly quality: PainQuality;
}

export function NerveNote({
  spots,
  nerveLike,
  likelyMuscle,
  muscleName,
}: {
  spots: readonly string[];
  nerveLike: readonly NerveLikeSpot[];
  /** The ranking's first muscle, whose nerve entrapments the note names. */
  likelyMuscle: string | undefined;
  muscleName: (id: string) => string;
}) {
  const maps = useNerveMaps();
  const match = useMemo(
    () => (maps ? matchNerves(spots, maps, likelyMuscle) : null),
    [maps, spots, likelyMuscle],
  );
  if (!match && nerveLike.length === 0) return null;
  const fits = [
    ...(match?.dermatomes ?? []).filter((m) => m.score >= fitsFrom).slice(0, shownAreas),
    ...(match?.nerves ?? []).filter((m) => m.score >= fitsFrom).slice(0, shownAreas),
  ];
  const entrapments = match?.entrapments ?? [];
  if (fits.length === 0 && entrapments.length === 0 && nerveLike.length === 0) return null;
  return (
    <aside className="nerve-note" aria-labelledby="nerve-note-title">
      <h4 id="nerve-note-title">Could it be a nerve?</h4>
      {nerveLike.length > 0 && (
        <p>
          You said the pain at{' '}
          {listWords(
            nerveLike.map((spot) => `the ${spot.label} is ${qualityLabels[spot.quality]}`),
          )}
          : that is how nerve pain often feels, more than muscle pain does.
        </p>
      )}
      {fits.length > 0 && (
        <p>
          This pattern also fits {listWords(fits.map(areaName))}: the skin that{' '}
          {fits.length === 1 ? 'it supplies' : 'they supply'}.
        </p>
      )}
      {entrapments.length > 0 && (
        <p>
          {muscleName(entrapments[0]!.muscle)} can press on{' '}
          {listWords(entrapments.map((e) => `the ${e.nerveName} (roots ${e.roots.join(', ')})`))},
          so the same pain can come from the nerve itself.
        </p>
      )}
      <p>
        Nerve pain tends to burn, shoot, tingle or go numb along a strip of skin, sometimes with
        weakness; muscle pain is more often a deep ache that pressing the muscle brings on. If yours
        is like nerve pain, see a doctor or physiotherapist.
      </p>
      <p>
        <strong>Get urgent care</strong> for new weakness or numbness in a leg or arm, numbness
        around the groin or buttocks, or loss of bowel or bladder control (all warning signs are
        listed below).
      </p>
    </aside>
  );
}

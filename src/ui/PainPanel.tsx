import { useId, useMemo, useState } from 'react';
import { useAppStore } from '../state/store.ts';
import { createRanker } from '../core/rank.ts';
import { regionLabel, resolveRegionRef, type Side } from '../core/regionIds.ts';
import type { Dataset } from '../core/dataset.ts';
import { NerveNote, RootsBeside } from './NerveNote.tsx';
import {
  isPainQuality,
  maxIntensity,
  nerveLikeSpots,
  painQualities,
  qualityLabels,
  spotWeights,
  unratedSpot,
  type PainDetail,
} from '../core/painDetails.ts';

const shownResults = 10;

/** One marked spot: its name, how strong it is (0-10) and what it feels like, and a remove button. */
function SpotChip({ spot, label }: { spot: string; label: string }) {
  const rated = useAppStore((s) => s.painDetails[spot]);
  const detail = rated ?? unratedSpot;
  const set = (patch: Partial<PainDetail>) =>
    useAppStore.getState().setPainDetail(spot, { ...detail, ...patch });
  return (
    <li className="chip spot">
      <span className="spot-name">{label}</span>
      <label className="spot-intensity">
        <span className="visually-hidden">How strong is the pain at {label}, 0 to 10</span>
        <input
          type="range"
          min={0}
          max={maxIntensity}
          step={1}
          value={detail.intensity}
          aria-valuetext={`${detail.intensity} of ${maxIntensity}${rated ? '' : ', not rated yet'}`}
          onChange={(event) => set({ intensity: Number(event.target.value) })}
        />
        <span aria-hidden="true" className={rated ? undefined : 'muted'}>
          {detail.intensity}/{maxIntensity}
        </span>
      </label>
      <select
        aria-label={`What the pain at ${label} feels like`}
        value={detail.quality ?? ''}
        onChange={(event) =>
          set({ quality: isPainQuality(event.target.value) ? event.target.value : null })
        }
      >
        <option value="">feels like…</option>
        {painQualities.map((quality) => (
          <option key={quality} value={quality}>
            {qualityLabels[quality]}
          </option>
        ))}
      </select>
      <button
        type="button"
        aria-label={`Remove ${label}`}
        onClick={() => useAppStore.getState().togglePainSpot(spot)}
      >
        ×
      </button>
    </li>
  );
}

function PainChips({ dataset }: { dataset: Dataset }) {
  const spots = useAppStore((s) => s.painSpots);
  if (spots.length === 0) {
    return (
      <p className="muted">
        No spots marked yet. Click or drag on the body, or tick areas in the list.
      </p>
    );
  }
  return (
    <div className="chips">
      <p className="muted small">
        For each spot, say how strong the pain is (0 none, 10 worst) and what it feels like: the
        strongest spots count most in the ranking.
      </p>
      <ul aria-label="Marked pain spots">
        {spots.map((spot) => (
          <SpotChip key={spot} spot={spot} label={regionLabel(spot, dataset.regions)} />
        ))}
      </ul>
      <button
        type="button"
        className="link"
        onClick={() => useAppStore.getState().setPainSpots([])}
      >
        Clear all
      </button>
    </div>
  );
}

/** Condition presets mark the typical areas of e.g. sciatica-like pain on the chosen side. */
function PresetChooser({ dataset }: { dataset: Dataset }) {
  const [condition, setCondition] = useState('');
  const [side, setSide] = useState<Side>('right');
  const id = useId();
  const apply = () => {
    const preset = dataset.conditions.get(condition);
    if (!preset) return;
    const regions = preset.regions.map((ref) => resolveRegionRef(ref, side, dataset.regions));
    useAppStore.getState().setPainSpots(regions);
  };
  const chosen = dataset.conditions.get(condition);
  return (
    <div className="presets">
      <label htmlFor={id}>Start from a common pattern</label>
      <div className="preset-row">
        <select id={id} value={condition} onChange={(e) => setCondition(e.target.value)}>
          <option value="">Choose…</option>
          {[...dataset.conditions.values()].map((c) => (
            <option key={c.id} value={c.id}>
              {c.name}
            </option>
          ))}
        </select>
        <select
          aria-label="Which side"
          value={side}
          onChange={(e) => setSide(e.target.value as Side)}
        >
          <option value="right">right side</option>
          <option value="left">left side</option>
        </select>
        <button type="button" onClick={apply} disabled={!chosen}>
          Mark
        </button>
      </div>
      {chosen && <p className="muted small">{chosen.summary}</p>}
      {chosen?.nerveRoots && (
        <RootsBeside
          roots={chosen.nerveRoots}
          side={side}
          label={(landmark) =>
            regionLabel(resolveRegionRef(landmark, side, dataset.regions), dataset.regions)
          }
        />
      )}
    </div>
  );
}

/** The ranking: which muscles most likely send pain to the marked spots, and why. */
function PainResults({ dataset }: { dataset: Dataset }) {
  const spots = useAppStore((s) => s.painSpots);
  const details = useAppStore((s) => s.painDetails);
  const selection = useAppStore((s) => s.selection);
  const ranker = useMemo(() => createRanker(dataset), [dataset]);
  const results = useMemo(
    () => ranker.rank(spots, { limit: shownResults, weights: spotWeights(spots, details) }),
    [ranker, spots, details],
  );
  if (spots.length === 0) return null;
  return (
    <section aria-labelledby="results-title">
      <h3 id="results-title">Muscles that most often refer pain there</h3>
      {/* before the list: a pattern that follows a nerve should be read before the muscles */}
      <NerveNote
        spots={spots}
        nerveLike={nerveLikeSpots(spots, details).map((spot) => ({
          label: regionLabel(spot, dataset.regions),
          quality: details[spot]!.quality!,
        }))}
        likelyMuscle={results[0]?.muscle}
        muscleName={(id) => dataset.muscles.get(id)?.name ?? id}
      />
      {results.length === 0 ? (
        <p>No muscle in the atlas refers pain to these spots.</p>
      ) : (
        <ol className="results">
          {results.map((result) => {
            const current = selection?.muscle === result.muscle && selection.side === result.side;
            return (
              <li
                key={`${result.muscle}:${result.side}`}
                className={current ? 'current' : undefined}
              >
                <button
                  type="button"
                  className="result-button"
                  aria-pressed={current}
                  onClick={() =>
                    useAppStore
                      .getState()
                      .select(current ? null : { muscle: result.muscle, side: result.side })
                  }
                >
                  <span className="result-name">
                    {result.name} <span className="muted">({result.side})</span>
                  </span>
                  <meter min={0} max={1} value={result.score} aria-label="Match" />
                </button>
                <p className="explanation">{result.explanation}</p>
                {current && (
                  <p>
                    Its referral is drawn on the body over your marks.{' '}
                    <button
                      type="button"
                      className="link"
                      onClick={() => useAppStore.getState().setMode('explore')}
                    >
                      Read about {result.name}: trigger points and self-care
                    </button>
                  </p>
                )}
              </li>
            );
          })}
        </ol>
      )}
    </section>
  );
}

export function PainPanel() {
  const dataset = useAppStore((s) => s.dataset);
  if (!dataset) return null;
  return (
    <div className="pain-panel">
      <h2>Where it hurts</h2>
      <p>
        Mark where you feel pain: click or drag on the body, or tick areas in the list. The muscles
        whose trigger points typically refer pain to those areas are ranked below.
      </p>
      <PresetChooser dataset={dataset} />
      <PainChips dataset={dataset} />
      <PainResults dataset={dataset} />
    </div>
  );
}

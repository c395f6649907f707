import { useId } from 'react';
import { useAppStore } from '../state/store.ts';
import type { MuscleRecord } from '../core/schema.ts';
import { referralRegions } from '../core/referral.ts';
import { regionLabel, type Side } from '../core/regionIds.ts';

const layerNames = { S: 'superficial', D: 'deep' } as const;

function SideSwitch({ record, side }: { record: MuscleRecord; side: Side }) {
  return (
    <div role="group" aria-label="Side of the body" className="button-row small">
      {(['right', 'left'] as const).map((option) => (
        <button
          key={option}
          type="button"
          aria-pressed={side === option}
          onClick={() =>
            useAppStore.getState().select({ muscle: record.id, side: option }, { frame: true })
          }
        >
          {option === 'right' ? 'Right side' : 'Left side'}
        </button>
      ))}
    </div>
  );
}

function CompareChooser({ record }: { record: MuscleRecord }) {
  const dataset = useAppStore((s) => s.dataset);
  const compare = useAppStore((s) => s.compare);
  const selection = useAppStore((s) => s.selection);
  const id = useId();
  if (!dataset) return null;
  return (
    <div className="compare-chooser">
      <label htmlFor={id}>Compare with</label>{' '}
      <select
        id={id}
        value={compare?.muscle ?? ''}
        onChange={(event) => {
          const muscle = event.target.value;
          useAppStore
            .getState()
            .setCompare(muscle ? { muscle, side: selection?.side ?? 'right' } : null);
        }}
      >
        <option value="">(none)</option>
        {[...dataset.muscles.values()]
          .filter((m) => m.id !== record.id)
          .map((m) => (
            <option key={m.id} value={m.id}>
              {m.name}
            </option>
          ))}
      </select>
    </div>
  );
}

/** One muscle's whole record, in the order a person needs it: where it hurts, then what to do. */
export function MusclePanel({
  record,
  side,
  role,
}: {
  record: MuscleRecord;
  side: Side;
  role: 'selected' | 'compared';
}) {
  const dataset = useAppStore((s) => s.dataset);
  const trp = useAppStore((s) => (role === 'selected' ? s.trp : null));
  const headingId = useId();
  if (!dataset) return null;
  const zones = referralRegions(record, side, dataset.regions, trp);
  const label = (region: string) => regionLabel(region, dataset.regions);
  const shownPoint = trp ? record.triggerPoints.find((t) => t.id === trp) : undefined;

  return (
    <article
      className={`muscle-record ${role}`}
      aria-labelledby={headingId}
      data-muscle={record.id}
    >
      <header>
        {role === 'compared' && <p className="eyebrow compare-tag">Compared (blue)</p>}
        <h2 id={headingId}>
          {record.name} <span className="side-tag">({side})</span>
        </h2>
        <p className="muted">
          <i>{record.latin}</i> · {layerNames[record.layer]} layer
          {record.aliases.length > 0 ? ` · also called ${record.aliases.join(', ')}` : ''}
        </p>
        {role === 'selected' && (
          <>
            <SideSwitch record={record} side={side} />
            <CompareChooser record={record} />
          </>
        )}
      </header>

      <section>
        <h3>Where it refers pain{shownPoint ? `: ${shownPoint.label}` : ''}</h3>
        {shownPoint && (
          <p>
            Showing one trigger point's zone.{' '}
            <button
              type="button"
              className="link"
              onClick={() => useAppStore.getState().setTrp(null)}
            >
              Show all trigger points
            </button>
          </p>
        )}
        <h4>Essential zone (felt by nearly everyone)</h4>
        <ul className="zone-list essential">
          {zones.essential.map((r) => (
            <li key={r}>{label(r)}</li>
          ))}
        </ul>
        {zones.spillover.length > 0 && (
          <>
            <h4>Spillover zone (felt by some)</h4>
            <ul className="zone-list spillover">
              {zones.spillover.map((r) => (
                <li key={r}>{label(r)}</li>
              ))}
            </ul>
          </>
        )}
      </section>

      <section>
        <h3>Trigger points and how to find them</h3>
        <ol className="trp-list">
          {record.triggerPoints.map((point) => (
            <li key={point.id}>
              <p>
                <strong>{point.label}</strong> <span className="muted">({point.kind})</span>
              </p>
              <p>{point.locate}</p>
              {role === 'selected' && (
                <button
                  type="button"
                  className="link"
                  aria-pressed={trp === point.id}
                  onClick={() => useAppStore.getState().setTrp(trp === point.id ? null : point.id)}
                >
                  {trp === point.id ? 'Show all zones' : 'Show only this point’s zone'}
                </button>
              )}
            </li>
          ))}
        </ol>
      </section>

      <section>
        <h3>Symptoms</h3>
        <ul>
          {record.symptoms.map((s) => (
            <li key={s}>{s}</li>
          ))}
        </ul>
        {record.mimics.length > 0 && (
          <>
            <h4>Often mistaken for</h4>
            <p>{record.mimics.join(', ')}</p>
          </>
        )}
        {record.perpetuatingFactors.length > 0 && (
          <>
            <h4>What keeps it going</h4>
            <ul>
              {record.perpetuatingFactors.map((f) => (
                <li key={f}>{f}</li>
              ))}
            </ul>
          </>
        )}
      </section>

      <section>
        <h3>Self-care</h3>
        {record.selfCare.map((care) => (
          <div key={care.title} className="self-care">
            <h4>{care.title}</h4>
            <p className="muted">
              {care.tool !== 'none' ? `Tool: ${care.tool}. ` : ''}Position: {care.position}
            </p>
            <ol>
              {care.steps.map((step) => (
                <li key={step}>{step}</li>
              ))}
            </ol>
            <p>
              <strong>How long:</strong> {care.dose}
            </p>
            {care.cautions.length > 0 && (
              <ul className="cautions" aria-label="Cautions">
                {care.cautions.map((c) => (
                  <li key={c}>Caution: {c}</li>
                ))}
              </ul>
            )}
          </div>
        ))}
        {record.cautions.length > 0 && (
          <>
            <h4>Cautions</h4>
            <ul className="cautions">
              {record.cautions.map((c) => (
                <li key={c}>{c}</li>
              ))}
            </ul>
          </>
        )}
      </section>

      {record.redFlags.length > 0 && (
        <section className="record-red-flags">
          <h3>See a doctor if</h3>
          <ul>
            {record.redFlags.map((f) => (
              <li key={f}>{f}</li>
            ))}
          </ul>
        </section>
      )}

      <section>
        <h3>Anatomy</h3>
        <dl className="anatomy">
          <dt>Origin</dt>
          <dd>{record.origin}</dd>
          <dt>Insertion</dt>
          <dd>{record.insertion}</dd>
          <dt>Action</dt>
          <dd>{record.action}</dd>
          <dt>Nerve</dt>
          <dd>{record.innervation}</dd>
          <dt>
            <abbr title="Foundational Model of Anatomy: the id other anatomy models use">FMA</abbr>
          </dt>
          <dd>{record.fma.map((id) => `FMA:${id}`).join(', ')}</dd>
        </dl>
      </section>

      <section>
        <h3>Sources</h3>
        <ul className="sources">
          {record.sources.map((source) => (
            <li key={source.citation + (source.chapter ?? '')}>
              {source.citation}
              {source.chapter ? ` ${source.chapter}.` : ''}
              {source.doi ? ` doi:${source.doi}` : ''}
            </li>
          ))}
        </ul>
      </section>
    </article>
  );
}

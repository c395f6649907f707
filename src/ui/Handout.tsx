import type { MuscleRecord } from '../core/schema.ts';
import type { Dataset } from '../core/dataset.ts';
import { referralRegions } from '../core/referral.ts';
import { regionLabel, type Side } from '../core/regionIds.ts';

export interface HandoutContent {
  readonly record: MuscleRecord;
  readonly side: Side;
  readonly images: readonly { view: string; dataUrl: string }[];
  readonly clientName: string;
  readonly notes: string;
  readonly date: string;
}

/** Ends a fragment of data text with a full stop, for running prose. */
function sentence(text: string): string {
  return /[.!?]$/.test(text.trim()) ? text.trim() : `${text.trim()}.`;
}

/** The printable page for a client: what hurts, where it comes from, and what to do about it. */
export function Handout({ content, dataset }: { content: HandoutContent; dataset: Dataset }) {
  const { record, side } = content;
  const zones = referralRegions(record, side, dataset.regions);
  const label = (region: string) => regionLabel(region, dataset.regions);
  return (
    <article className="handout" aria-label={`Handout: ${record.name}`}>
      <header className="handout-header">
        <div>
          <h1>
            {record.name} <span className="side-tag">({side} side)</span>
          </h1>
          <p className="muted">
            Trigger points and referred pain
            {content.clientName ? ` · for ${content.clientName}` : ''} · {content.date}
          </p>
        </div>
        <p className="handout-brand">Trigger Atlas</p>
      </header>
      <div className="handout-images">
        {content.images.map((image) => (
          <figure key={image.view}>
            <img
              src={image.dataUrl}
              alt={`${record.name}: referral zones seen from the ${image.view}`}
            />
            <figcaption>Seen from the {image.view}</figcaption>
          </figure>
        ))}
      </div>
      <p className="handout-legend">
        <span className="swatch essential" /> Essential zone (felt by nearly everyone){' '}
        <span className="swatch spillover" /> Spillover zone (felt by some){' '}
        <span className="swatch trp" /> Trigger point
      </p>
      <section>
        <h2>Where it refers pain</h2>
        <p>
          <strong>Main zone:</strong> {zones.essential.map(label).join(', ')}.
          {zones.spillover.length > 0 && (
            <>
              {' '}
              <strong>Sometimes also:</strong> {zones.spillover.map(label).join(', ')}.
            </>
          )}
        </p>
      </section>
      <section>
        <h2>Trigger points</h2>
        <ul>
          {record.triggerPoints.map((point) => (
            <li key={point.id}>
              <strong>{point.label}.</strong> {point.locate}
            </li>
          ))}
        </ul>
      </section>
      <section>
        <h2>Self-care</h2>
        {record.selfCare.map((care) => (
          <div key={care.title} className="handout-care">
            <h3>{care.title}</h3>
            <ol>
              {care.steps.map((step) => (
                <li key={step}>{step}</li>
              ))}
            </ol>
            <p>
              <strong>How long:</strong> {sentence(care.dose)}
              {care.cautions.length > 0 && (
                <>
                  {' '}
                  <strong>Take care:</strong> {care.cautions.join(' ')}
                </>
              )}
            </p>
          </div>
        ))}
      </section>
      {content.notes && (
        <section>
          <h2>Notes</h2>
          <p className="handout-notes">{content.notes}</p>
        </section>
      )}
      <section className="handout-safety">
        <h2>When to see a doctor</h2>
        <p>
          Get urgent medical care for severe or worsening pain, new weakness or numbness, loss of
          bowel or bladder control, chest pain with breathlessness, or pain with fever or after an
          injury.
        </p>
        {record.redFlags.length > 0 && (
          <ul>
            {record.redFlags.map((flag) => (
              <li key={flag}>{flag}</li>
            ))}
          </ul>
        )}
        <p className="muted">
          Education, not diagnosis: these are typical patterns from the trigger point literature (
          {record.sources[0]?.citation ?? 'Travell & Simons'}). Trigger point findings vary between
          examiners.
        </p>
      </section>
    </article>
  );
}

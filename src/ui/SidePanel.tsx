import { useAppStore } from '../state/store.ts';
import { MusclePanel } from './MusclePanel.tsx';
import { Disclaimer } from './Disclaimer.tsx';
import { PainPanel } from './PainPanel.tsx';

export function SidePanel() {
  const dataset = useAppStore((s) => s.dataset);
  const selection = useAppStore((s) => s.selection);
  const compare = useAppStore((s) => s.compare);
  const record = selection ? dataset?.muscles.get(selection.muscle) : undefined;
  const compared = compare ? dataset?.muscles.get(compare.muscle) : undefined;
  const mode = useAppStore((s) => s.mode);
  if (mode === 'pain') {
    return (
      <div className="side-panel">
        <p className="urgent-banner" role="note">
          <strong>Not a diagnosis.</strong> Get urgent care for severe or worsening pain, new
          weakness or numbness, or loss of bowel or bladder control.
        </p>
        <PainPanel />
        <Disclaimer />
      </div>
    );
  }
  return (
    <div className="side-panel">
      {record && selection ? (
        <div className={compared ? 'records compare' : 'records'}>
          <MusclePanel record={record} side={selection.side} role="selected" />
          {compared && compare ? (
            <MusclePanel record={compared} side={compare.side} role="compared" />
          ) : null}
        </div>
      ) : (
        <section className="intro" aria-labelledby="intro-title">
          <h2 id="intro-title">Where does this muscle send pain?</h2>
          <p>
            Click a muscle on the body, search for one, or pick one from the list. Its trigger
            points and the areas where they typically refer pain light up on the body: the
            <strong> essential zone solid</strong>, the <strong>spillover zone dotted</strong>, as
            on clinical trigger point charts.
          </p>
          <p className="muted">
            Drag to turn the body, scroll or pinch to zoom. Untick “Superficial muscles” to reach
            the deep ones.
          </p>
        </section>
      )}
      <Disclaimer />
    </div>
  );
}

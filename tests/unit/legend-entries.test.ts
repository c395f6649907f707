/** The legend under the body and in a saved image names every kind of mark that is drawn. */
import { describe, expect, it } from 'vitest';
import { legendEntries } from '../../src/ui/legendEntries.ts';
import { defaultLayers } from '../../src/core/url-state.ts';

const none = { selection: null, compare: null, painSpots: [], layers: defaultLayers };

describe('legend entries', () => {
  it('lists nothing for a bare body, and the zones and point for a selection', () => {
    expect(legendEntries(none)).toEqual([]);
    const selected = legendEntries({ ...none, selection: { muscle: 'piriformis', side: 'right' } });
    expect(selected.map((e) => e.kind)).toEqual(['essential', 'spillover', 'trp']);
  });

  it('names the nerve map drawn on the skin, so a saved image explains its colours', () => {
    const entries = legendEntries({
      ...none,
      painSpots: ['calf:right'],
      layers: { ...defaultLayers, dermatomes: true },
    });
    expect(entries).toEqual([
      { kind: 'pain', label: 'Where it hurts' },
      { kind: 'map', label: 'Dermatomes (nerve roots)' },
    ]);
  });
});

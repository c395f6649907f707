import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { keptDetails, painQualities } from '../../src/core/painDetails.ts';
import {
  defaultLayers,
  emptyViewState,
  parseViewState,
  serializeViewState,
  type UrlVocabulary,
  type ViewState,
} from '../../src/core/url-state.ts';

const muscles = ['piriformis', 'gluteus_minimus', 'deltoid', 'upper_trapezius'];
const regions = [
  'buttock:right',
  'buttock:left',
  'posterior_thigh:right',
  'sacrum',
  'temple:right',
];
const vocab: UrlVocabulary = {
  isMuscle: (id) => muscles.includes(id),
  isRegion: (id) => regions.includes(id),
  isTriggerPoint: (id) => /^(piriformis|deltoid)\.trp[12]$/.test(id),
  suggestMuscle: (id) => (id === 'pirformis' ? 'piriformis' : null),
  suggestRegion: (id) => (id === 'buttok:right' ? 'buttock:right' : null),
};

describe('reading a shared link', () => {
  it('restores the selected muscle, side and camera view', () => {
    const { state, notices } = parseViewState('?muscle=piriformis:right&view=back', vocab);
    expect(state.muscle).toEqual({ muscle: 'piriformis', side: 'right' });
    expect(state.view).toBe('back');
    expect(notices).toEqual([]);
  });

  it('takes the right side when a link names a muscle without a side', () => {
    expect(parseViewState('?muscle=deltoid', vocab).state.muscle).toEqual({
      muscle: 'deltoid',
      side: 'right',
    });
  });

  it('ignores an unknown muscle with a notice that suggests the likely one', () => {
    const { state, notices } = parseViewState('?muscle=pirformis:left', vocab);
    expect(state.muscle).toBeNull();
    expect(notices).toEqual([
      'Ignored muscle="pirformis:left": unknown muscle (did you mean "piriformis"?).',
    ]);
  });

  it('ignores a bad side and a bad view, keeping the rest', () => {
    const { state, notices } = parseViewState('?muscle=deltoid:middle&view=top', vocab);
    expect(state).toEqual({ ...emptyViewState });
    expect(notices).toHaveLength(2);
    expect(notices[1]).toBe('Ignored view="top": expected one of front, back, left, right.');
  });

  it('keeps known pain spots, drops unknown ones and switches to pain mode', () => {
    const { state, notices } = parseViewState('?pain=buttock:right,buttok:right,sacrum', vocab);
    expect(state.pain).toEqual(['buttock:right', 'sacrum']);
    expect(state.mode).toBe('pain');
    expect(notices).toEqual([
      'Ignored pain spot "buttok:right": unknown region (did you mean "buttock:right"?).',
    ]);
  });

  it('accepts a trigger point only for the selected muscle', () => {
    expect(parseViewState('?muscle=piriformis:right&trp=piriformis.trp1', vocab).state.trp).toBe(
      'piriformis.trp1',
    );
    const other = parseViewState('?muscle=piriformis:right&trp=deltoid.trp1', vocab);
    expect(other.state.trp).toBeNull();
    expect(other.notices[0]).toContain('does not belong to the selected muscle');
  });

  it('drops compare without a selected muscle', () => {
    const { state, notices } = parseViewState('?compare=deltoid:left', vocab);
    expect(state.compare).toBeNull();
    expect(notices).toEqual(['Ignored compare=: there is no muscle to compare it with.']);
  });

  it('reads the layers that are shown', () => {
    expect(parseViewState('?layers=deep,skeleton', vocab).state.layers).toEqual({
      skin: false,
      superficial: false,
      deep: true,
      skeleton: true,
      dermatomes: false,
      nerves: false,
    });
  });

  it('reads a nerve map layer, and shows one map at a time', () => {
    expect(parseViewState('?layers=skin,dermatomes', vocab).state.layers).toMatchObject({
      skin: true,
      deep: false,
      dermatomes: true,
      nerves: false,
    });
    const both = parseViewState('?layers=skin,dermatomes,nerves', vocab);
    expect(both.state.layers).toMatchObject({ dermatomes: false, nerves: true });
    expect(both.notices).toEqual(['Showed only the nerves layer: one map at a time.']);
  });

  it('reads how strong each spot is and what it feels like, and keeps a spot whose rating is bad', () => {
    const { state, notices } = parseViewState(
      '?pain=buttock:right@7:burning,sacrum@electric,posterior_thigh:right@11,temple:right',
      vocab,
    );
    expect(state.pain).toEqual([
      'buttock:right',
      'sacrum',
      'posterior_thigh:right',
      'temple:right',
    ]);
    expect(state.painDetails).toEqual({
      'buttock:right': { intensity: 7, quality: 'burning' },
      sacrum: { intensity: 5, quality: 'electric' },
    });
    expect(notices).toEqual([
      'Ignored how pain spot "posterior_thigh:right@11" feels: expected an intensity 0-10 and/or one of aching, deep, burning, electric, tingling after "@".',
    ]);
  });

  it('writes ratings after "@", readable, and leaves unrated spots bare', () => {
    const state: ViewState = {
      ...emptyViewState,
      pain: ['buttock:right', 'sacrum'],
      painDetails: { 'buttock:right': { intensity: 8, quality: 'tingling' } },
      mode: 'pain',
    };
    expect(serializeViewState(state)).toBe('?pain=buttock:right@8:tingling,sacrum');
  });

  it('writes a nerve map layer into the link', () => {
    const layers = { ...defaultLayers, dermatomes: true };
    expect(serializeViewState({ ...emptyViewState, layers })).toBe(
      '?layers=skin,superficial,deep,skeleton,dermatomes',
    );
  });
});

describe('writing a shareable link', () => {
  it('omits defaults so an untouched view has a bare address', () => {
    expect(serializeViewState(emptyViewState)).toBe('');
  });

  it('writes readable ids, not percent-escapes', () => {
    const state: ViewState = {
      ...emptyViewState,
      muscle: { muscle: 'piriformis', side: 'right' },
      compare: { muscle: 'gluteus_minimus', side: 'right' },
      view: 'back',
      pain: ['buttock:right', 'sacrum'],
      mode: 'pain',
    };
    expect(serializeViewState(state)).toBe(
      '?muscle=piriformis:right&compare=gluteus_minimus:right&view=back&pain=buttock:right,sacrum',
    );
  });
});

const viewStateArbitrary: fc.Arbitrary<ViewState> = fc
  .record({
    muscle: fc.option(
      fc.record({ muscle: fc.constantFrom(...muscles), side: fc.constantFrom('left', 'right') }),
      { nil: null },
    ),
    compare: fc.constant(null),
    trp: fc.constant(null),
    view: fc.option(fc.constantFrom('front', 'back', 'left', 'right'), { nil: null }),
    layers: fc
      .record({
        skin: fc.boolean(),
        superficial: fc.boolean(),
        deep: fc.boolean(),
        skeleton: fc.boolean(),
        map: fc.constantFrom(null, 'dermatomes', 'nerves'),
      })
      .map(({ map, ...body }) => ({
        ...body,
        dermatomes: map === 'dermatomes',
        nerves: map === 'nerves',
      })),
    pain: fc.uniqueArray(fc.constantFrom(...regions), { maxLength: 5 }),
    painDetails: fc.constant({}),
    mode: fc.constantFrom('explore', 'pain'),
    present: fc.boolean(),
  })
  .chain((state) =>
    // ratings on some of the marked spots (unrated ones have no entry)
    fc
      .tuple(
        ...state.pain.map(() =>
          fc.option(
            fc.record({
              intensity: fc.integer({ min: 0, max: 10 }),
              quality: fc.option(fc.constantFrom(...painQualities), { nil: null }),
            }),
            { nil: null },
          ),
        ),
      )
      .map((rated) => ({
        ...state,
        painDetails: keptDetails(
          state.pain,
          Object.fromEntries(
            state.pain.flatMap((spot, i) => (rated[i] ? [[spot, rated[i]] as const] : [])),
          ),
        ),
      })),
  );

describe('URL state properties', () => {
  it('never throws on arbitrary text and always returns a usable state', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 300 }), (text) => {
        const { state } = parseViewState(text, vocab);
        expect(state.layers).toBeTypeOf('object');
        expect(Array.isArray(state.pain)).toBe(true);
      }),
      { numRuns: 1000 },
    );
  });

  it('never throws on arbitrary query-shaped text', () => {
    const key = fc.constantFrom(
      'muscle',
      'compare',
      'view',
      'layers',
      'pain',
      'trp',
      'present',
      'mode',
      'x',
    );
    fc.assert(
      fc.property(
        fc.array(fc.tuple(key, fc.string({ maxLength: 60 })), { maxLength: 8 }),
        (pairs) => {
          const text = '?' + pairs.map(([k, v]) => `${k}=${encodeURIComponent(v)}`).join('&');
          expect(() => parseViewState(text, vocab)).not.toThrow();
        },
      ),
      { numRuns: 1000 },
    );
  });

  it('round-trips every valid state through the address', () => {
    fc.assert(
      fc.property(viewStateArbitrary, (state) => {
        const expected = { ...state, mode: state.pain.length > 0 ? 'pain' : state.mode };
        const parsed = parseViewState(serializeViewState(expected), vocab);
        expect(parsed.notices).toEqual([]);
        expect(parsed.state).toEqual(expected);
      }),
      { numRuns: 500 },
    );
  });

  it('shows every layer by default', () => {
    expect(parseViewState('', vocab).state.layers).toEqual(defaultLayers);
  });
});

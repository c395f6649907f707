/**
 * The shareable view as URL query text. Parsing untrusted text never throws: whatever cannot be
 * read is dropped and reported as a notice the user sees.
 */

import type { Side } from './regionIds.ts';
import {
  formatSpot,
  keptDetails,
  parseSpot,
  type PainDetail,
  type PainDetails,
} from './painDetails.ts';

export type { Side };
export const viewPresets = ['front', 'back', 'left', 'right'] as const;
export type ViewPreset = (typeof viewPresets)[number];
export const bodyLayerNames = ['skin', 'superficial', 'deep', 'skeleton'] as const;
/** The nerve map layers drawn on the skin, one of them at a time. */
export const mapLayerNames = ['dermatomes', 'nerves'] as const;
export type MapLayerName = (typeof mapLayerNames)[number];
/** The body's layers, then the nerve map layers. */
export const layerNames = [...bodyLayerNames, ...mapLayerNames] as const;
export type LayerName = (typeof layerNames)[number];
export type Layers = Record<LayerName, boolean>;

/** The nerve map layer shown, if any. */
export function shownMapLayer(layers: Layers): MapLayerName | null {
  return mapLayerNames.find((name) => layers[name]) ?? null;
}

/** `layers` with `layer` set; showing a nerve map layer hides the other (their colours clash). */
export function withLayer(layers: Layers, layer: LayerName, visible: boolean): Layers {
  const next = { ...layers, [layer]: visible };
  if (visible && (mapLayerNames as readonly LayerName[]).includes(layer)) {
    for (const other of mapLayerNames) if (other !== layer) next[other] = false;
  }
  return next;
}

export interface MuscleSide {
  readonly muscle: string;
  readonly side: Side;
}

export interface ViewState {
  readonly muscle: MuscleSide | null;
  readonly compare: MuscleSide | null;
  readonly trp: string | null;
  readonly view: ViewPreset | null;
  readonly layers: Layers;
  readonly pain: readonly string[];
  /** How strong each pain spot is and what it feels like (spots without an entry: unrated). */
  readonly painDetails: PainDetails;
  readonly mode: 'explore' | 'pain';
  readonly present: boolean;
}

export const defaultLayers: Layers = {
  skin: true,
  superficial: true,
  deep: true,
  skeleton: true,
  dermatomes: false,
  nerves: false,
};

export const emptyViewState: ViewState = {
  muscle: null,
  compare: null,
  trp: null,
  view: null,
  layers: defaultLayers,
  pain: [],
  painDetails: {},
  mode: 'explore',
  present: false,
};

/** What the parser may check ids against; unknown ids are dropped with a notice. */
export interface UrlVocabulary {
  isMuscle(id: string): boolean;
  isRegion(id: string): boolean;
  isTriggerPoint(id: string): boolean;
  suggestMuscle?(id: string): string | null;
  suggestRegion?(id: string): string | null;
}

export interface ParsedViewState {
  readonly state: ViewState;
  readonly notices: readonly string[];
}

const maxParamLength = 2000;
const maxPainSpots = 64;

/** Quote untrusted text for a notice: bounded length, visible whitespace. */
function quote(text: string): string {
  const clipped = text.length > 40 ? `${text.slice(0, 40)}…` : text;
  return JSON.stringify(clipped);
}

function didYouMean(suggestion: string | null | undefined): string {
  return suggestion ? ` (did you mean "${suggestion}"?)` : '';
}

function parseMuscleSide(
  raw: string,
  param: string,
  vocab: UrlVocabulary,
  notices: string[],
): MuscleSide | null {
  const [id = '', side = 'right', ...rest] = raw.trim().toLowerCase().split(':');
  if (rest.length > 0 || (side !== 'left' && side !== 'right')) {
    notices.push(`Ignored ${param}=${quote(raw)}: expected <muscle>:left or <muscle>:right.`);
    return null;
  }
  if (!vocab.isMuscle(id)) {
    notices.push(
      `Ignored ${param}=${quote(raw)}: unknown muscle${didYouMean(vocab.suggestMuscle?.(id))}.`,
    );
    return null;
  }
  return { muscle: id, side };
}

function parseView(raw: string, notices: string[]): ViewPreset | null {
  const view = raw.trim().toLowerCase();
  if ((viewPresets as readonly string[]).includes(view)) return view as ViewPreset;
  notices.push(`Ignored view=${quote(raw)}: expected one of ${viewPresets.join(', ')}.`);
  return null;
}

function parseLayers(raw: string, notices: string[]): Layers {
  const shown = raw
    .split(',')
    .map((s) => s.trim().toLowerCase())
    .filter(Boolean);
  const unknown = shown.filter((s) => !(layerNames as readonly string[]).includes(s));
  if (unknown.length > 0) {
    notices.push(
      `Ignored unknown layer${unknown.length > 1 ? 's' : ''} ${unknown.map(quote).join(', ')} in layers=.`,
    );
  }
  let layers = Object.fromEntries(layerNames.map((name) => [name, false])) as Layers;
  for (const name of shown) if (name in layers) layers = withLayer(layers, name as LayerName, true);
  const maps = mapLayerNames.filter((name) => shown.includes(name));
  if (maps.length > 1)
    notices.push(`Showed only the ${shownMapLayer(layers)} layer: one map at a time.`);
  return layers;
}

function parsePain(
  raw: string,
  vocab: UrlVocabulary,
  notices: string[],
): { spots: string[]; details: PainDetails } {
  const spots: string[] = [];
  const details: Record<string, PainDetail> = {};
  for (const part of raw.split(',')) {
    if (!part.trim()) continue;
    const parsed = parseSpot(part);
    const id = parsed.region;
    if (!vocab.isRegion(id)) {
      notices.push(
        `Ignored pain spot ${quote(part)}: unknown region${didYouMean(vocab.suggestRegion?.(id))}.`,
      );
      continue;
    }
    if (!parsed.ok) notices.push(`Ignored how pain spot ${quote(part)} feels: ${parsed.problem}.`);
    else if (parsed.detail) details[id] = parsed.detail;
    if (!spots.includes(id)) spots.push(id);
  }
  if (spots.length > maxPainSpots) {
    notices.push(`Kept the first ${maxPainSpots} pain spots of ${spots.length}.`);
    spots.length = maxPainSpots;
  }
  return { spots, details: keptDetails(spots, details) };
}

/** Reads `?muscle=piriformis:right&view=back&pain=…` into a view state plus notices. */
export function parseViewState(search: string, vocab: UrlVocabulary): ParsedViewState {
  const notices: string[] = [];
  let params: URLSearchParams;
  try {
    params = new URLSearchParams(search.length > 20000 ? search.slice(0, 20000) : search);
  } catch {
    return { state: emptyViewState, notices: ['Ignored the address: it could not be read.'] };
  }
  const get = (name: string): string | null => {
    const value = params.get(name);
    if (value === null) return null;
    if (value.length > maxParamLength) {
      notices.push(`Ignored ${name}=: the value is too long.`);
      return null;
    }
    return value;
  };

  const muscleRaw = get('muscle');
  const compareRaw = get('compare');
  const viewRaw = get('view');
  const layersRaw = get('layers');
  const painRaw = get('pain');
  const trpRaw = get('trp');
  const presentRaw = get('present');
  const modeRaw = get('mode');

  const muscle = muscleRaw ? parseMuscleSide(muscleRaw, 'muscle', vocab, notices) : null;
  let compare = compareRaw ? parseMuscleSide(compareRaw, 'compare', vocab, notices) : null;
  if (compare && !muscle) {
    notices.push('Ignored compare=: there is no muscle to compare it with.');
    compare = null;
  }
  let trp: string | null = null;
  if (trpRaw) {
    const id = trpRaw.trim().toLowerCase();
    if (!vocab.isTriggerPoint(id))
      notices.push(`Ignored trp=${quote(trpRaw)}: unknown trigger point.`);
    else if (!muscle || !id.startsWith(`${muscle.muscle}.`))
      notices.push(`Ignored trp=${quote(trpRaw)}: it does not belong to the selected muscle.`);
    else trp = id;
  }
  const { spots: pain, details: painDetails } = painRaw
    ? parsePain(painRaw, vocab, notices)
    : { spots: [], details: {} };
  let mode: ViewState['mode'] = pain.length > 0 ? 'pain' : 'explore';
  if (modeRaw !== null) {
    if (modeRaw === 'pain' || modeRaw === 'explore') mode = modeRaw;
    else notices.push(`Ignored mode=${quote(modeRaw)}: expected explore or pain.`);
  }
  let present = false;
  if (presentRaw !== null) {
    if (presentRaw === '1' || presentRaw === 'true') present = true;
    else if (presentRaw !== '0' && presentRaw !== 'false')
      notices.push(`Ignored present=${quote(presentRaw)}: expected 1 or 0.`);
  }

  return {
    state: {
      muscle,
      compare,
      trp,
      view: viewRaw ? parseView(viewRaw, notices) : null,
      layers: layersRaw !== null ? parseLayers(layersRaw, notices) : defaultLayers,
      pain,
      painDetails,
      mode,
      present,
    },
    notices,
  };
}

function sameLayers(a: Layers, b: Layers): boolean {
  return layerNames.every((name) => a[name] === b[name]);
}

/** Writes the view state as query text, omitting defaults so links stay short. */
export function serializeViewState(state: ViewState): string {
  const params = new URLSearchParams();
  if (state.muscle) params.set('muscle', `${state.muscle.muscle}:${state.muscle.side}`);
  if (state.compare) params.set('compare', `${state.compare.muscle}:${state.compare.side}`);
  if (state.trp) params.set('trp', state.trp);
  if (state.view) params.set('view', state.view);
  if (!sameLayers(state.layers, defaultLayers)) {
    params.set('layers', layerNames.filter((name) => state.layers[name]).join(','));
  }
  if (state.pain.length > 0) {
    params.set(
      'pain',
      state.pain.map((spot) => formatSpot(spot, state.painDetails[spot])).join(','),
    );
  }
  if (state.mode === 'pain' && state.pain.length === 0) params.set('mode', 'pain');
  if (state.present) params.set('present', '1');
  const text = params
    .toString()
    .replaceAll('%3A', ':')
    .replaceAll('%2C', ',')
    .replaceAll('%40', '@');
  return text ? `?${text}` : '';
}

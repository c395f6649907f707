/**
 * The one application store: selection, layers, pain spots, view. The 3D scene subscribes to it
 * and mutates three objects directly; React DOM panels read it with selectors.
 */
import { create } from 'zustand';
import type { Dataset } from '../core/dataset.ts';
import { keptDetails, type PainDetail, type PainDetails } from '../core/painDetails.ts';
import {
  defaultLayers,
  type LayerName,
  type Layers,
  type MuscleSide,
  type ViewPreset,
  type ViewState,
  withLayer,
} from '../core/url-state.ts';

export type Mode = ViewState['mode'];

export interface Notice {
  readonly id: number;
  readonly text: string;
}

export interface AppState {
  readonly dataset: Dataset | null;
  readonly datasetError: string | null;
  readonly selection: MuscleSide | null;
  readonly compare: MuscleSide | null;
  readonly trp: string | null;
  readonly hover: MuscleSide | null;
  readonly layers: Layers;
  readonly view: ViewPreset | null;
  /** Bumped whenever the camera should move to `view` (or frame the selection), even if unchanged. */
  readonly cameraRequest: number;
  readonly mode: Mode;
  readonly painSpots: readonly string[];
  /** How strong each marked spot is and what it feels like; unrated spots have no entry. */
  readonly painDetails: PainDetails;
  readonly present: boolean;
  readonly notices: readonly Notice[];
  readonly webgl: 'unknown' | 'ok' | 'unavailable' | 'lost';

  setDataset(dataset: Dataset): void;
  setDatasetError(message: string): void;
  select(selection: MuscleSide | null, options?: { frame?: boolean }): void;
  setCompare(compare: MuscleSide | null): void;
  setTrp(trp: string | null): void;
  setHover(hover: MuscleSide | null): void;
  setLayer(layer: LayerName, visible: boolean): void;
  setView(view: ViewPreset): void;
  setMode(mode: Mode): void;
  togglePainSpot(region: string): void;
  /** Marks exactly `regions`; with `details`, rates them so (else kept ratings stay). */
  setPainSpots(regions: readonly string[], details?: PainDetails): void;
  setPainDetail(region: string, detail: PainDetail): void;
  setPresent(present: boolean): void;
  applyViewState(state: ViewState): void;
  notify(text: string): void;
  dismissNotice(id: number): void;
  setWebgl(status: AppState['webgl']): void;
}

let nextNoticeId = 1;

function sameMuscleSide(a: MuscleSide | null, b: MuscleSide | null): boolean {
  return a === b || (a !== null && b !== null && a.muscle === b.muscle && a.side === b.side);
}

export const useAppStore = create<AppState>()((set, get) => ({
  dataset: null,
  datasetError: null,
  selection: null,
  compare: null,
  trp: null,
  hover: null,
  layers: defaultLayers,
  view: null,
  cameraRequest: 0,
  mode: 'explore',
  painSpots: [],
  painDetails: {},
  present: false,
  notices: [],
  webgl: 'unknown',

  setDataset: (dataset) => set({ dataset, datasetError: null }),
  setDatasetError: (message) => set({ datasetError: message }),
  select: (selection, options) => {
    const state = get();
    if (sameMuscleSide(state.selection, selection) && !options?.frame) return;
    set({
      selection,
      trp: null,
      compare:
        selection && state.compare && !sameMuscleSide(state.compare, selection)
          ? state.compare
          : null,
      cameraRequest: options?.frame && selection ? state.cameraRequest + 1 : state.cameraRequest,
    });
  },
  setCompare: (compare) =>
    set({ compare: sameMuscleSide(compare, get().selection) ? null : compare }),
  setTrp: (trp) => set({ trp }),
  setHover: (hover) => {
    if (!sameMuscleSide(get().hover, hover)) set({ hover });
  },
  setLayer: (layer, visible) => set({ layers: withLayer(get().layers, layer, visible) }),
  setView: (view) => set({ view, cameraRequest: get().cameraRequest + 1 }),
  setMode: (mode) => set({ mode, hover: null }),
  togglePainSpot: (region) => {
    const { painSpots: spots, painDetails } = get();
    const painSpots = spots.includes(region)
      ? spots.filter((s) => s !== region)
      : [...spots, region];
    // a removed spot forgets how it felt: marking it again starts unrated
    set({ painSpots, painDetails: keptDetails(painSpots, painDetails) });
  },
  setPainSpots: (regions, details) => {
    const painSpots = [...new Set(regions)];
    set({ painSpots, painDetails: keptDetails(painSpots, details ?? get().painDetails) });
  },
  setPainDetail: (region, detail) => {
    const { painSpots, painDetails } = get();
    if (!painSpots.includes(region)) return;
    set({ painDetails: keptDetails(painSpots, { ...painDetails, [region]: detail }) });
  },
  setPresent: (present) => set({ present }),
  applyViewState: (state) =>
    set({
      selection: state.muscle,
      compare: state.compare,
      trp: state.trp,
      layers: state.layers,
      view: state.view,
      painSpots: state.pain,
      painDetails: state.painDetails,
      mode: state.mode,
      present: state.present,
      cameraRequest: get().cameraRequest + 1,
    }),
  notify: (text) => {
    const notice = { id: nextNoticeId++, text };
    set({ notices: [...get().notices.slice(-4), notice] });
  },
  dismissNotice: (id) => set({ notices: get().notices.filter((n) => n.id !== id) }),
  setWebgl: (webgl) => set({ webgl }),
}));

/** Selects a muscle on the side already chosen (right by default) and turns the camera to it. */
export function selectAndFrame(muscle: string): void {
  const { select, selection } = useAppStore.getState();
  select({ muscle, side: selection?.side ?? 'right' }, { frame: true });
}

/** The shareable part of the store, as the URL carries it. */
export function viewStateOf(state: AppState): ViewState {
  return {
    muscle: state.selection,
    compare: state.compare,
    trp: state.trp,
    view: state.view,
    layers: state.layers,
    pain: state.painSpots,
    painDetails: state.painDetails,
    mode: state.mode,
    present: state.present,
  };
}

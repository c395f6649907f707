/**
 * Clicks on the 3D view, answered on the page's side: the model worker picks from its own trees
 * (clickPicker.ts), with the camera of the view's last frame and the markers it shows. The pick
 * starts when the button goes down, so the click usually finds it done.
 */
import { useAppStore } from '../state/store.ts';
import { loadModelSource } from './modelSource.ts';
import type { ClickHit, ClickRequest } from './modelData.ts';
import type { MarkerSpot, ViewSize } from './viewProtocol.ts';

type Chosen = ClickHit | ({ readonly kind: 'point' } & MarkerSpot);

interface Press {
  /** What is under the press: undefined until the model worker answers. */
  chosen: Chosen | undefined;
  /** The press became a click before the answer came. */
  clicked: boolean;
}

let camera: Pick<ClickRequest, 'cameraWorld' | 'projectionInverse'> | null = null;
let markers: readonly MarkerSpot[] = [];
let pressed: Press | null = null;
/** The model worker's own time for each recent click (the bench reads them). */
const pickTimes: number[] = [];

export function noteCamera(next: Pick<ClickRequest, 'cameraWorld' | 'projectionInverse'>): void {
  camera = next;
}

export function noteMarkers(next: readonly MarkerSpot[]): void {
  markers = next;
}

export function recentPickTimes(): number[] {
  return [...pickTimes];
}

/**
 * What a click chose, as the store sees it: a trigger point of the selection toggles, a muscle is
 * selected, empty space clears the selection. While marking pain, only trigger points answer.
 */
function apply(chosen: Chosen): void {
  const store = useAppStore.getState();
  if (chosen?.kind === 'point') {
    if (!chosen.compared) store.setTrp(store.trp === chosen.id ? null : chosen.id);
  } else if (store.mode !== 'explore') {
    return;
  } else if (chosen === null) {
    store.select(null);
  } else if (chosen.kind === 'muscle') {
    store.select({ muscle: chosen.muscle, side: chosen.side });
  }
}

/** A press at view point x, y of a view of `size`: what is there is picked now. */
export function press(x: number, y: number, size: ViewSize): void {
  pressed = null;
  if (!camera) return;
  const { layers, mode } = useAppStore.getState();
  const exploring = mode === 'explore';
  const shown = markers;
  const request: ClickRequest = {
    ...camera,
    ndc: [(x / size.width) * 2 - 1, -(y / size.height) * 2 + 1],
    // while marking pain the skin is painted in the view; a click only reaches trigger points
    targets: {
      S: exploring && layers.superficial,
      D: exploring && layers.deep,
      skeleton: exploring && layers.skeleton,
    },
    markers: shown.map((marker, index) => ({ id: String(index), position: marker.position })),
  };
  const current: Press = { chosen: undefined, clicked: false };
  pressed = current;
  loadModelSource()
    .click(request)
    .then(({ hit, ms }) => {
      pickTimes.push(ms);
      if (pickTimes.length > 200) pickTimes.shift();
      const marker = hit?.kind === 'marker' ? shown[Number(hit.id)] : undefined;
      current.chosen = marker ? { kind: 'point', ...marker } : hit;
      if (current.clicked) apply(current.chosen);
    })
    // a model that failed is reported where the view was; the click just does nothing
    .catch(() => {});
}

/** The press ended as a click (not a drag): choose what it picked. */
export function click(): void {
  const current = pressed;
  pressed = null;
  if (!current) return;
  // usually answered while the button was down: applied at once
  if (current.chosen !== undefined) apply(current.chosen);
  else current.clicked = true;
}

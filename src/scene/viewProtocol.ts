/**
 * The messages between the page and the 3D view, which draws in a worker (an OffscreenCanvas) so
 * that three.js, the shaders and every frame stay off the page's main thread. Types only: the
 * page's side loads no three.js.
 */
import type { AppState } from '../state/store.ts';
import type { Vec3 } from './modelData.ts';
import type { MuscleSide } from '../core/url-state.ts';

/** The fields of the page's store the scene reads; the page sends what changed. */
export const mirroredKeys = [
  'selection',
  'compare',
  'trp',
  'hover',
  'layers',
  'view',
  'cameraRequest',
  'mode',
  'painSpots',
  'present',
  'webgl',
] as const satisfies readonly (keyof AppState)[];

export type MirroredState = Pick<AppState, (typeof mirroredKeys)[number]> & {
  /** The page has its dataset (and has applied the link's state): the body may be drawn. */
  readonly dataReady: boolean;
  readonly reducedMotion: boolean;
};

export interface MarkerSpot {
  readonly id: string;
  /** A point of the compared muscle: shown, but not chosen by a click. */
  readonly compared: boolean;
  readonly position: Vec3;
}

/** Where the view sits on the page, in CSS pixels. */
export interface ViewSize {
  readonly width: number;
  readonly height: number;
  readonly top: number;
  readonly left: number;
}

/** A pointer or wheel event as the page saw it, with coordinates relative to the view. */
export interface ForwardedEvent {
  readonly type: string;
  readonly pointerId: number;
  readonly pointerType: string;
  readonly isPrimary: boolean;
  readonly button: number;
  readonly buttons: number;
  readonly clientX: number;
  readonly clientY: number;
  readonly pageX: number;
  readonly pageY: number;
  readonly offsetX: number;
  readonly offsetY: number;
  readonly deltaX: number;
  readonly deltaY: number;
  readonly deltaMode: number;
  readonly ctrlKey: boolean;
  readonly metaKey: boolean;
  readonly shiftKey: boolean;
  readonly altKey: boolean;
  readonly timeStamp: number;
}

/**
 * What the scene asks the page to do to its store (the page's store is the only one that
 * changes): name the muscle under the pointer, or paint a region in a stroke (the first region,
 * `start`, decides whether the stroke adds spots or removes them, from the page's own spots).
 */
export type ViewAction =
  | { readonly name: 'setHover'; readonly args: [MuscleSide | null] }
  | { readonly name: 'paint'; readonly args: [region: string, start: boolean] };

/** What the label that follows the pointer should say (the page words it). */
export type LabelRequest =
  | {
      readonly kind: 'muscle';
      readonly hit: MuscleSide | null;
      readonly x: number;
      readonly y: number;
    }
  | {
      readonly kind: 'region';
      readonly region: string | null;
      readonly x: number;
      readonly y: number;
    }
  | { readonly kind: 'text'; readonly text: string; readonly x: number; readonly y: number }
  | { readonly kind: 'hide' };

export interface ScreenPoint {
  readonly x: number;
  readonly y: number;
}

export interface CapturedImage {
  readonly view: string;
  readonly image: Blob;
}

/** Questions the page asks the view, each answered once. Points are relative to the view. */
export interface ViewCalls {
  musclePoint(muscle: string, side: 'left' | 'right'): ScreenPoint | null;
  projectRegion(region: string): ScreenPoint | null;
  pickAt(x: number, y: number): string | null;
  /** Whether the picking trees have arrived (start-up is over). */
  pickingTrees(): boolean;
  /** The current state drawn now, as an image (for tests that count colours). */
  snapshot(): ImageBitmap | null;
  captureCurrent(): Blob | null;
  captureReferralViews(): CapturedImage[];
  loseContext(): boolean;
  restoreContext(): boolean;
}

export type CallName = keyof ViewCalls;

export type ToView =
  | {
      readonly type: 'init';
      readonly canvas: OffscreenCanvas | HTMLCanvasElement;
      /** The model worker's end for this view: it sends the model and the trees there. */
      readonly modelPort: MessagePort;
      readonly state: MirroredState;
      /** The view's size when the page already knows it (else a `size` message follows). */
      readonly size: ViewSize | null;
      readonly dpr: number;
    }
  | { readonly type: 'size'; readonly size: ViewSize; readonly dpr: number }
  | { readonly type: 'state'; readonly state: Partial<MirroredState> }
  /** The checked dataset as JSON text, sent once the page has loaded it. */
  | { readonly type: 'dataset'; readonly json: string }
  | { readonly type: 'event'; readonly event: ForwardedEvent }
  | {
      readonly type: 'call';
      readonly id: number;
      readonly name: CallName;
      readonly args: readonly unknown[];
    };

export type FromView =
  /** Whether WebGL could be had where the view draws. */
  | { readonly type: 'webgl'; readonly available: boolean }
  | { readonly type: 'action'; readonly action: ViewAction }
  | { readonly type: 'label'; readonly label: LabelRequest }
  /** The body's first frame is drawn: show the canvas. */
  | { readonly type: 'shown' }
  /** The frame for this state (the URL's view state and camera request) is drawn. */
  | { readonly type: 'drawn'; readonly key: string }
  | { readonly type: 'context'; readonly lost: boolean }
  /** The camera of the frame just drawn, for answering clicks (column-major matrices). */
  | {
      readonly type: 'camera';
      readonly cameraWorld: readonly number[];
      readonly projectionInverse: readonly number[];
    }
  /** The trigger point markers now shown (clicks on them choose the point). */
  | { readonly type: 'markers'; readonly markers: readonly MarkerSpot[] }
  | { readonly type: 'error'; readonly message: string }
  | {
      readonly type: 'reply';
      readonly id: number;
      readonly value?: unknown;
      readonly error?: string;
    };

/** A worker, the worker's own scope, or one end of a MessageChannel. */
export interface Port<In, Out> {
  postMessage(message: Out, transfer?: Transferable[]): void;
  addEventListener(type: 'message', listener: (event: MessageEvent<In>) => void): void;
}

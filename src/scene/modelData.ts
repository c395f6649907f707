/**
 * The body model as plain typed arrays: what the model worker hands the page. Only types here, so
 * the page's first chunk can speak about the model without loading three.js.
 */
import type { Side } from '../core/url-state.ts';

export type Vec3 = readonly [number, number, number];
/** min x, y, z, max x, y, z */
export type BoxArray = readonly [number, number, number, number, number, number];

export interface GeometryData {
  readonly position: Float32Array;
  readonly normal: Float32Array;
  readonly color: Float32Array;
  /** Stripe phase per vertex (muscles; 0 where the file has none): stripes follow the fibres. */
  readonly fibre: Float32Array;
  readonly index: Uint32Array;
  /** Bounds of all vertices, so the page need not walk them again. */
  readonly box: BoxArray;
  /** Centre x, y, z and radius: the box's centre, and the farthest vertex from it (as three). */
  readonly sphere: readonly [number, number, number, number];
}

export interface MuscleData {
  readonly index: number;
  readonly muscle: string;
  readonly side: Side;
  readonly layer: 'S' | 'D';
  readonly strands: readonly (readonly Vec3[])[];
  readonly vertexStart: number;
  readonly vertexCount: number;
  readonly box: BoxArray;
  /** Mean outward normal of the muscle's surface: which way it faces. */
  readonly facing: Vec3;
}

export interface LayerData extends GeometryData {
  readonly layer: 'S' | 'D';
  /** Muscle entry index per vertex. */
  readonly muscleOfVertex: Uint16Array;
  readonly muscles: readonly MuscleData[];
}

export interface SkinData extends GeometryData {
  /** Region index per vertex, into `regions`. */
  readonly regionOfVertex: Uint16Array;
  readonly regions: readonly string[];
  /** Vertex adjacency in compressed-row form, for blurring zone edges over a few rings. */
  readonly neighbourStart: Uint32Array;
  readonly neighbours: Uint32Array;
  /** x, y, z of each region's vertex centre. */
  readonly regionCenters: Float32Array;
  /** BoxArray of each region's vertices, six numbers per region. */
  readonly regionBoxes: Float32Array;
}

export interface ModelData {
  readonly skin: SkinData;
  readonly skeleton: GeometryData;
  readonly layers: Readonly<Record<'S' | 'D', LayerData>>;
}

/** The muscle entry a layer's vertex belongs to (entries are numbered across both layers). */
export function muscleAtVertex<T extends { readonly index: number }>(
  muscles: readonly T[],
  muscleOfVertex: Uint16Array,
  vertex: number,
): T | undefined {
  return muscles[(muscleOfVertex[vertex] ?? 0) - (muscles[0]?.index ?? 0)];
}

/** A muscle vertex's `_FIBRE` in body.glb is its stripe phase × fibreSteps (unsigned short). */
export const fibreSteps = 64;

/** A muscle node's `strands` extras in body.glb are in whole millimetres: metres × this. */
export const strandUnitsPerMetre = 1000;

/** Radius of a trigger point marker: drawn by the view, hit-tested by the model worker. */
export const markerRadius = 0.011;

/** A picking tree (three-mesh-bvh, indirect mode) as built in the worker. */
export interface TreeData {
  readonly roots: ArrayBuffer[];
  readonly indirectBuffer: Uint32Array | Uint16Array;
}

export type ModelTrees = Readonly<Record<'S' | 'D' | 'skeleton' | 'skin', TreeData>>;

/** What a click can choose, in explore mode (pain is marked on pointer down, in the view). */
export type ClickTarget = 'S' | 'D' | 'skeleton';

/** A click on the view: where, the camera then, what is pickable, and the markers shown. */
export interface ClickRequest {
  /** The click in normalized device coordinates (-1..1, y up). */
  readonly ndc: readonly [number, number];
  /** The camera's world matrix and inverse projection, column-major (three's `elements`). */
  readonly cameraWorld: readonly number[];
  readonly projectionInverse: readonly number[];
  readonly targets: Readonly<Record<ClickTarget, boolean>>;
  readonly markers: readonly { readonly id: string; readonly position: Vec3 }[];
}

/** What a click chose; `blocked`: something took it without choosing anything (a bone). */
export type ClickHit =
  | { readonly kind: 'marker'; readonly id: string }
  | { readonly kind: 'muscle'; readonly muscle: string; readonly side: Side }
  | { readonly kind: 'blocked' }
  | null;

/**
 * Requests from the page to the model worker: fetch and read the file, talk to the 3D view on
 * this port (a new view gets a new one), answer clicks.
 */
export type ModelWorkerRequest =
  | { readonly type: 'read'; readonly url: string }
  | { readonly type: 'view'; readonly port: MessagePort }
  | { readonly type: 'click'; readonly id: number; readonly click: ClickRequest };

/** Messages from the model worker to the page. */
export type ModelWorkerMessage =
  /** The file is read: the view gets the model when it asks for it. */
  | { readonly type: 'read' }
  | {
      readonly type: 'clicked';
      readonly id: number;
      readonly hit: ClickHit;
      /** How long the pick itself took in the worker. */
      readonly ms: number;
      readonly error?: string;
    }
  | { readonly type: 'error'; readonly stage: 'download' | 'read'; readonly message: string };

/**
 * The view and the model worker talk directly, so the model and the picking trees do not wait for
 * the page's main thread: the view asks for the model once it can draw, and for the trees after
 * its first frame.
 */
export type ViewModelRequest = { readonly type: 'model' } | { readonly type: 'trees' };

export type ViewModelMessage =
  | { readonly type: 'model'; readonly model: ModelData }
  | { readonly type: 'trees'; readonly trees: ModelTrees };

/** The buffers a message can hand over instead of copying. */
export function transferablesOf(model: ModelData): ArrayBuffer[] {
  const geometries: GeometryData[] = [model.skin, model.skeleton, model.layers.S, model.layers.D];
  const buffers: ArrayBufferView[] = geometries.flatMap((g) => [
    g.position,
    g.normal,
    g.color,
    g.fibre,
    g.index,
  ]);
  buffers.push(
    model.layers.S.muscleOfVertex,
    model.layers.D.muscleOfVertex,
    model.skin.regionOfVertex,
    model.skin.neighbourStart,
    model.skin.neighbours,
    model.skin.regionCenters,
    model.skin.regionBoxes,
  );
  return buffers.map((array) => array.buffer as ArrayBuffer);
}

/** The picking trees' buffers, handed over instead of copied. */
export function treeTransferables(trees: ModelTrees): ArrayBuffer[] {
  return Object.values(trees).flatMap((t) => [...t.roots, t.indirectBuffer.buffer as ArrayBuffer]);
}

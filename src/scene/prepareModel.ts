/**
 * The page's side of the body model: three.js geometries over the arrays the model worker made
 * (src/scene/readGlb.ts), and the picking trees it built, attached when they arrive.
 */
import {
  Box3,
  BufferAttribute,
  BufferGeometry,
  Float32BufferAttribute,
  Sphere,
  Vector3,
} from 'three';
import { MeshBVH, type SerializedBVH } from 'three-mesh-bvh';
import type { Side } from '../core/url-state.ts';
import type {
  GeometryData,
  LayerData,
  ModelData,
  ModelTrees,
  MuscleData,
  Vec3,
} from './modelData.ts';

export type { Vec3 };

/** A muscle as the worker described it, with its box and facing as three.js objects. */
export interface MuscleEntry extends Omit<MuscleData, 'box' | 'facing'> {
  readonly box: Box3;
  readonly center: Vector3;
  /** Mean outward normal of the muscle's surface: which way it faces. */
  readonly facing: Vector3;
}

export interface MuscleLayer {
  readonly layer: 'S' | 'D';
  readonly geometry: BufferGeometry;
  /** One float per vertex: 0 plain, 1 hover, 2 selected, 3 compare, 4 dimmed. */
  readonly state: BufferAttribute;
  /** Muscle entry index per vertex. */
  readonly muscleOfVertex: Uint16Array;
  readonly muscles: readonly MuscleEntry[];
}

export interface SkinModel {
  readonly geometry: BufferGeometry;
  /** Region index per vertex, into `regions`. */
  readonly regionOfVertex: Uint16Array;
  readonly regions: readonly string[];
  /** Per vertex: referral (x), compare referral (y), pain spot (z), each 0..1, smoothed. */
  readonly zone: BufferAttribute;
  /** Per vertex: the nerve map layer's colour (rgb) and whether an area is drawn (a), 0..255. */
  readonly overlayA: BufferAttribute;
  /** The second area of a shared landmark (stripes; rgb as `overlayA` where none) and an edge (a). */
  readonly overlayB: BufferAttribute;
  /** Vertex adjacency in compressed-row form, for blurring zone edges over a few rings. */
  readonly neighbourStart: Uint32Array;
  readonly neighbours: Uint32Array;
  /** Centre of each region's vertices, for tests and choosing a view. */
  readonly regionCenters: readonly Vector3[];
  /** Bounds of each region's vertices, for framing a referral zone. */
  readonly regionBoxes: readonly Box3[];
}

export interface PreparedModel {
  readonly skin: SkinModel;
  readonly skeleton: BufferGeometry;
  readonly layers: Readonly<Record<'S' | 'D', MuscleLayer>>;
  readonly muscles: readonly MuscleEntry[];
  readonly byKey: ReadonlyMap<string, MuscleEntry>;
  readonly bounds: Box3;
}

export const muscleKey = (muscle: string, side: Side): string => `${muscle}:${side}`;

function toBox(box: ArrayLike<number>, offset = 0): Box3 {
  const b = new Box3();
  b.min.set(box[offset]!, box[offset + 1]!, box[offset + 2]!);
  b.max.set(box[offset + 3]!, box[offset + 4]!, box[offset + 5]!);
  return b;
}

function toGeometry(data: GeometryData): BufferGeometry {
  const geometry = new BufferGeometry();
  geometry.setAttribute('position', new Float32BufferAttribute(data.position, 3));
  geometry.setAttribute('normal', new Float32BufferAttribute(data.normal, 3));
  geometry.setAttribute('color', new Float32BufferAttribute(data.color, 3));
  geometry.setIndex(new BufferAttribute(data.index, 1));
  // the worker measured the bounds: no walk over the vertices on the main thread
  geometry.boundingBox = toBox(data.box);
  const [x, y, z, radius] = data.sphere;
  geometry.boundingSphere = new Sphere(new Vector3(x, y, z), radius);
  return geometry;
}

/** The attributes the muscles' shader reads beyond three's: stripe phase and state. */
function addMuscleAttributes(geometry: BufferGeometry, data: GeometryData): BufferAttribute {
  geometry.setAttribute('aFibre', new Float32BufferAttribute(data.fibre, 1));
  const state = new Float32BufferAttribute(new Float32Array(data.position.length / 3), 1);
  geometry.setAttribute('aState', state);
  return state;
}

function buildMuscleLayer(data: LayerData): MuscleLayer {
  const geometry = toGeometry(data);
  const state = addMuscleAttributes(geometry, data);
  const muscles = data.muscles.map((m): MuscleEntry => {
    const box = toBox(m.box);
    return {
      ...m,
      box,
      center: box.getCenter(new Vector3()),
      facing: new Vector3(...m.facing),
    };
  });
  return { layer: data.layer, geometry, state, muscleOfVertex: data.muscleOfVertex, muscles };
}

function buildSkin(data: ModelData['skin']): SkinModel {
  const geometry = toGeometry(data);
  const zone = new Float32BufferAttribute(new Float32Array(data.position.length), 3);
  geometry.setAttribute('aZone', zone);
  const vertices = data.position.length / 3;
  // bytes, not floats: a colour per vertex needs no more, and the layer is off most of the time
  const overlayA = new BufferAttribute(new Uint8Array(vertices * 4), 4, true);
  const overlayB = new BufferAttribute(new Uint8Array(vertices * 4), 4, true);
  geometry.setAttribute('aOverlayA', overlayA);
  geometry.setAttribute('aOverlayB', overlayB);
  return {
    geometry,
    regionOfVertex: data.regionOfVertex,
    regions: data.regions,
    zone,
    overlayA,
    overlayB,
    neighbourStart: data.neighbourStart,
    neighbours: data.neighbours,
    regionCenters: data.regions.map(
      (_, r) =>
        new Vector3(
          data.regionCenters[r * 3],
          data.regionCenters[r * 3 + 1],
          data.regionCenters[r * 3 + 2],
        ),
    ),
    regionBoxes: data.regions.map((_, r) => toBox(data.regionBoxes, r * 6)),
  };
}

/**
 * The skeleton draws with the muscles' shader (bone colour per vertex, state and phase always 0,
 * so no stripes): one shader fewer to compile, and under software rendering one set of drawing
 * routines fewer.
 */
function buildSkeleton(data: GeometryData): BufferGeometry {
  const geometry = toGeometry(data);
  addMuscleAttributes(geometry, data);
  return geometry;
}

/** Wraps the worker's arrays in geometries: no per-vertex work on the main thread. */
export function buildModel(data: ModelData): PreparedModel {
  const S = buildMuscleLayer(data.layers.S);
  const D = buildMuscleLayer(data.layers.D);
  const muscles = [...S.muscles, ...D.muscles];
  const skin = buildSkin(data.skin);
  return {
    skin,
    skeleton: buildSkeleton(data.skeleton),
    layers: { S, D },
    muscles,
    byKey: new Map(muscles.map((m) => [muscleKey(m.muscle, m.side), m])),
    bounds: skin.geometry.boundingBox ?? new Box3(),
  };
}

/** The strand a trigger point names (`at.strand`), or the middle one; out of range: the last. */
export function strandOf<T>(strands: readonly T[], index: number | undefined): T | undefined {
  return strands[Math.min(index ?? Math.floor(strands.length / 2), strands.length - 1)];
}

/** Point at fraction `along` (0..1 by arc length) of a polyline. */
export function pointAlong(strand: readonly Vec3[], along: number): Vector3 {
  const lengths: number[] = [0];
  for (let i = 1; i < strand.length; i++) {
    const a = strand[i - 1]!;
    const b = strand[i]!;
    lengths.push(lengths[i - 1]! + Math.hypot(b[0] - a[0], b[1] - a[1], b[2] - a[2]));
  }
  const total = lengths[lengths.length - 1] ?? 0;
  const target = Math.min(1, Math.max(0, along)) * total;
  for (let i = 1; i < strand.length; i++) {
    if (lengths[i]! >= target) {
      const a = strand[i - 1]!;
      const b = strand[i]!;
      const span = lengths[i]! - lengths[i - 1]!;
      const t = span > 0 ? (target - lengths[i - 1]!) / span : 0;
      return new Vector3(
        a[0] + (b[0] - a[0]) * t,
        a[1] + (b[1] - a[1]) * t,
        a[2] + (b[2] - a[2]) * t,
      );
    }
  }
  const last = strand[strand.length - 1] ?? [0, 0, 0];
  return new Vector3(last[0], last[1], last[2]);
}

/** The model's geometries by the names the worker's picking trees use. */
function pickingGeometries(model: PreparedModel): Record<keyof ModelTrees, BufferGeometry> {
  return {
    S: model.layers.S.geometry,
    D: model.layers.D.geometry,
    skeleton: model.skeleton,
    skin: model.skin.geometry,
  };
}

/** Whether the picking trees have arrived: the last of the start-up work (the bench waits on it). */
export function hasPickingTrees(model: PreparedModel): boolean {
  return Object.values(pickingGeometries(model)).every((geometry) => geometry.boundsTree);
}

/**
 * Attaches the picking trees (BVH) the worker built. Until they arrive raycasts fall back to plain
 * triangle tests: picks stay exact, only slower.
 */
export function attachPickingTrees(model: PreparedModel, trees: ModelTrees): void {
  for (const [name, geometry] of Object.entries(pickingGeometries(model))) {
    const tree = trees[name as keyof ModelTrees];
    if (geometry.boundsTree || !tree) continue;
    // version 1: the node layout this three-mesh-bvh writes (without it, it "fixes up" version 0)
    const serialized = {
      version: 1,
      roots: tree.roots,
      index: null,
      indirectBuffer: tree.indirectBuffer,
    };
    geometry.boundsTree = MeshBVH.deserialize(serialized as unknown as SerializedBVH, geometry, {
      setIndex: false,
    });
  }
}

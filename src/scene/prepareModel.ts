/**
 * Turns the loaded body.glb into a few merged meshes: one per layer (skin, superficial muscles,
 * deep muscles, skeleton). Under software rendering draw calls cost as much as triangles, so each
 * layer is one draw call; a per-vertex muscle index maps a hit triangle back to its muscle.
 */
import {
  Box3,
  BufferAttribute,
  BufferGeometry,
  Float32BufferAttribute,
  Mesh,
  Vector3,
  type Object3D,
} from 'three';
import { computeBoundsTree } from 'three-mesh-bvh';
import type { Side } from '../core/url-state.ts';

export type Vec3 = readonly [number, number, number];

export interface MuscleEntry {
  readonly index: number;
  readonly muscle: string;
  readonly side: Side;
  readonly layer: 'S' | 'D';
  readonly strands: readonly (readonly Vec3[])[];
  readonly vertexStart: number;
  readonly vertexCount: number;
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

interface MeshPart {
  readonly mesh: Mesh;
  readonly extras: Record<string, unknown>;
}

/**
 * Meshes by their glTF node name. GLTFLoader strips ':' from names (m:piriformis:left becomes
 * mpiriformisleft), so muscles are keyed from their extras {muscle, side} instead.
 */
function collectMeshes(root: Object3D): Map<string, MeshPart> {
  root.updateMatrixWorld(true);
  const parts = new Map<string, MeshPart>();
  root.traverse((object) => {
    if (!(object instanceof Mesh)) return;
    // GLTFLoader may wrap a node's mesh in a child: the name and extras sit on the node.
    const owner = object.name ? object : object.parent;
    const extras = { ...(owner?.userData ?? {}), ...(object.userData ?? {}) } as Record<
      string,
      unknown
    >;
    const { muscle, side } = extras;
    const name =
      typeof muscle === 'string' && (side === 'left' || side === 'right')
        ? `m:${muscle}:${side}`
        : (owner?.name ?? '');
    if (name) parts.set(name, { mesh: object, extras });
  });
  return parts;
}

/** A world-space copy of a mesh's position, normal and colour as plain float arrays. */
function worldArrays(mesh: Mesh): {
  position: Float32Array;
  normal: Float32Array;
  color: Float32Array;
  index: Uint32Array;
} {
  const geometry = mesh.geometry as BufferGeometry;
  const position = geometry.getAttribute('position');
  const normal = geometry.getAttribute('normal');
  const color = geometry.getAttribute('color');
  const count = position.count;
  const out = {
    position: new Float32Array(count * 3),
    normal: new Float32Array(count * 3),
    color: new Float32Array(count * 3),
    index: new Uint32Array(geometry.index ? geometry.index.count : count),
  };
  const v = new Vector3();
  const n = new Vector3();
  const world = mesh.matrixWorld;
  // plain stores, no per-vertex arrays: this loop runs over every vertex before the first frame
  for (let i = 0; i < count; i++) {
    const k = i * 3;
    v.fromBufferAttribute(position, i).applyMatrix4(world);
    out.position[k] = v.x;
    out.position[k + 1] = v.y;
    out.position[k + 2] = v.z;
    if (normal) {
      n.fromBufferAttribute(normal, i).transformDirection(world);
      out.normal[k] = n.x;
      out.normal[k + 1] = n.y;
      out.normal[k + 2] = n.z;
    }
    out.color[k] = color ? color.getX(i) : 0.65;
    out.color[k + 1] = color ? color.getY(i) : 0.25;
    out.color[k + 2] = color ? color.getZ(i) : 0.22;
  }
  if (geometry.index)
    for (let i = 0; i < geometry.index.count; i++) out.index[i] = geometry.index.getX(i);
  else for (let i = 0; i < count; i++) out.index[i] = i;
  return out;
}

function mergeParts(parts: readonly Mesh[]): {
  geometry: BufferGeometry;
  ranges: { start: number; count: number }[];
} {
  const arrays = parts.map(worldArrays);
  const vertexTotal = arrays.reduce((sum, a) => sum + a.position.length / 3, 0);
  const indexTotal = arrays.reduce((sum, a) => sum + a.index.length, 0);
  const position = new Float32Array(vertexTotal * 3);
  const normal = new Float32Array(vertexTotal * 3);
  const color = new Float32Array(vertexTotal * 3);
  const index = new Uint32Array(indexTotal);
  const ranges: { start: number; count: number }[] = [];
  let vertexOffset = 0;
  let indexOffset = 0;
  for (const a of arrays) {
    const count = a.position.length / 3;
    position.set(a.position, vertexOffset * 3);
    normal.set(a.normal, vertexOffset * 3);
    color.set(a.color, vertexOffset * 3);
    for (let i = 0; i < a.index.length; i++)
      index[indexOffset + i] = (a.index[i] ?? 0) + vertexOffset;
    ranges.push({ start: vertexOffset, count });
    vertexOffset += count;
    indexOffset += a.index.length;
  }
  const geometry = new BufferGeometry();
  geometry.setAttribute('position', new Float32BufferAttribute(position, 3));
  geometry.setAttribute('normal', new Float32BufferAttribute(normal, 3));
  geometry.setAttribute('color', new Float32BufferAttribute(color, 3));
  geometry.setIndex(new BufferAttribute(index, 1));
  return { geometry, ranges };
}

function toStrands(value: unknown): Vec3[][] {
  if (!Array.isArray(value)) return [];
  return value
    .filter((strand): strand is unknown[] => Array.isArray(strand))
    .map((strand) =>
      strand
        .filter(
          (p): p is [number, number, number] =>
            Array.isArray(p) && p.length === 3 && p.every((c) => typeof c === 'number'),
        )
        .map((p) => [p[0], p[1], p[2]] as const),
    )
    .filter((strand) => strand.length >= 2);
}

function buildMuscleLayer(
  layer: 'S' | 'D',
  parts: readonly { name: string; part: MeshPart }[],
  firstIndex: number,
): MuscleLayer {
  const { geometry, ranges } = mergeParts(parts.map((p) => p.part.mesh));
  const vertexCount = geometry.getAttribute('position').count;
  const muscleOfVertex = new Uint16Array(vertexCount);
  const positions = geometry.getAttribute('position');
  const normals = geometry.getAttribute('normal');
  const muscles = parts.map(({ name, part }, i): MuscleEntry => {
    const range = ranges[i] ?? { start: 0, count: 0 };
    const [, muscle = '', sideText] = name.split(':');
    const side: Side = sideText === 'left' ? 'left' : 'right';
    const box = new Box3();
    const facing = new Vector3();
    const p = new Vector3();
    const n = new Vector3();
    for (let v = range.start; v < range.start + range.count; v++) {
      muscleOfVertex[v] = firstIndex + i;
      box.expandByPoint(p.fromBufferAttribute(positions, v));
      facing.add(n.fromBufferAttribute(normals, v));
    }
    return {
      index: firstIndex + i,
      muscle,
      side,
      layer,
      strands: toStrands(part.extras.strands),
      vertexStart: range.start,
      vertexCount: range.count,
      box,
      center: box.getCenter(new Vector3()),
      facing: facing.lengthSq() > 0 ? facing.normalize() : new Vector3(0, 0, 1),
    };
  });
  const state = new Float32BufferAttribute(new Float32Array(vertexCount), 1);
  geometry.setAttribute('aState', state);
  geometry.computeBoundingSphere();
  return { layer, geometry, state, muscleOfVertex, muscles };
}

function buildSkin(part: MeshPart): SkinModel {
  const { geometry } = mergeParts([part.mesh]);
  const source = part.mesh.geometry as BufferGeometry;
  const regionAttribute = source.getAttribute('_region') ?? source.getAttribute('_REGION');
  const regions = Array.isArray(part.extras.regions)
    ? part.extras.regions.filter((r): r is string => typeof r === 'string')
    : [];
  const count = geometry.getAttribute('position').count;
  const regionOfVertex = new Uint16Array(count);
  if (regionAttribute)
    for (let i = 0; i < count; i++) regionOfVertex[i] = Math.round(regionAttribute.getX(i));

  // Vertex adjacency from the triangle list, for soft zone edges.
  const index = geometry.index as BufferAttribute;
  const degree = new Uint32Array(count + 1);
  for (let t = 0; t < index.count; t += 3) {
    for (let k = 0; k < 3; k++) degree[index.getX(t + k)]! += 2;
  }
  const neighbourStart = new Uint32Array(count + 1);
  for (let i = 0; i < count; i++) neighbourStart[i + 1] = neighbourStart[i]! + degree[i]!;
  const fill = neighbourStart.slice(0, count);
  const neighbours = new Uint32Array(neighbourStart[count]!);
  for (let t = 0; t < index.count; t += 3) {
    const a = index.getX(t);
    const b = index.getX(t + 1);
    const c = index.getX(t + 2);
    for (const [from, x, y] of [
      [a, b, c],
      [b, c, a],
      [c, a, b],
    ] as const) {
      neighbours[fill[from]!++] = x;
      neighbours[fill[from]!++] = y;
    }
  }

  const positions = geometry.getAttribute('position');
  const sums = regions.map(() => new Vector3());
  const regionBoxes = regions.map(() => new Box3());
  const counts = new Uint32Array(regions.length);
  const p = new Vector3();
  for (let i = 0; i < count; i++) {
    const r = regionOfVertex[i]!;
    p.fromBufferAttribute(positions, i);
    sums[r]?.add(p);
    regionBoxes[r]?.expandByPoint(p);
    counts[r] = (counts[r] ?? 0) + 1;
  }
  const regionCenters = sums.map((sum, r) => sum.divideScalar(Math.max(1, counts[r] ?? 1)));

  const zone = new Float32BufferAttribute(new Float32Array(count * 3), 3);
  geometry.setAttribute('aZone', zone);
  geometry.computeBoundingSphere();
  return {
    geometry,
    regionOfVertex,
    regions,
    zone,
    neighbourStart,
    neighbours,
    regionCenters,
    regionBoxes,
  };
}

/** Prepares the model once after loading; throws a clear error if the file breaks the contract. */
export function prepareModel(root: Object3D): PreparedModel {
  const parts = collectMeshes(root);
  const skinPart = parts.get('skin');
  const skeletonPart = parts.get('skeleton');
  if (!skinPart || !skeletonPart) throw new Error('body.glb has no "skin" or "skeleton" node.');
  const muscleParts = [...parts.entries()]
    .filter(([name]) => name.startsWith('m:'))
    .map(([name, part]) => ({ name, part }))
    .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  const superficial = muscleParts.filter((p) => p.part.extras.layer !== 'D');
  const deep = muscleParts.filter((p) => p.part.extras.layer === 'D');
  const S = buildMuscleLayer('S', superficial, 0);
  const D = buildMuscleLayer('D', deep, superficial.length);
  const muscles = [...S.muscles, ...D.muscles];
  const skeleton = mergeParts([skeletonPart.mesh]).geometry;
  const skin = buildSkin(skinPart);
  skin.geometry.computeBoundingBox();
  return {
    skin,
    skeleton,
    layers: { S, D },
    muscles,
    byKey: new Map(muscles.map((m) => [muscleKey(m.muscle, m.side), m])),
    bounds: skin.geometry.boundingBox ?? new Box3(),
  };
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

/**
 * Builds the picking trees (BVH) of every layer. Deferred until after the first frame: raycasts
 * fall back to plain triangle tests until then, and the body appears sooner.
 */
export function buildPickingTrees(model: PreparedModel): void {
  for (const geometry of [
    model.layers.S.geometry,
    model.layers.D.geometry,
    model.skeleton,
    model.skin.geometry,
  ]) {
    if (!geometry.boundsTree) computeBoundsTree.call(geometry);
  }
}

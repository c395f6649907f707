/**
 * Reads our own body.glb straight into merged per-layer arrays. The file is ours (scripts/
 * build-model.ts): flat nodes, one triangle primitive each, KHR_mesh_quantization attributes in
 * EXT_meshopt_compression views. One pass over the vertices, no scene graph, no per-mesh objects:
 * several times faster than a general glTF loader, which matters on a phone and under software
 * rendering. Anything outside that shape is refused with a clear error.
 */
import type { Side } from '../core/url-state.ts';
import type {
  BoxArray,
  GeometryData,
  LayerData,
  ModelData,
  MuscleData,
  SkinData,
  Vec3,
} from './modelData.ts';
import { fibreSteps, strandUnitsPerMetre } from './modelData.ts';

/** The part of meshoptimizer's decoder this reader needs (call it after `ready`). */
export interface MeshoptDecoderLike {
  decodeGltfBuffer(
    target: Uint8Array,
    count: number,
    size: number,
    source: Uint8Array,
    mode: string,
    filter?: string,
  ): void;
}

interface GltfJson {
  nodes?: GltfNode[];
  meshes?: { primitives: GltfPrimitive[]; extras?: Record<string, unknown> }[];
  accessors?: GltfAccessor[];
  bufferViews?: GltfBufferView[];
  buffers?: { byteLength: number; uri?: string }[];
  extensionsRequired?: string[];
}
interface GltfNode {
  name?: string;
  mesh?: number;
  children?: number[];
  translation?: number[];
  rotation?: number[];
  scale?: number[];
  matrix?: number[];
  extras?: Record<string, unknown>;
}
interface GltfPrimitive {
  attributes: Record<string, number>;
  indices?: number;
  mode?: number;
}
interface GltfAccessor {
  bufferView?: number;
  byteOffset?: number;
  componentType: number;
  normalized?: boolean;
  count: number;
  type: string;
}
interface GltfBufferView {
  buffer: number;
  byteOffset?: number;
  byteLength: number;
  byteStride?: number;
  extensions?: {
    EXT_meshopt_compression?: {
      buffer: number;
      byteOffset?: number;
      byteLength: number;
      byteStride: number;
      count: number;
      mode: string;
      filter?: string;
    };
  };
}

const supportedExtensions = new Set(['EXT_meshopt_compression', 'KHR_mesh_quantization']);
const componentBytes: Record<number, number> = {
  5120: 1,
  5121: 1,
  5122: 2,
  5123: 2,
  5125: 4,
  5126: 4,
};
const typeSize: Record<string, number> = { SCALAR: 1, VEC2: 2, VEC3: 3, VEC4: 4 };

class GlbError extends Error {
  constructor(message: string) {
    super(`body.glb: ${message}`);
  }
}

/** Reads accessor data through a DataView, so any stride or offset works. */
class AccessorReader {
  readonly count: number;
  readonly size: number;
  private readonly view: DataView;
  private readonly stride: number;
  private readonly read: (offset: number) => number;
  private readonly componentBytes: number;
  private readonly componentType: number;
  readonly normalized: boolean;

  constructor(bytes: Uint8Array, accessor: GltfAccessor, byteStride: number | undefined) {
    const component = componentBytes[accessor.componentType];
    const size = typeSize[accessor.type];
    if (!component || !size)
      throw new GlbError(
        `accessor type ${accessor.type}/${accessor.componentType} is not supported`,
      );
    this.count = accessor.count;
    this.size = size;
    this.stride = byteStride ?? component * size;
    this.view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    const v = this.view;
    const n = accessor.normalized === true;
    // glTF's normalized integers: unsigned c / max, signed max(c / max, -1)
    const readers: Record<number, (o: number) => number> = {
      5120: n ? (o) => Math.max(v.getInt8(o) / 127, -1) : (o) => v.getInt8(o),
      5121: n ? (o) => v.getUint8(o) / 255 : (o) => v.getUint8(o),
      5122: n ? (o) => Math.max(v.getInt16(o, true) / 32767, -1) : (o) => v.getInt16(o, true),
      5123: n ? (o) => v.getUint16(o, true) / 65535 : (o) => v.getUint16(o, true),
      5125: (o) => v.getUint32(o, true),
      5126: (o) => v.getFloat32(o, true),
    };
    this.read = readers[accessor.componentType]!;
    this.componentBytes = component;
    this.componentType = accessor.componentType;
    this.normalized = n;
    const end = (accessor.count - 1) * this.stride + component * size;
    if (accessor.count > 0 && end > bytes.byteLength)
      throw new GlbError('an accessor reads past the end of its buffer view');
  }

  get(item: number, component: number): number {
    return this.read(item * this.stride + component * this.componentBytes);
  }

  /**
   * All items, dequantized and packed (`size` numbers per item): one tight loop over a typed view
   * where the data is aligned, which runs many times faster than a read per component.
   */
  values(): Float32Array {
    const out = new Float32Array(this.count * this.size);
    const typed = this.typedView();
    if (!typed) {
      for (let i = 0; i < this.count; i++)
        for (let c = 0; c < this.size; c++) out[i * this.size + c] = this.get(i, c);
      return out;
    }
    const { source, step, scale, signed } = typed;
    for (let i = 0; i < this.count; i++) {
      for (let c = 0; c < this.size; c++) {
        const value = source[i * step + c]! * scale;
        out[i * this.size + c] = signed && value < -1 ? -1 : value;
      }
    }
    return out;
  }

  /** All items as unsigned integers (indices, region numbers). */
  integers(): Uint32Array {
    const out = new Uint32Array(this.count * this.size);
    const typed = this.typedView();
    for (let i = 0; i < this.count; i++) {
      for (let c = 0; c < this.size; c++) {
        out[i * this.size + c] = typed ? typed.source[i * typed.step + c]! : this.get(i, c);
      }
    }
    return out;
  }

  private typedView(): {
    source: ArrayLike<number>;
    step: number;
    scale: number;
    signed: boolean;
  } | null {
    const bytes = this.componentBytes;
    const { byteOffset, byteLength, buffer } = this.view;
    if (byteOffset % bytes !== 0 || this.stride % bytes !== 0) return null;
    const length = Math.floor(byteLength / bytes);
    const kind = typedKinds[this.componentType];
    if (!kind) return null;
    return {
      source: new kind.array(buffer, byteOffset, length),
      step: this.stride / bytes,
      scale: this.normalized ? 1 / kind.max : 1,
      signed: this.normalized && kind.signed,
    };
  }
}

/** Typed views for glTF component types (little-endian, as every browser we serve). */
const typedKinds: Record<
  number,
  {
    array: new (buffer: ArrayBufferLike, offset: number, length: number) => ArrayLike<number>;
    max: number;
    signed: boolean;
  }
> = {
  5120: { array: Int8Array, max: 127, signed: true },
  5121: { array: Uint8Array, max: 255, signed: false },
  5122: { array: Int16Array, max: 32767, signed: true },
  5123: { array: Uint16Array, max: 65535, signed: false },
  5125: { array: Uint32Array, max: 4294967295, signed: false },
  5126: { array: Float32Array, max: 1, signed: false },
};

/** A 3×4 column-major affine matrix: the linear part's three columns, then the translation. */
// prettier-ignore
type Affine = readonly [number, number, number, number, number, number, number, number, number, number, number, number];

/** A node's local transform (no hierarchy in our file). */
function nodeMatrix(node: GltfNode): Affine {
  if (node.children?.length)
    throw new GlbError(`node "${node.name}" has children; expected flat nodes`);
  if (node.matrix) {
    const m = node.matrix;
    return [m[0]!, m[1]!, m[2]!, m[4]!, m[5]!, m[6]!, m[8]!, m[9]!, m[10]!, m[12]!, m[13]!, m[14]!];
  }
  const [x, y, z, w] = node.rotation ?? [0, 0, 0, 1];
  const [sx, sy, sz] = node.scale ?? [1, 1, 1];
  const [tx, ty, tz] = node.translation ?? [0, 0, 0];
  const [qx, qy, qz, qw] = [x!, y!, z!, w!];
  return [
    (1 - 2 * (qy * qy + qz * qz)) * sx!,
    2 * (qx * qy + qz * qw) * sx!,
    2 * (qx * qz - qy * qw) * sx!,
    2 * (qx * qy - qz * qw) * sy!,
    (1 - 2 * (qx * qx + qz * qz)) * sy!,
    2 * (qy * qz + qx * qw) * sy!,
    2 * (qx * qz + qy * qw) * sz!,
    2 * (qy * qz - qx * qw) * sz!,
    (1 - 2 * (qx * qx + qy * qy)) * sz!,
    tx!,
    ty!,
    tz!,
  ];
}

interface Part {
  readonly name: string;
  readonly extras: Record<string, unknown>;
  readonly matrix: Affine;
  readonly position: AccessorReader;
  readonly normal: AccessorReader | null;
  readonly color: AccessorReader | null;
  readonly region: AccessorReader | null;
  /** Stripe phase × fibreSteps per vertex (muscles). */
  readonly fibre: AccessorReader | null;
  readonly index: AccessorReader | null;
}

function parseContainer(buffer: ArrayBuffer): { json: GltfJson; bin: Uint8Array } {
  const view = new DataView(buffer);
  if (buffer.byteLength < 20 || view.getUint32(0, true) !== 0x46546c67)
    throw new GlbError('not a binary glTF file (no "glTF" header)');
  if (view.getUint32(4, true) !== 2) throw new GlbError('only glTF 2.0 is supported');
  const jsonLength = view.getUint32(12, true);
  if (view.getUint32(16, true) !== 0x4e4f534a) throw new GlbError('the first chunk is not JSON');
  if (20 + jsonLength > buffer.byteLength) throw new GlbError('the file is cut short');
  let json: GltfJson;
  try {
    json = JSON.parse(new TextDecoder().decode(new Uint8Array(buffer, 20, jsonLength))) as GltfJson;
  } catch (error) {
    throw new GlbError(`its JSON chunk cannot be read (${String(error)})`);
  }
  const binStart = 20 + jsonLength;
  let bin = new Uint8Array(0);
  if (binStart + 8 <= buffer.byteLength && view.getUint32(binStart + 4, true) === 0x004e4942) {
    bin = new Uint8Array(buffer, binStart + 8, view.getUint32(binStart, true));
  }
  return { json, bin };
}

function viewReader(json: GltfJson, bin: Uint8Array, decoder: MeshoptDecoderLike) {
  const decoded = new Map<number, Uint8Array>();
  return (index: number): Uint8Array => {
    const cached = decoded.get(index);
    if (cached) return cached;
    const view = json.bufferViews?.[index];
    if (!view) throw new GlbError(`buffer view ${index} is missing`);
    const meshopt = view.extensions?.EXT_meshopt_compression;
    let bytes: Uint8Array;
    if (meshopt) {
      if (meshopt.buffer !== 0)
        throw new GlbError('compressed data must sit in the GLB binary chunk');
      const source = bin.subarray(
        meshopt.byteOffset ?? 0,
        (meshopt.byteOffset ?? 0) + meshopt.byteLength,
      );
      bytes = new Uint8Array(meshopt.count * meshopt.byteStride);
      decoder.decodeGltfBuffer(
        bytes,
        meshopt.count,
        meshopt.byteStride,
        source,
        meshopt.mode,
        meshopt.filter,
      );
    } else {
      if (view.buffer !== 0) throw new GlbError('data must sit in the GLB binary chunk');
      bytes = bin.subarray(view.byteOffset ?? 0, (view.byteOffset ?? 0) + view.byteLength);
    }
    decoded.set(index, bytes);
    return bytes;
  };
}

function collectParts(
  json: GltfJson,
  bin: Uint8Array,
  decoder: MeshoptDecoderLike,
): Map<string, Part> {
  for (const extension of json.extensionsRequired ?? []) {
    if (!supportedExtensions.has(extension))
      throw new GlbError(`required extension ${extension} is not supported`);
  }
  const bytesOf = viewReader(json, bin, decoder);
  const accessor = (index: number | undefined): AccessorReader | null => {
    if (index === undefined) return null;
    const a = json.accessors?.[index];
    if (!a || a.bufferView === undefined) throw new GlbError(`accessor ${index} is missing`);
    const view = json.bufferViews![a.bufferView]!;
    const bytes = bytesOf(a.bufferView).subarray(a.byteOffset ?? 0);
    return new AccessorReader(bytes, a, view.byteStride);
  };
  const parts = new Map<string, Part>();
  for (const node of json.nodes ?? []) {
    if (node.mesh === undefined) continue;
    const mesh = json.meshes?.[node.mesh];
    const primitive = mesh?.primitives[0];
    if (!mesh || !primitive || mesh.primitives.length !== 1 || (primitive.mode ?? 4) !== 4)
      throw new GlbError(`node "${node.name}" must have one triangle-list primitive`);
    const extras = { ...(mesh.extras ?? {}), ...(node.extras ?? {}) };
    const { muscle, side } = extras;
    const name =
      typeof muscle === 'string' && (side === 'left' || side === 'right')
        ? `m:${muscle}:${side}`
        : (node.name ?? '');
    const position = accessor(primitive.attributes.POSITION);
    if (!position || position.size !== 3) throw new GlbError(`node "${name}" has no 3D positions`);
    const fibre = accessor(primitive.attributes._FIBRE);
    if (fibre && (fibre.size !== 1 || fibre.normalized))
      throw new GlbError(`node "${name}" has a _FIBRE that is not one plain number per vertex`);
    parts.set(name, {
      name,
      extras,
      matrix: nodeMatrix(node),
      position,
      normal: accessor(primitive.attributes.NORMAL),
      color: accessor(primitive.attributes.COLOR_0),
      region: accessor(primitive.attributes._REGION),
      fibre,
      index: accessor(primitive.indices),
    });
  }
  return parts;
}

/**
 * Whether a matrix mirrors (its linear part's determinant is negative). The linear part's
 * columns start at 0, `stride` and 2·`stride`: 3 for this reader's affine, 4 for a glTF 4×4.
 */
export function mirrors(m: ArrayLike<number>, stride: 3 | 4): boolean {
  const [a, b, c] = [0, stride, 2 * stride];
  const det =
    m[a]! * (m[b + 1]! * m[c + 2]! - m[b + 2]! * m[c + 1]!) -
    m[b]! * (m[a + 1]! * m[c + 2]! - m[a + 2]! * m[c + 1]!) +
    m[c]! * (m[a + 1]! * m[b + 2]! - m[a + 2]! * m[b + 1]!);
  return det < 0;
}

/** Muscle red, for vertices the file gives no colour (linear RGB, as three's vertex colours). */
const muscleColor: Vec3 = [0.65, 0.25, 0.22];
/** Bone, #ede6d3 in linear RGB: the skeleton draws with the muscles' shader, by vertex colour. */
export const boneColor: Vec3 = [0.847, 0.791, 0.651];

/** Merges parts into one geometry in world space; returns each part's vertex range. */
function mergeParts(
  parts: readonly Part[],
  defaultColor = muscleColor,
): { geometry: GeometryData; starts: number[] } {
  const vertexTotal = parts.reduce((sum, p) => sum + p.position.count, 0);
  const indexTotal = parts.reduce((sum, p) => sum + (p.index?.count ?? p.position.count), 0);
  const position = new Float32Array(vertexTotal * 3);
  const normal = new Float32Array(vertexTotal * 3);
  const color = new Float32Array(vertexTotal * 3);
  // no _FIBRE: phase 0, which the muscle shader draws without stripes
  const fibre = new Float32Array(vertexTotal);
  const index = new Uint32Array(indexTotal);
  const starts: number[] = [];
  let base = 0;
  let at = 0;
  for (const part of parts) {
    // the matrix in locals: this loop runs for every vertex of the body, before it is optimized
    const [m0, m1, m2, m3, m4, m5, m6, m7, m8, m9, m10, m11] = part.matrix;
    const vertices = part.position.count;
    const p = part.position.values();
    const n = part.normal?.values() ?? null;
    const c = part.color?.values() ?? null;
    const colorSize = part.color?.size ?? 3;
    const f = part.fibre?.values() ?? null;
    if (f) for (let i = 0; i < vertices; i++) fibre[base + i] = f[i]! / fibreSteps;
    for (let i = 0; i < vertices; i++) {
      const x = p[i * 3]!;
      const y = p[i * 3 + 1]!;
      const z = p[i * 3 + 2]!;
      const k = (base + i) * 3;
      position[k] = m0 * x + m3 * y + m6 * z + m9;
      position[k + 1] = m1 * x + m4 * y + m7 * z + m10;
      position[k + 2] = m2 * x + m5 * y + m8 * z + m11;
      if (n) {
        // a direction: the linear part only, then unit length (as three's transformDirection)
        const a = n[i * 3]!;
        const b = n[i * 3 + 1]!;
        const d = n[i * 3 + 2]!;
        const nx = m0 * a + m3 * b + m6 * d;
        const ny = m1 * a + m4 * b + m7 * d;
        const nz = m2 * a + m5 * b + m8 * d;
        const length = Math.sqrt(nx * nx + ny * ny + nz * nz) || 1;
        normal[k] = nx / length;
        normal[k + 1] = ny / length;
        normal[k + 2] = nz / length;
      }
      color[k] = c ? c[i * colorSize]! : defaultColor[0];
      color[k + 1] = c ? c[i * colorSize + 1]! : defaultColor[1];
      color[k + 2] = c ? c[i * colorSize + 2]! : defaultColor[2];
    }
    const indices = part.index?.integers() ?? null;
    const count = indices?.length ?? vertices;
    // a mirroring node (the right side's muscles share the left's mesh) reverses the winding:
    // each triangle's last two corners swap so its front stays outside
    const mirrored = mirrors(part.matrix, 3);
    for (let t = 0; t < count; t++) {
      const corner = mirrored && t % 3 !== 0 ? t + (t % 3 === 1 ? 1 : -1) : t;
      const vertex = indices ? indices[corner]! : corner;
      if (vertex >= vertices) throw new GlbError(`node "${part.name}" indexes a missing vertex`);
      index[at + t] = base + vertex;
    }
    starts.push(base);
    base += vertices;
    at += count;
  }
  const box = boxOf(position, 0, vertexTotal);
  return {
    geometry: { position, normal, color, fibre, index, box, sphere: sphereOf(position, box) },
    starts,
  };
}

/** The bounding sphere three would compute: centred on the box, reaching the farthest vertex. */
function sphereOf(position: Float32Array, box: BoxArray): GeometryData['sphere'] {
  const cx = (box[0] + box[3]) / 2;
  const cy = (box[1] + box[4]) / 2;
  const cz = (box[2] + box[5]) / 2;
  let farthest = 0;
  for (let k = 0; k < position.length; k += 3) {
    const dx = position[k]! - cx;
    const dy = position[k + 1]! - cy;
    const dz = position[k + 2]! - cz;
    farthest = Math.max(farthest, dx * dx + dy * dy + dz * dz);
  }
  return [cx, cy, cz, Math.sqrt(farthest)];
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
        .map((p) => p.map((c) => c / strandUnitsPerMetre) as [number, number, number]),
    )
    .filter((strand) => strand.length >= 2);
}

/** Bounds of the vertices [start, start + count) of a position array. */
function boxOf(position: Float32Array, start: number, count: number): BoxArray {
  const box = [Infinity, Infinity, Infinity, -Infinity, -Infinity, -Infinity];
  for (let v = start; v < start + count; v++) {
    for (let axis = 0; axis < 3; axis++) {
      const value = position[v * 3 + axis]!;
      if (value < box[axis]!) box[axis] = value;
      if (value > box[axis + 3]!) box[axis + 3] = value;
    }
  }
  return box as unknown as BoxArray;
}

function muscleLayer(layer: 'S' | 'D', parts: readonly Part[], firstIndex: number): LayerData {
  const { geometry, starts } = mergeParts(parts);
  const muscleOfVertex = new Uint16Array(geometry.position.length / 3);
  const muscles = parts.map((part, i): MuscleData => {
    const start = starts[i]!;
    const count = part.position.count;
    const [, muscle = '', sideText] = part.name.split(':');
    const side: Side = sideText === 'left' ? 'left' : 'right';
    muscleOfVertex.fill(firstIndex + i, start, start + count);
    const facing = [0, 0, 0];
    for (let v = start; v < start + count; v++) {
      for (let axis = 0; axis < 3; axis++) facing[axis]! += geometry.normal[v * 3 + axis]!;
    }
    const length = Math.hypot(facing[0]!, facing[1]!, facing[2]!);
    return {
      index: firstIndex + i,
      muscle,
      side,
      layer,
      strands: toStrands(part.extras.strands),
      vertexStart: start,
      vertexCount: count,
      box: boxOf(geometry.position, start, count),
      facing:
        length > 0 ? [facing[0]! / length, facing[1]! / length, facing[2]! / length] : [0, 0, 1],
    };
  });
  return { layer, ...geometry, muscleOfVertex, muscles };
}

/** Vertex adjacency in compressed-row form: each triangle adds its two other corners. */
function adjacency(index: Uint32Array, count: number) {
  const degree = new Uint32Array(count + 1);
  for (let t = 0; t < index.length; t++) degree[index[t]!]! += 2;
  const neighbourStart = new Uint32Array(count + 1);
  for (let i = 0; i < count; i++) neighbourStart[i + 1] = neighbourStart[i]! + degree[i]!;
  const fill = neighbourStart.slice(0, count);
  const neighbours = new Uint32Array(neighbourStart[count]!);
  for (let t = 0; t < index.length; t += 3) {
    const a = index[t]!;
    const b = index[t + 1]!;
    const c = index[t + 2]!;
    neighbours[fill[a]!++] = b;
    neighbours[fill[a]!++] = c;
    neighbours[fill[b]!++] = c;
    neighbours[fill[b]!++] = a;
    neighbours[fill[c]!++] = a;
    neighbours[fill[c]!++] = b;
  }
  return { neighbourStart, neighbours };
}

function skinOf(part: Part): SkinData {
  const { geometry } = mergeParts([part]);
  const regions = Array.isArray(part.extras.regions)
    ? part.extras.regions.filter((r): r is string => typeof r === 'string')
    : [];
  const count = part.position.count;
  const regionOfVertex = new Uint16Array(count);
  if (part.region) regionOfVertex.set(part.region.integers().subarray(0, count));
  const regionCenters = new Float32Array(regions.length * 3);
  const regionBoxes = new Float32Array(regions.length * 6);
  for (let r = 0; r < regions.length; r++)
    regionBoxes.set([Infinity, Infinity, Infinity, -Infinity, -Infinity, -Infinity], r * 6);
  const counts = new Uint32Array(regions.length);
  for (let i = 0; i < count; i++) {
    const r = regionOfVertex[i]!;
    if (r >= regions.length) continue;
    counts[r]!++;
    for (let axis = 0; axis < 3; axis++) {
      const value = geometry.position[i * 3 + axis]!;
      regionCenters[r * 3 + axis]! += value;
      if (value < regionBoxes[r * 6 + axis]!) regionBoxes[r * 6 + axis] = value;
      if (value > regionBoxes[r * 6 + 3 + axis]!) regionBoxes[r * 6 + 3 + axis] = value;
    }
  }
  for (let r = 0; r < regions.length; r++) {
    for (let axis = 0; axis < 3; axis++) regionCenters[r * 3 + axis]! /= Math.max(1, counts[r]!);
  }
  return {
    ...geometry,
    regionOfVertex,
    regions,
    ...adjacency(geometry.index, count),
    regionCenters,
    regionBoxes,
  };
}

/** Reads body.glb into the page's model arrays; throws a GlbError naming what is wrong. */
export function readBodyGlb(buffer: ArrayBuffer, decoder: MeshoptDecoderLike): ModelData {
  const { json, bin } = parseContainer(buffer);
  const parts = collectParts(json, bin, decoder);
  const skin = parts.get('skin');
  const skeleton = parts.get('skeleton');
  if (!skin || !skeleton) throw new GlbError('no "skin" or "skeleton" node');
  const muscles = [...parts.values()]
    .filter((p) => p.name.startsWith('m:'))
    .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  const superficial = muscles.filter((p) => p.extras.layer !== 'D');
  const deep = muscles.filter((p) => p.extras.layer === 'D');
  return {
    skin: skinOf(skin),
    skeleton: mergeParts([skeleton], boneColor).geometry,
    layers: {
      S: muscleLayer('S', superficial, 0),
      D: muscleLayer('D', deep, superficial.length),
    },
  };
}

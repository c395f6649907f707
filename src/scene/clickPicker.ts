/**
 * The body's picking trees (three-mesh-bvh, indirect) and the answer to a click, in the model
 * worker. The view's worker spends up to a frame's time (tens of milliseconds on a software
 * rasterizer) drawing; a click asked there waits for that frame. Asked here, in a worker that is
 * otherwise idle, it is answered in a millisecond or two. The view gets copies of the trees for
 * its own pointer work (hover, painting).
 */
import { BufferAttribute, BufferGeometry, Matrix4, Mesh, Raycaster, Sphere, Vector3 } from 'three';
import { MeshBVH, acceleratedRaycast, type SerializedBVH } from 'three-mesh-bvh';
import {
  markerRadius,
  muscleAtVertex,
  type ClickHit,
  type ClickRequest,
  type ClickTarget,
  type GeometryData,
  type ModelTrees,
  type TreeData,
} from './modelData.ts';
import type { PickSources } from './pickSources.ts';

type Tree = keyof ModelTrees;
const clickTargets: readonly ClickTarget[] = ['S', 'D', 'skeleton'];

function meshOf(data: Pick<GeometryData, 'position' | 'index'>): Mesh {
  const geometry = new BufferGeometry();
  geometry.setAttribute('position', new BufferAttribute(data.position, 3));
  geometry.setIndex(new BufferAttribute(data.index, 1));
  geometry.boundsTree = new MeshBVH(geometry, { indirect: true });
  const mesh = new Mesh(geometry);
  mesh.raycast = acceleratedRaycast;
  return mesh;
}

function serialized(mesh: Mesh): TreeData {
  const tree = MeshBVH.serialize(mesh.geometry.boundsTree as MeshBVH, {
    cloneBuffers: true,
  }) as SerializedBVH;
  return { roots: tree.roots, indirectBuffer: tree.indirectBuffer as Uint32Array };
}

export class ClickPicker {
  private readonly meshes: Readonly<Record<Tree, Mesh>>;
  private readonly raycaster = new Raycaster();
  private readonly inverse = new Matrix4();
  private readonly marker = new Sphere(new Vector3(), markerRadius);

  constructor(private readonly sources: PickSources) {
    this.meshes = {
      S: meshOf(sources.geometry.S),
      D: meshOf(sources.geometry.D),
      skeleton: meshOf(sources.geometry.skeleton),
      skin: meshOf(sources.geometry.skin),
    };
    this.raycaster.firstHitOnly = true;
  }

  /** Copies of the trees, for the view's own raycasts. */
  trees(): ModelTrees {
    return {
      S: serialized(this.meshes.S),
      D: serialized(this.meshes.D),
      skeleton: serialized(this.meshes.skeleton),
      skin: serialized(this.meshes.skin),
    };
  }

  /** What is under the click: a trigger point marker first (they sit inside their muscle). */
  pick(request: ClickRequest): ClickHit {
    const { ray } = this.raycaster;
    ray.origin.setFromMatrixPosition(new Matrix4().fromArray(request.cameraWorld));
    ray.direction
      .set(request.ndc[0], request.ndc[1], 0.5)
      .applyMatrix4(this.inverse.fromArray(request.projectionInverse))
      .applyMatrix4(new Matrix4().fromArray(request.cameraWorld))
      .sub(ray.origin)
      .normalize();
    for (const marker of request.markers) {
      this.marker.center.fromArray(marker.position);
      if (ray.intersectsSphere(this.marker)) return { kind: 'marker', id: marker.id };
    }
    let nearest: { target: ClickTarget; vertex: number; distance: number } | null = null;
    for (const target of clickTargets) {
      if (!request.targets[target]) continue;
      const hit = this.raycaster.intersectObject(this.meshes[target], false)[0];
      if (hit?.face && (!nearest || hit.distance < nearest.distance)) {
        nearest = { target, vertex: hit.face.a, distance: hit.distance };
      }
    }
    if (!nearest) return null;
    // the bones take the click: nothing behind them is chosen
    if (nearest.target === 'skeleton') return { kind: 'blocked' };
    const layer = nearest.target;
    const entry = muscleAtVertex(
      this.sources.muscles[layer],
      this.sources.muscleOfVertex[layer],
      nearest.vertex,
    );
    // a vertex without a muscle is a model fault: the click chooses nothing rather than clearing
    return entry ? { kind: 'muscle', muscle: entry.muscle, side: entry.side } : { kind: 'blocked' };
  }
}

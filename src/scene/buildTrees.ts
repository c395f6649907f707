/**
 * Picking trees (three-mesh-bvh) for the model's merged geometries, built in the model worker.
 * Indirect trees leave each geometry's index untouched, so the page can adopt them later.
 */
import { BufferAttribute, BufferGeometry } from 'three';
import { MeshBVH } from 'three-mesh-bvh';
import type { GeometryData, ModelTrees, TreeData } from './modelData.ts';

function treeOf(data: Pick<GeometryData, 'position' | 'index'>): TreeData {
  const geometry = new BufferGeometry();
  geometry.setAttribute('position', new BufferAttribute(data.position, 3));
  geometry.setIndex(new BufferAttribute(data.index, 1));
  const tree = MeshBVH.serialize(new MeshBVH(geometry, { indirect: true }), {
    cloneBuffers: false,
  });
  return { roots: tree.roots, indirectBuffer: tree.indirectBuffer as Uint32Array };
}

export function buildTrees(
  sources: Readonly<Record<keyof ModelTrees, Pick<GeometryData, 'position' | 'index'>>>,
): ModelTrees {
  return {
    S: treeOf(sources.S),
    D: treeOf(sources.D),
    skeleton: treeOf(sources.skeleton),
    skin: treeOf(sources.skin),
  };
}

/**
 * Screen-space questions about the drawn body, for end-to-end tests and the bench: where in the
 * view is a region or a muscle, and what would a pointer there pick. Points are in CSS pixels from
 * the view's top left corner (the page adds where the view sits).
 */
import { Raycaster, Vector2, Vector3, type Object3D } from 'three';
import { hasPickingTrees, muscleKey } from './prepareModel.ts';
import { getSceneModel, getSceneView } from './sceneModel.ts';
import type { ScreenPoint } from './viewProtocol.ts';

function toView(world: Vector3): ScreenPoint | null {
  const view = getSceneView();
  if (!view) return null;
  const ndc = world.clone().project(view.camera);
  const { width, height } = view.size();
  return { x: ((ndc.x + 1) / 2) * width, y: ((1 - ndc.y) / 2) * height };
}

/** First pickable object under a view point, as the app's own picking would see it. */
function hitAt(point: ScreenPoint): { object: Object3D; vertex: number } | null {
  const view = getSceneView();
  if (!view) return null;
  const { width, height } = view.size();
  const ndc = new Vector2((point.x / width) * 2 - 1, -(point.y / height) * 2 + 1);
  const raycaster = new Raycaster();
  raycaster.setFromCamera(ndc, view.camera);
  const hits = raycaster.intersectObjects(view.scene.children, true);
  const first = hits[0];
  return first?.face ? { object: first.object, vertex: first.face.a } : null;
}

/** Whether the body's picking trees are attached (until then picks are plain triangle tests). */
export function pickingTrees(): boolean {
  const model = getSceneModel();
  return model !== null && hasPickingTrees(model);
}

/** View position of a region's centre. */
export function projectRegion(region: string): ScreenPoint | null {
  const model = getSceneModel();
  const index = model?.skin.regions.indexOf(region) ?? -1;
  const center = index >= 0 ? model?.skin.regionCenters[index] : undefined;
  return center ? toView(center) : null;
}

/** A view point where a click would pick this muscle (unoccluded), or null if none is visible. */
export function musclePoint(muscle: string, side: 'left' | 'right'): ScreenPoint | null {
  const model = getSceneModel();
  const entry = model?.byKey.get(muscleKey(muscle, side));
  if (!model || !entry) return null;
  const layer = model.layers[entry.layer];
  const positions = layer.geometry.getAttribute('position');
  const candidates: Vector3[] = [entry.center.clone()];
  const step = Math.max(1, Math.floor(entry.vertexCount / 60));
  for (let v = entry.vertexStart; v < entry.vertexStart + entry.vertexCount; v += step) {
    candidates.push(new Vector3().fromBufferAttribute(positions, v));
  }
  // nearest the muscle's middle first, so the point is well inside it
  candidates.sort((a, b) => a.distanceToSquared(entry.center) - b.distanceToSquared(entry.center));
  const isMuscle = (point: ScreenPoint): boolean => {
    const hit = hitAt(point);
    return (
      hit?.object.name === `layer-${entry.layer}` &&
      layer.muscleOfVertex[hit.vertex] === entry.index
    );
  };
  // a vertex is often on the muscle's outline as seen: prefer a point whose neighbours 2 px away
  // are the muscle too, so a click there cannot slip off a thin muscle (an interosseous)
  const around = [
    [0, 0],
    [2, 0],
    [-2, 0],
    [0, 2],
    [0, -2],
  ] as const;
  let edge: ScreenPoint | null = null;
  for (const candidate of candidates) {
    const point = toView(candidate);
    if (!point || !isMuscle(point)) continue;
    edge ??= point;
    if (around.every(([dx, dy]) => isMuscle({ x: point.x + dx, y: point.y + dy }))) return point;
    // halfway towards the muscle's middle is often inside it when the vertex is on its outline
    const inner = toView(candidate.clone().lerp(entry.center, 0.25));
    if (inner && around.every(([dx, dy]) => isMuscle({ x: inner.x + dx, y: inner.y + dy })))
      return inner;
  }
  return edge;
}

/** Name of the first pickable object under a view point ("layer-S", "skin", …), or null. */
export function pickAt(x: number, y: number): string | null {
  return hitAt({ x, y })?.object.name ?? null;
}

/**
 * The 3D scene as react-three-fiber renders it in the view (viewRuntime.tsx): lights, the body,
 * the camera rig, and the signals the page waits for (body shown, frame drawn, context lost).
 */
import { useEffect, useMemo, useRef } from 'react';
import { useFrame, useThree } from '@react-three/fiber';
import { useAppStore, viewStateOf } from '../state/store.ts';
import { serializeViewState } from '../core/url-state.ts';
import { BodyModel, mapLayerPending } from './BodyModel.tsx';
import { CameraRig } from './CameraRig.tsx';
import { askForTrees, usePreparedModel } from './usePreparedModel.ts';
import { createSceneLights } from './sceneLights.ts';
import { getSceneModel, isCameraMoving } from './sceneModel.ts';
import { toPage } from './viewOutbox.ts';

let shown = false;
/** Set by the context guard at once: the store's mirrored `webgl` arrives a message later. */
let contextLost = false;
/** False until the body's first frame: the canvas stays hidden, and the warm-up may draw. */
export function bodyShown(): boolean {
  return shown;
}

/**
 * Tells the page that the frame for the current state is drawn, with the state it shows (the
 * page sets `data-ready` and `data-drawn` from it, the signals tests and tools wait for).
 */
function DrawnSignal() {
  const pending = useRef(true);
  const invalidate = useThree((s) => s.invalidate);
  useEffect(
    () =>
      useAppStore.subscribe(() => {
        pending.current = true;
        invalidate();
      }),
    [invalidate],
  );
  useFrame(() => {
    // nothing is drawn while the context is lost: stay not-ready until it is restored
    const state = useAppStore.getState();
    if (!pending.current || !getSceneModel() || contextLost) return;
    // the frame for the current state needs the data (zones, the link's selection), a camera at
    // rest and the nerve map it asks for
    if (!state.dataset || isCameraMoving() || mapLayerPending(state)) return;
    pending.current = false;
    const key = `${serializeViewState(viewStateOf(state))}#${state.cameraRequest}`;
    // runs after this frame's render, which follows the useFrame callbacks in the same tick
    setTimeout(() => toPage({ type: 'drawn', key }), 0);
  });
  return null;
}

/**
 * Says when the frame that first draws the body is out, so the page shows the canvas, and then
 * asks for the picking trees, which never delay that frame. This is mounted before the body: in a
 * worker react-three-fiber subscribes `useFrame` in a passive effect (it has no `window`), so a
 * component mounted with the body can miss the body's first frame, and with frames drawn on
 * demand there may be no second one until the user acts.
 */
function RevealWithBody() {
  useFrame(() => {
    if (shown || !getSceneModel()) return;
    shown = true;
    setTimeout(() => {
      toPage({ type: 'shown' });
      askForTrees();
    }, 0);
  });
  return null;
}

/** Tells the page each new camera, so it can answer clicks without waiting on the view. */
function CameraReport() {
  const camera = useThree((s) => s.camera);
  const last = useRef<string>('');
  useFrame(() => {
    // after the camera rig's update in this tick, before the render
    camera.updateMatrixWorld();
    const cameraWorld = [...camera.matrixWorld.elements];
    const projectionInverse = [...camera.projectionMatrixInverse.elements];
    const key = `${cameraWorld.join()}|${projectionInverse.join()}`;
    if (key === last.current) return;
    last.current = key;
    toPage({ type: 'camera', cameraWorld, projectionInverse });
  });
  return null;
}

function SceneLights() {
  const lights = useMemo(createSceneLights, []);
  return lights.map((light) => <primitive key={light.uuid} object={light} />);
}

/** Keeps the view alive across a lost WebGL context: prevent the default, redraw on restore. */
function ContextLossGuard() {
  const gl = useThree((s) => s.gl);
  const invalidate = useThree((s) => s.invalidate);
  useEffect(() => {
    const canvas = gl.domElement as EventTarget;
    const lost = (event: Event) => {
      event.preventDefault();
      contextLost = true;
      toPage({ type: 'context', lost: true });
    };
    const restored = () => {
      contextLost = false;
      toPage({ type: 'context', lost: false });
      invalidate();
    };
    canvas.addEventListener('webglcontextlost', lost);
    canvas.addEventListener('webglcontextrestored', restored);
    return () => {
      canvas.removeEventListener('webglcontextlost', lost);
      canvas.removeEventListener('webglcontextrestored', restored);
    };
  }, [gl, invalidate]);
  return null;
}

/** `sized`: the view has the page's real size, so the body may be drawn. */
export function SceneTree({ sized }: { readonly sized: boolean }) {
  const model = usePreparedModel();
  // the body's first frame waits for the data, so a shared link's zones are in it: one costly
  // first frame under software rendering, not two
  const hasData = useAppStore((s) => s.dataset !== null);
  return (
    <>
      <SceneLights />
      {sized && hasData && model && <BodyModel model={model} />}
      <CameraRig />
      <CameraReport />
      <RevealWithBody />
      <DrawnSignal />
      <ContextLossGuard />
    </>
  );
}

import { Component, useEffect, useMemo, useRef, type ReactNode } from 'react';
import { useFrame, useThree } from '@react-three/fiber';
import { useAppStore, viewStateOf } from '../state/store.ts';
import { serializeViewState } from '../core/url-state.ts';
import { BodyModel } from './BodyModel.tsx';
import { CameraRig } from './CameraRig.tsx';
import { BodyCanvas } from './BodyCanvas.tsx';
import { usePreparedModel } from './usePreparedModel.ts';
import { createSceneLights } from './sceneLights.ts';
import { getSurface, isSurfaceHidden, revealSurface } from './surface.ts';
import { getSceneModel, getSceneView, isCameraMoving, setSceneView } from './sceneModel.ts';
import { installTestHooks } from '../state/testHooks.ts';
import { markFirstScreenDone } from '../state/firstScreen.ts';
import { webglAvailable } from '../ui/webgl.ts';
import { musclePoint, pickAt, projectRegion } from './probe.ts';
import { messageOf } from '../core/errors.ts';

installTestHooks({ musclePoint, pickAt, projectRegion, drawNow: () => getSceneView()?.render() });

/**
 * Tells tests and tools that the frame for the current state is on screen:
 * `data-ready="true"` once the model is drawn, `data-drawn` = the state that frame shows.
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
    if (!pending.current || !getSceneModel() || state.webgl === 'lost') return;
    // the frame for the current state needs the data (zones, the link's selection) and a camera at rest
    if (!state.dataset || isCameraMoving()) return;
    pending.current = false;
    const key = `${serializeViewState(viewStateOf(state))}#${state.cameraRequest}`;
    // runs after this frame's render, which follows the useFrame callbacks in the same tick
    setTimeout(() => {
      const root = document.documentElement;
      root.dataset.drawn = key;
      markFirstScreenDone();
    }, 0);
  });
  return null;
}

/** Shows the canvas in the frame that first draws the body (surface.ts says why it waits). */
function RevealWithBody() {
  const gl = useThree((s) => s.gl);
  useFrame(() => {
    if (isSurfaceHidden(gl) && getSceneModel()) {
      revealSurface(gl);
    }
  });
  return null;
}

function SceneLights() {
  const lights = useMemo(createSceneLights, []);
  return lights.map((light) => <primitive key={light.uuid} object={light} />);
}

/**
 * Makes the renderer and starts compiling the body's shaders, as soon as this module has loaded:
 * the page calls it before React mounts the view.
 */
export function prepareViewer(): void {
  // without WebGL the view is never shown (App says why instead)
  if (!webglAvailable()) return;
  try {
    getSurface();
  } catch {
    // the view reports it when it mounts
  }
}

/** Keeps the view alive across a lost WebGL context: prevent the default, redraw on restore. */
function ContextLossGuard() {
  const gl = useThree((s) => s.gl);
  const invalidate = useThree((s) => s.invalidate);
  useEffect(() => {
    const canvas = gl.domElement;
    const lost = (event: Event) => {
      event.preventDefault();
      useAppStore.getState().setWebgl('lost');
      document.documentElement.dataset.ready = 'false';
    };
    const restored = () => {
      useAppStore.getState().setWebgl('ok');
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

class ModelErrorBoundary extends Component<{ children: ReactNode }, { error: string | null }> {
  override state = { error: null as string | null };
  static getDerivedStateFromError(error: unknown) {
    return { error: messageOf(error) };
  }
  override componentDidCatch() {
    // the message is the first screen's last piece
    markFirstScreenDone();
  }
  override render() {
    if (this.state.error) {
      return (
        <div className="viewer-message" role="alert">
          <p>
            <strong>The 3D body could not be shown.</strong> {this.state.error}
          </p>
          <p>Search and the muscle list still work.</p>
        </div>
      );
    }
    return this.props.children;
  }
}

export function Viewer() {
  const webgl = useAppStore((s) => s.webgl);
  if (webgl === 'unavailable') return null;
  return (
    <ModelErrorBoundary>
      <BodyView />
    </ModelErrorBoundary>
  );
}

function BodyView() {
  const model = usePreparedModel();
  // the body's first frame waits for the data, so a shared link's zones are in it: one costly
  // first frame under software rendering, not two
  const hasData = useAppStore((s) => s.dataset !== null);
  return (
    <BodyCanvas
      label="3D body. Use the search box or the muscle list for keyboard access."
      onCreated={({ gl, camera, scene }) => {
        setSceneView({
          camera,
          scene,
          canvas: gl.domElement,
          render: () => gl.render(scene, camera),
        });
        useAppStore.getState().setWebgl('ok');
      }}
      onPointerMissed={(event) => {
        if (event.type === 'click' && useAppStore.getState().mode === 'explore') {
          useAppStore.getState().select(null);
        }
      }}
    >
      <SceneLights />
      {hasData && model && <BodyModel model={model} />}
      <CameraRig />
      <RevealWithBody />
      <DrawnSignal />
      <ContextLossGuard />
    </BodyCanvas>
  );
}

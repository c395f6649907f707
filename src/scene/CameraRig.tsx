import { useEffect, useRef } from 'react';
import { OrbitControls } from '@react-three/drei';
import { useFrame, useThree } from '@react-three/fiber';
import { PerspectiveCamera, Vector3 } from 'three';
import type { OrbitControls as OrbitControlsImpl } from 'three-stdlib';
import { useAppStore, type AppState } from '../state/store.ts';
import { bestView, bodyCenter, cameraGoal, selectionBox } from './framing.ts';
import { getSceneModel, onSceneModel, setCameraMoving } from './sceneModel.ts';
import { prefersReducedMotion } from './motion.ts';
import { viewPointer } from './pointerTarget.ts';

const tweenMs = 450;

export function CameraRig() {
  const camera = useThree((s) => s.camera) as PerspectiveCamera;
  const invalidate = useThree((s) => s.invalidate);
  const controls = useRef<OrbitControlsImpl | null>(null);
  const tween = useRef<{
    from: Vector3;
    fromTarget: Vector3;
    to: Vector3;
    toTarget: Vector3;
    start: number;
  } | null>(null);

  useEffect(() => {
    let lastRequest = -1;
    // the view a link asks for appears at once: no glide until the data has arrived
    let settledWithData = false;
    const move = (state: AppState, instantRequested: boolean) => {
      const model = getSceneModel();
      const orbit = controls.current;
      if (!model || !orbit || state.cameraRequest === lastRequest) return;
      lastRequest = state.cameraRequest;
      const instant = instantRequested || !settledWithData;
      if (state.dataset) settledWithData = true;
      const view = state.view ?? bestView(model, state);
      const goal = cameraGoal(camera, view, selectionBox(model, state));
      if (instant || prefersReducedMotion()) {
        camera.position.copy(goal.position);
        orbit.target.copy(goal.target);
        orbit.update();
        tween.current = null;
        setCameraMoving(false);
      } else {
        tween.current = {
          from: camera.position.clone(),
          fromTarget: orbit.target.clone(),
          to: goal.position,
          toTarget: goal.target,
          start: performance.now(),
        };
        setCameraMoving(true);
      }
      invalidate();
    };
    const unsubscribeModel = onSceneModel(() => move(useAppStore.getState(), true));
    move(useAppStore.getState(), true);
    const unsubscribeStore = useAppStore.subscribe((state) => move(state, false));
    return () => {
      unsubscribeModel();
      unsubscribeStore();
    };
  }, [camera, invalidate]);

  useFrame(() => {
    const active = tween.current;
    const orbit = controls.current;
    if (!active || !orbit) return;
    const t = Math.min(1, (performance.now() - active.start) / tweenMs);
    const eased = t * t * (3 - 2 * t);
    camera.position.lerpVectors(active.from, active.to, eased);
    orbit.target.lerpVectors(active.fromTarget, active.toTarget, eased);
    orbit.update();
    if (t < 1) invalidate();
    else {
      tween.current = null;
      setCameraMoving(false);
      // one more frame, so the final view is drawn and reported
      invalidate();
    }
  });

  return (
    <OrbitControls
      ref={controls}
      makeDefault
      // the page passes its pointer on to the view (viewLink.ts); the controls listen there
      domElement={viewPointer as unknown as HTMLElement}
      enableDamping={false}
      minDistance={0.35}
      maxDistance={7}
      target={bodyCenter}
    />
  );
}

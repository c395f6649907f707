/**
 * The bench's reference page: a bare react-three-fiber canvas with one box, on the page's main
 * thread, with the app's view settings (src/scene/canvasSettings.ts: camera, context attributes,
 * pixel ratio range, frames on demand). It sets `data-ready="true"` after its first frame, as the
 * app's page does when its view reports the body's first frame, so `scripts/bench.ts` can time
 * both the same way (firstFrameRatio).
 */
import { useRef } from 'react';
import { createRoot } from 'react-dom/client';
import { Canvas, useFrame } from '@react-three/fiber';
import { canvasSettings, clearColor } from '../../src/scene/canvasSettings.ts';

function ReadySignal() {
  const done = useRef(false);
  useFrame(() => {
    if (done.current) return;
    done.current = true;
    // runs after this frame's render, which follows the useFrame callbacks in the same tick
    setTimeout(() => {
      document.documentElement.dataset.ready = 'true';
    }, 0);
  });
  return null;
}

const root = document.getElementById('root');
if (!root) throw new Error('no #root');
createRoot(root).render(
  <Canvas {...canvasSettings()} onCreated={({ gl }) => gl.setClearColor(clearColor)}>
    <hemisphereLight args={['#ffffff', '#8a7f72', 1.4]} />
    <directionalLight position={[1.5, 3, 2.5]} intensity={1.5} />
    <mesh position={[0, 1, 0]}>
      <boxGeometry args={[0.5, 0.5, 0.5]} />
      <meshStandardMaterial color="#b0574a" />
    </mesh>
    <ReadySignal />
  </Canvas>,
);

// The shape of the app's `window.__atlas` test hooks (src/state/testHooks.ts), as tests see it.
interface AtlasPoint {
  x: number;
  y: number;
}

interface Window {
  __atlas?: {
    store: {
      getState(): {
        selection: { muscle: string; side: 'left' | 'right' } | null;
        view: string | null;
        cameraRequest: number;
        painSpots: readonly string[];
        [key: string]: unknown;
      };
    };
    projectRegion?: (region: string) => AtlasPoint | null;
    musclePoint?: (muscle: string, side: 'left' | 'right') => AtlasPoint | null;
    pickAt?: (x: number, y: number) => string | null;
    drawNow?: () => void;
  };
}

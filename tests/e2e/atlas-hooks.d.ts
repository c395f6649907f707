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
    // the 3D view answers from its worker: promises
    projectRegion?: (region: string) => Promise<AtlasPoint | null>;
    musclePoint?: (muscle: string, side: 'left' | 'right') => Promise<AtlasPoint | null>;
    pickAt?: (x: number, y: number) => Promise<string | null>;
    snapshot?: () => Promise<ImageBitmap | null>;
    loseContext?: () => Promise<boolean>;
    restoreContext?: () => Promise<boolean>;
  };
}

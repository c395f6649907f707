import { useAppStore } from '../state/store.ts';
import {
  bodyLayerNames,
  mapLayerNames,
  shownMapLayer,
  viewPresets,
  type Layers,
  type MapLayerName,
} from '../core/url-state.ts';
import { overlayTitles } from '../core/nerveOverlay.ts';

const layerLabels: Record<(typeof bodyLayerNames)[number], string> = {
  skin: 'Skin',
  superficial: 'Superficial muscles',
  deep: 'Deep muscles',
  skeleton: 'Skeleton',
};

/** One nerve map at a time, or none: radio buttons, so the arrow keys move between them. */
function MapLayerChoice({ layers }: { layers: Layers }) {
  const shown = shownMapLayer(layers);
  const choose = (name: MapLayerName | null) => {
    const store = useAppStore.getState();
    if (name) store.setLayer(name, true);
    else for (const other of mapLayerNames) store.setLayer(other, false);
  };
  return (
    <fieldset className="layers">
      <legend>Nerve map on the skin</legend>
      {[null, ...mapLayerNames].map((name) => (
        <label key={name ?? 'none'}>
          <input
            type="radio"
            name="nerve-map"
            checked={shown === name}
            onChange={() => choose(name)}
          />{' '}
          {name ? overlayTitles[name] : 'None'}
        </label>
      ))}
    </fieldset>
  );
}

/** Layer toggles start open on wide screens, folded on phones where the body needs the room. */
function wideScreen(): boolean {
  // no window while the build prerenders the first screen: render the wide layout then
  if (typeof window === 'undefined') return true;
  return window.matchMedia?.('(min-width: 861px)').matches ?? true;
}

/** Camera presets and layer toggles, as ordinary buttons and checkboxes. */
export function ViewControls() {
  const layers = useAppStore((s) => s.layers);
  const view = useAppStore((s) => s.view);
  const webgl = useAppStore((s) => s.webgl);
  if (webgl === 'unavailable') return null;
  return (
    <div className="view-controls">
      <div role="group" aria-label="Camera" className="button-row">
        {viewPresets.map((preset) => (
          <button
            key={preset}
            type="button"
            aria-pressed={view === preset}
            onClick={() => useAppStore.getState().setView(preset)}
          >
            {preset[0]!.toUpperCase() + preset.slice(1)}
          </button>
        ))}
        <button
          type="button"
          onClick={() => {
            const store = useAppStore.getState();
            store.select(null);
            store.setView('front');
          }}
        >
          Reset
        </button>
      </div>
      <details className="layers-menu" open={wideScreen() || undefined}>
        <summary>Layers</summary>
        <fieldset className="layers">
          <legend className="visually-hidden">Layers</legend>
          {bodyLayerNames.map((name) => (
            <label key={name}>
              <input
                type="checkbox"
                checked={layers[name]}
                onChange={(event) => useAppStore.getState().setLayer(name, event.target.checked)}
              />{' '}
              {layerLabels[name]}
            </label>
          ))}
        </fieldset>
        <MapLayerChoice layers={layers} />
      </details>
    </div>
  );
}

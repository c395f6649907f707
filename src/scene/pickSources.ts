/**
 * What the model worker keeps to answer clicks (clickPicker.ts), copied from the model before its
 * arrays go to the page. No three.js here: the worker loads it only when the trees are built.
 */
import type { GeometryData, ModelData, ModelTrees } from './modelData.ts';

interface MuscleRef {
  readonly index: number;
  readonly muscle: string;
  readonly side: 'left' | 'right';
}

/** What a click needs from the model: geometry (the skin's for its tree), and whose vertex. */
export interface PickSources {
  readonly geometry: Readonly<Record<keyof ModelTrees, Pick<GeometryData, 'position' | 'index'>>>;
  readonly muscleOfVertex: Readonly<Record<'S' | 'D', Uint16Array>>;
  readonly muscles: Readonly<Record<'S' | 'D', readonly MuscleRef[]>>;
}

/** Copies of what a click needs, taken before the model's own arrays go to the page. */
export function pickSourcesOf(model: ModelData): PickSources {
  const copy = (g: GeometryData) => ({ position: g.position.slice(), index: g.index.slice() });
  const refs = (layer: 'S' | 'D') =>
    model.layers[layer].muscles.map(({ index, muscle, side }) => ({ index, muscle, side }));
  return {
    geometry: {
      S: copy(model.layers.S),
      D: copy(model.layers.D),
      skeleton: copy(model.skeleton),
      skin: copy(model.skin),
    },
    muscleOfVertex: {
      S: model.layers.S.muscleOfVertex.slice(),
      D: model.layers.D.muscleOfVertex.slice(),
    },
    muscles: { S: refs('S'), D: refs('D') },
  };
}

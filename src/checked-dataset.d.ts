// The build's checked dataset (scripts/dataset-plugin.ts).
declare module 'virtual:checked-dataset' {
  const data: import('./core/assemble.ts').CheckedData;
  export default data;
  /** The same data as JSON text (what the page sends the 3D view's worker). */
  export const json: string;
}

// The build's checked nerve maps: dermatomes and nerve territories (scripts/dataset-plugin.ts).
declare module 'virtual:nerve-maps' {
  const maps: import('./core/nerveMatch.ts').NerveMaps;
  export default maps;
}

// The muscles left out on purpose, with why (data/uncharted; scripts/dataset-plugin.ts).
declare module 'virtual:uncharted-muscles' {
  const uncharted: import('./core/uncharted.ts').UnchartedMuscles;
  export default uncharted;
}

// The built URL of a code chunk, for a retry under a new query (scripts/chunk-url-plugin.ts).
declare module 'virtual:chunk-url/*' {
  const url: string;
  export default url;
}

// The build's checked dataset (scripts/dataset-plugin.ts).
declare module 'virtual:checked-dataset' {
  const data: import('./core/dataset.ts').CheckedData;
  export default data;
}

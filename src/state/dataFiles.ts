/**
 * The dataset's JSON files, bundled into one chunk that the app loads lazily: one request instead
 * of one per file, and the first paint does not wait for it.
 */
const muscles = import.meta.glob<unknown>('../../data/muscles/*.json', {
  import: 'default',
  eager: true,
});
const conditions = import.meta.glob<unknown>('../../data/conditions/*.json', {
  import: 'default',
  eager: true,
});
export { default as landmarks } from '../../data/anatomy/landmarks.json';

/** Files in path order, with repository-relative paths for messages. */
function filesOf(modules: Record<string, unknown>) {
  return Object.entries(modules)
    .sort(([a], [b]) => (a < b ? -1 : 1))
    .map(([path, json]) => ({ path: path.replace(/^(\.\.\/)+/, ''), json }));
}

export const muscleFiles = filesOf(muscles);
export const conditionFiles = filesOf(conditions);

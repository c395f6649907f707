/**
 * The dataset's lookups over records that have been checked (src/core/dataset.ts checks them):
 * muscles by id and group, trigger points, conditions, regions, search. No zod here: the browser
 * builds these from the data the build checked, without parsing it again.
 */
import { muscleGroups } from './muscleGroups.ts';
import { vocabularyOf, type Landmark, type RegionVocabulary } from './regionIds.ts';
import type { Condition, MuscleGroup, MuscleRecord, TriggerPoint } from './schema.ts';

export interface TriggerPointEntry {
  muscle: MuscleRecord;
  point: TriggerPoint;
}

export interface Dataset {
  /** Records in file order. */
  muscles: ReadonlyMap<string, MuscleRecord>;
  /** Every group of the schema, in schema order, each in file order (possibly empty). */
  musclesByGroup: ReadonlyMap<MuscleGroup, readonly MuscleRecord[]>;
  /** Trigger points by id (`piriformis.trp1`). */
  triggerPoints: ReadonlyMap<string, TriggerPointEntry>;
  conditions: ReadonlyMap<string, Condition>;
  regions: RegionVocabulary;
  /** Muscles matching a search by id, name, alias or Latin name; best matches first. */
  findMuscles(query: string): MuscleRecord[];
}

/** The lookups over checked records. */
export function datasetOf(
  records: readonly MuscleRecord[],
  conditionList: readonly Condition[],
  regions: RegionVocabulary,
): Dataset {
  const muscles = new Map(records.map((record) => [record.id, record]));
  const musclesByGroup = new Map<MuscleGroup, MuscleRecord[]>(
    muscleGroups.map((group) => [group, []]),
  );
  const triggerPoints = new Map<string, TriggerPointEntry>();
  for (const muscle of muscles.values()) {
    musclesByGroup.get(muscle.group)?.push(muscle);
    for (const point of muscle.triggerPoints) triggerPoints.set(point.id, { muscle, point });
  }
  return {
    muscles,
    musclesByGroup,
    triggerPoints,
    conditions: new Map(conditionList.map((condition) => [condition.id, condition])),
    regions,
    findMuscles: (query) => searchMuscles(muscles.values(), query),
  };
}

/**
 * The dataset as the build hands it to the browser (scripts/dataset-plugin.ts): the records,
 * conditions and landmarks exactly as loadDataset parsed and cross-checked them.
 */
export interface CheckedData {
  readonly muscles: readonly MuscleRecord[];
  readonly conditions: readonly Condition[];
  readonly landmarks: readonly Landmark[];
}

export function checkedDataOf(dataset: Dataset): CheckedData {
  return {
    muscles: [...dataset.muscles.values()],
    conditions: [...dataset.conditions.values()],
    landmarks: [...dataset.regions.landmarks.values()],
  };
}

/**
 * The dataset from data the build has already checked: the lookups only, without parsing every
 * record again (the browser would spend about 80 ms of its start on that).
 */
export function assembleDataset(data: CheckedData): Dataset {
  return datasetOf(data.muscles, data.conditions, vocabularyOf(data.landmarks));
}

/** Lower case, underscores and hyphens as spaces: "Gluteus_Minimus" -> "gluteus minimus". */
export function searchable(text: string): string {
  return text
    .toLowerCase()
    .replace(/[_\s-]+/g, ' ')
    .trim();
}

/** 0 exact, 1 prefix, 2 a word starts with it, 3 contains it; null when no match. */
export function matchRank(field: string, query: string): number | null {
  const text = searchable(field);
  if (text === query) return 0;
  if (text.startsWith(query)) return 1;
  if (text.split(' ').some((word) => word.startsWith(query))) return 2;
  if (text.includes(query)) return 3;
  return null;
}

/**
 * Muscles whose id, name, aliases or Latin name match `query` (case-insensitive), ranked exact,
 * prefix, word prefix, substring; ties keep file order. An empty query lists every muscle.
 */
export function searchMuscles(muscles: Iterable<MuscleRecord>, query: string): MuscleRecord[] {
  const wanted = searchable(query);
  const all = [...muscles];
  if (wanted === '') return all;
  const ranked: { muscle: MuscleRecord; rank: number; order: number }[] = [];
  all.forEach((muscle, order) => {
    const ranks = [muscle.id, muscle.name, muscle.latin, ...muscle.aliases]
      .map((field) => matchRank(field, wanted))
      .filter((rank): rank is number => rank !== null);
    if (ranks.length > 0) ranked.push({ muscle, rank: Math.min(...ranks), order });
  });
  return ranked.sort((a, b) => a.rank - b.rank || a.order - b.order).map((entry) => entry.muscle);
}

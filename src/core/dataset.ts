/**
 * Loads and cross-checks the clinical dataset: muscle records, conditions and the region
 * vocabulary. Pure: the scripts and the build read the files and pass the parsed JSON in (the
 * browser only assembles the lookups over what the build checked, src/core/assemble.ts).
 * Every problem is reported, each as `<file>: <record>.<path>: <message>`.
 */
import { z } from 'zod';
import { describeIssues, joinPath, valueAt, type IssuePath } from './issues.ts';
import { readRegionVocabulary, type RegionVocabulary } from './regions.ts';
import { Condition, MuscleFile, MuscleRecord, type RegionRef } from './schema.ts';
import { didYouMean, editDistance } from './suggest.ts';
import { datasetOf, type Dataset } from './assemble.ts';

export {
  assembleDataset,
  checkedDataOf,
  searchMuscles,
  type CheckedData,
  type Dataset,
  type TriggerPointEntry,
} from './assemble.ts';

export interface DataFile {
  /** Repository-relative path, used in messages. */
  path: string;
  json: unknown;
}

export interface DatasetInput {
  muscleFiles: readonly DataFile[];
  conditionFiles: readonly DataFile[];
  landmarks: unknown;
  /** region-names.json; the bundled copy when omitted. */
  regionNames?: unknown;
  /** Muscle ids with both `m:<id>:left` and `m:<id>:right` nodes; model not checked when omitted. */
  modelMuscleIds?: ReadonlySet<string>;
  /** Ids that must have a record (docs/muscles.md); none when omitted. */
  requiredMuscleIds?: readonly string[];
  landmarksPath?: string;
  regionNamesPath?: string;
  modelPath?: string;
}

export type DatasetResult =
  { ok: true; dataset: Dataset; warnings: string[] } | { ok: false; errors: string[] };

/** Never throws: anything unexpected becomes an error message. */
export function loadDataset(input: DatasetInput): DatasetResult {
  try {
    return new DatasetChecker(input).run();
  } catch (error) {
    return { ok: false, errors: [`dataset could not be loaded: ${String(error)}`] };
  }
}

/** Muscle ids with nodes for both sides, from the model's node names (`m:<id>:<side>`). */
export function muscleIdsInModel(nodeNames: Iterable<string>): Set<string> {
  const sidesOf = new Map<string, Set<string>>();
  for (const name of nodeNames) {
    const match = /^m:([^:]+):(left|right)$/.exec(name);
    if (!match?.[1] || !match[2]) continue;
    const seen = sidesOf.get(match[1]) ?? new Set<string>();
    seen.add(match[2]);
    sidesOf.set(match[1], seen);
  }
  return new Set([...sidesOf].filter(([, seen]) => seen.size === 2).map(([id]) => id));
}

/** A file's shape around its records, so each record can be checked on its own. */
const MuscleFileShape = MuscleFile.extend({
  muscles: z.array(z.unknown()).min(1, 'needs at least one muscle'),
});

/** Paths inside a record where a region reference sits. */
function isRegionRefPath(path: IssuePath): boolean {
  const tail = path.slice(-3);
  const refInReferral =
    tail[0] === 'referral' &&
    (tail[1] === 'essential' || tail[1] === 'spillover') &&
    typeof tail[2] === 'number';
  const refInCondition = path.length === 2 && path[0] === 'regions' && typeof path[1] === 'number';
  return refInReferral || refInCondition;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** How a reference reads in a message: `"calf"` or `"calf" (opposite side)`. */
function showRef(ref: RegionRef): string {
  return typeof ref === 'string' ? `"${ref}"` : `"${ref.region}" (${ref.side} side)`;
}

/** Same landmark on the same relative side: what "contained in the referral" compares. */
function refKey(ref: RegionRef, vocabulary: RegionVocabulary): string {
  const landmark = typeof ref === 'string' ? ref : ref.region;
  if (vocabulary.landmarks.get(landmark)?.midline) return landmark;
  return `${landmark}:${typeof ref === 'string' ? 'same' : ref.side}`;
}

function baseName(path: string): string {
  return (path.split('/').pop() ?? path).replace(/\.json$/, '');
}

function folderOf(paths: readonly string[], fallback: string): string {
  const first = paths[0];
  if (first === undefined || !first.includes('/')) return fallback;
  return first.slice(0, first.lastIndexOf('/'));
}

type RefOwner = 'muscle' | 'condition';

class DatasetChecker {
  private readonly errors: string[] = [];
  private readonly warnings: string[] = [];
  private readonly vocabulary: RegionVocabulary | undefined;
  /** Every string id a muscle record claims, valid or not: avoids cascades of "unknown muscle". */
  private readonly claimedMuscleIds = new Map<string, string>();
  private readonly muscles = new Map<string, MuscleRecord>();
  private readonly conditions = new Map<string, Condition>();

  constructor(private readonly input: DatasetInput) {
    const result = readRegionVocabulary(input.landmarks, input.regionNames ?? undefined, {
      landmarks: input.landmarksPath ?? 'data/anatomy/landmarks.json',
      names: input.regionNamesPath ?? 'data/anatomy/region-names.json',
    });
    if (result.ok) {
      this.vocabulary = result.vocabulary;
      this.warnings.push(...result.warnings);
    } else {
      this.errors.push(...result.errors);
    }
  }

  run(): DatasetResult {
    const muscleFiles = Array.isArray(this.input.muscleFiles) ? this.input.muscleFiles : [];
    const conditionFiles = Array.isArray(this.input.conditionFiles)
      ? this.input.conditionFiles
      : [];
    for (const file of muscleFiles) this.checkMuscleFile(file);
    this.checkRequiredMuscles(muscleFiles.map((file) => file.path));
    this.checkModel();
    for (const file of conditionFiles) this.checkConditionFile(file);
    if (this.errors.length > 0 || this.vocabulary === undefined) {
      return { ok: false, errors: this.errors };
    }
    return { ok: true, dataset: this.buildDataset(this.vocabulary), warnings: this.warnings };
  }

  private checkMuscleFile({ path: file, json }: DataFile): void {
    const shape = MuscleFileShape.safeParse(json);
    if (!shape.success) {
      for (const { path, message } of describeIssues(shape.error, json, MuscleFileShape)) {
        this.errors.push(`${file}: ${joinPath('', path) || '(file)'}: ${message}`);
      }
      if (!isObject(json) || !Array.isArray(json.muscles)) return;
    }
    const records = (json as { muscles: unknown[] }).muscles;
    records.forEach((raw, index) => this.checkMuscle(file, raw, index));
  }

  private checkMuscle(file: string, raw: unknown, index: number): void {
    const rawId = isObject(raw) && typeof raw.id === 'string' && raw.id !== '' ? raw.id : null;
    const label = rawId ?? `muscles[${index}]`;
    const where = (path: IssuePath): string => `${file}: ${joinPath(label, path)}`;
    if (rawId !== null) {
      const first = this.claimedMuscleIds.get(rawId);
      if (first !== undefined) {
        this.errors.push(`${where(['id'])}: duplicate muscle id "${rawId}" (first in ${first})`);
        return;
      }
      this.claimedMuscleIds.set(rawId, file);
    }
    const record = this.parseReportingIssues(MuscleRecord, raw, where);
    this.checkRawRefs(raw, ['referral'], where, 'muscle');
    if (isObject(raw) && Array.isArray(raw.triggerPoints)) {
      raw.triggerPoints.forEach((_, j) =>
        this.checkRawRefs(raw, ['triggerPoints', j, 'referral'], where, 'muscle'),
      );
    }
    if (!record) return;
    this.checkTriggerPoints(record, where);
    this.muscles.set(record.id, record);
  }

  /**
   * Parses once: the value when it fits the schema, else null and its issues reported, except bad
   * region strings (checkRawRefs words those better).
   */
  private parseReportingIssues<T>(
    schema: z.ZodType<T>,
    raw: unknown,
    where: (path: IssuePath) => string,
  ): T | null {
    const parsed = schema.safeParse(raw);
    if (parsed.success) return parsed.data;
    const leftToRefCheck = (path: IssuePath): boolean =>
      this.vocabulary !== undefined &&
      isRegionRefPath(path) &&
      typeof valueAt(raw, path) === 'string';
    const issues = parsed.error.issues.filter((issue) => !leftToRefCheck(issue.path));
    const error = new z.ZodError(issues);
    for (const { path, message } of describeIssues(error, raw, schema)) {
      this.errors.push(`${where(path)}: ${message}`);
    }
    return null;
  }

  /** Region references under `referralPath` (or a condition's `regions`), checked against the vocabulary. */
  private checkRawRefs(
    raw: unknown,
    referralPath: IssuePath,
    where: (path: IssuePath) => string,
    owner: RefOwner,
  ): void {
    const lists: IssuePath[] =
      owner === 'condition'
        ? [['regions']]
        : [
            [...referralPath, 'essential'],
            [...referralPath, 'spillover'],
          ];
    for (const listPath of lists) {
      const list = valueAt(raw, listPath);
      if (!Array.isArray(list)) continue;
      const seen = new Set<string>();
      list.forEach((ref: unknown, k) => {
        const path = [...listPath, k];
        const key = this.checkRef(ref, path, where, owner);
        if (key === null) return;
        if (seen.has(key))
          this.warnings.push(`${where(path)}: ${JSON.stringify(ref)} is listed twice`);
        seen.add(key);
      });
    }
  }

  /** Checks one reference; returns a key for duplicate detection, or null when unusable. */
  private checkRef(
    ref: unknown,
    path: IssuePath,
    where: (path: IssuePath) => string,
    owner: RefOwner,
  ): string | null {
    const vocabulary = this.vocabulary;
    if (vocabulary === undefined) return null;
    const landmarkIds = [...vocabulary.landmarks.keys()];
    if (typeof ref === 'string') {
      const [landmark = '', side] = ref.split(':');
      const known = vocabulary.landmarks.get(landmark);
      if (side !== undefined && known !== undefined) {
        this.errors.push(
          `${where(path)}: ${sideSuffixHint(ref, landmark, known.midline, side, owner)}`,
        );
        return null;
      }
      if (known === undefined) {
        this.errors.push(
          `${where(path)}: unknown region "${ref}"${didYouMean(landmark, landmarkIds)}`,
        );
        return null;
      }
      return landmark;
    }
    if (!isObject(ref) || typeof ref.region !== 'string') return null;
    const known = vocabulary.landmarks.get(ref.region);
    if (known === undefined) {
      this.errors.push(
        `${where([...path, 'region'])}: unknown region "${ref.region}"${didYouMean(ref.region, landmarkIds)}`,
      );
      return null;
    }
    if (known.midline && ref.side === 'opposite') {
      this.warnings.push(
        `${where(path)}: "${ref.region}" is on the midline, so "side" has no effect: write "${ref.region}"`,
      );
    }
    return `${ref.region}:${String(ref.side)}`;
  }

  private checkTriggerPoints(record: MuscleRecord, where: (path: IssuePath) => string): void {
    const seen = new Set<string>();
    const vocabulary = this.vocabulary;
    const muscleZone = vocabulary
      ? new Set(
          [...record.referral.essential, ...record.referral.spillover].map((ref) =>
            refKey(ref, vocabulary),
          ),
        )
      : new Set<string>();
    record.triggerPoints.forEach((point, j) => {
      if (!point.id.startsWith(`${record.id}.`)) {
        this.errors.push(
          `${where(['triggerPoints', j, 'id'])}: "${point.id}" must start with "${record.id}."`,
        );
      }
      if (seen.has(point.id)) {
        this.errors.push(
          `${where(['triggerPoints', j, 'id'])}: duplicate trigger point id "${point.id}"`,
        );
      }
      seen.add(point.id);
      if (vocabulary === undefined || point.referral === undefined) return;
      for (const level of ['essential', 'spillover'] as const) {
        point.referral[level].forEach((ref, k) => {
          const landmark = typeof ref === 'string' ? ref : ref.region;
          if (!vocabulary.landmarks.has(landmark)) return;
          if (muscleZone.has(refKey(ref, vocabulary))) return;
          this.errors.push(
            `${where(['triggerPoints', j, 'referral', level, k])}: ${showRef(ref)} is not in the muscle's referral (add it to ${record.id}.referral)`,
          );
        });
      }
    });
  }

  private checkRequiredMuscles(paths: readonly string[]): void {
    const folder = folderOf(paths, 'data/muscles');
    const required = this.input.requiredMuscleIds ?? [];
    const extras = [...this.claimedMuscleIds.keys()].filter((id) => !required.includes(id));
    for (const id of required) {
      if (this.claimedMuscleIds.has(id)) continue;
      // Only a near miss (two edits) hints at a typo: gluteus_medius is not a misspelt gluteus_minimus.
      const near = extras.find((extra) => editDistance(id, extra) <= 2) ?? null;
      const hint =
        near === null
          ? ''
          : ` (is "${near}" in ${this.claimedMuscleIds.get(near)} meant to be it?)`;
      this.errors.push(`${folder}: missing required muscle "${id}" (docs/muscles.md)${hint}`);
    }
  }

  private checkModel(): void {
    const inModel = this.input.modelMuscleIds;
    if (inModel === undefined) return;
    const model = this.input.modelPath ?? 'public/models/body.glb';
    for (const [id, file] of this.claimedMuscleIds) {
      if (inModel.has(id)) continue;
      this.errors.push(
        `${file}: ${id}: no model nodes "m:${id}:left" and "m:${id}:right" in ${model}`,
      );
    }
    for (const id of inModel) {
      if (!this.claimedMuscleIds.has(id)) {
        this.warnings.push(`${model}: nodes for "${id}" but no muscle record`);
      }
    }
  }

  private checkConditionFile({ path: file, json }: DataFile): void {
    const rawId = isObject(json) && typeof json.id === 'string' && json.id !== '' ? json.id : null;
    const label = rawId ?? baseName(file);
    const where = (path: IssuePath): string => `${file}: ${joinPath(label, path)}`;
    if (rawId !== null && this.conditions.has(rawId)) {
      this.errors.push(`${where(['id'])}: duplicate condition id "${rawId}"`);
      return;
    }
    const condition = this.parseReportingIssues(Condition, json, where);
    this.checkRawRefs(json, [], where, 'condition');
    const muscleIds = [...this.claimedMuscleIds.keys()];
    const listed = isObject(json) && Array.isArray(json.muscles) ? json.muscles : [];
    const seen = new Set<unknown>();
    listed.forEach((id: unknown, k) => {
      if (typeof id !== 'string') return;
      if (seen.has(id)) this.errors.push(`${where(['muscles', k])}: "${id}" is listed twice`);
      else if (!this.claimedMuscleIds.has(id)) {
        this.errors.push(
          `${where(['muscles', k])}: unknown muscle "${id}"${didYouMean(id, muscleIds)}`,
        );
      }
      seen.add(id);
    });
    if (condition) this.conditions.set(condition.id, condition);
  }

  private buildDataset(regions: RegionVocabulary): Dataset {
    return datasetOf([...this.muscles.values()], [...this.conditions.values()], regions);
  }
}

/** The hint for `buttock:left` in a record: records name the muscle's own side without a suffix. */
function sideSuffixHint(
  ref: string,
  landmark: string,
  midline: boolean,
  side: string,
  owner: RefOwner,
): string {
  if (midline) return `"${landmark}" is on the midline and has no side: write "${landmark}"`;
  if (owner === 'condition') {
    return `"${ref}" names a side, but a condition's regions are side-free (the user picks the side): write "${landmark}"`;
  }
  if (side === 'right') {
    return `"${ref}" names a side, but records are written for the right side: write "${landmark}"`;
  }
  return `"${ref}" names a side, but records are written for the right side: write { "region": "${landmark}", "side": "opposite" } for the other side`;
}

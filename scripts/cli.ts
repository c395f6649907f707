/**
 * `npm run cli -- <command>`: the dataset from the terminal, through src/core only.
 * Commands live in one table (`commands`); a new one (e.g. `where-it-hurts`) is one more entry.
 * Tests call `main(argv, io)` in-process; `node`/`tsx` runs it as a script.
 */
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Dataset } from '../src/core/dataset.ts';
import { regionLabel, type RegionVocabulary, type Side } from '../src/core/regions.ts';
import { muscleGroupTitles, type MuscleRecord, type RegionRef } from '../src/core/schema.ts';
import { didYouMean } from '../src/core/suggest.ts';
import { whereItHurtsCommand } from './cli/where-it-hurts.ts';
import { readDataset, readNerveMaps, readUncharted } from './read-data.ts';
import type { NerveMaps } from '../src/core/nerveMatch.ts';
import { unchartedNamed, type UnchartedMuscle } from '../src/core/uncharted.ts';

export interface CliIo {
  out(text: string): void;
  err(text: string): void;
}

export interface ParsedArgs {
  positionals: string[];
  /** `--json` -> true, `--side left` -> "left". */
  options: Map<string, string | true>;
}

export interface CommandContext {
  args: ParsedArgs;
  io: CliIo;
  /** Loads (once) and returns the dataset, or null after printing why it could not. */
  dataset(): Dataset | null;
  /** The checked nerve maps of the data folder; null (after printing why) if they fail. */
  nerveMaps(): NerveMaps | null;
  /** The muscles left out on purpose, with why; none when the data folder has no list. */
  uncharted(): readonly UnchartedMuscle[];
}

export interface CliCommand {
  name: string;
  /** Arguments as shown in the usage, e.g. `<id> [--json]`. */
  usage: string;
  summary: string;
  /** Options this command accepts: flag (no value) or value. */
  options: Record<string, 'flag' | 'value'>;
  run(context: CommandContext): number;
}

/** Exit status for bad input: an unknown command, option or id. */
export const usageError = 2;

const groupTitles = muscleGroupTitles;

/** Rows as columns padded to the widest cell, two spaces apart. */
export function alignColumns(rows: readonly (readonly string[])[]): string[] {
  const widths: number[] = [];
  for (const row of rows)
    row.forEach((cell, i) => (widths[i] = Math.max(widths[i] ?? 0, cell.length)));
  return rows.map((row) =>
    row
      .map((cell, i) => (i === row.length - 1 ? cell : cell.padEnd(widths[i] ?? 0)))
      .join('  ')
      .trimEnd(),
  );
}

function json(io: CliIo, value: unknown): void {
  io.out(JSON.stringify(value, null, 2));
}

/** A record's reference in words, without a side: "buttock", "buttock (other side)". */
function refWords(ref: RegionRef, vocabulary: RegionVocabulary): string {
  const landmark = typeof ref === 'string' ? ref : ref.region;
  const name = vocabulary.landmarks.get(landmark)?.name ?? landmark;
  return typeof ref !== 'string' && ref.side === 'opposite' ? `${name} (other side)` : name;
}

/** A record's reference as the person's region on `side`: "right buttock". */
function refLabel(ref: RegionRef, side: Side, vocabulary: RegionVocabulary): string {
  const landmark = vocabulary.landmarks.get(typeof ref === 'string' ? ref : ref.region);
  if (landmark === undefined) return typeof ref === 'string' ? ref : ref.region;
  const opposite = typeof ref !== 'string' && ref.side === 'opposite';
  const onSide: Side = opposite ? (side === 'left' ? 'right' : 'left') : side;
  return regionLabel(landmark.midline ? landmark.id : `${landmark.id}:${onSide}`, vocabulary);
}

/** Drops the editor-only `$schema` key from records printed as JSON. */
function withoutSchemaKey<T extends object>(record: T): Omit<T, '$schema'> {
  const { $schema: _schema, ...rest } = record as T & { $schema?: unknown };
  return rest;
}

const musclesCommand: CliCommand = {
  name: 'muscles',
  usage: '[--json]',
  summary: 'list every muscle by body group, with where it refers pain',
  options: { json: 'flag' },
  run({ args, io, dataset }) {
    const data = dataset();
    if (data === null) return usageError;
    if (args.options.has('json')) {
      json(io, [...data.muscles.values()]);
      return 0;
    }
    for (const [group, muscles] of data.musclesByGroup) {
      if (muscles.length === 0) continue;
      io.out(`${groupTitles[group]} (${muscles.length})`);
      const rows = muscles.map((m) => [
        m.id,
        m.name,
        m.layer === 'S' ? 'superficial' : 'deep',
        `${m.triggerPoints.length} TrP`,
        m.referral.essential.map((ref) => refWords(ref, data.regions)).join(', '),
      ]);
      for (const line of alignColumns([
        ['ID', 'NAME', 'LAYER', 'POINTS', 'REFERS PAIN TO'],
        ...rows,
      ])) {
        io.out(`  ${line}`);
      }
      io.out('');
    }
    io.out(`${data.muscles.size} muscles, ${data.triggerPoints.size} trigger points`);
    return 0;
  },
};

function printMuscle(
  io: CliIo,
  muscle: MuscleRecord,
  side: Side,
  vocabulary: RegionVocabulary,
): void {
  const labels = (refs: readonly RegionRef[]) =>
    refs.map((ref) => refLabel(ref, side, vocabulary)).join(', ') || '-';
  const list = (title: string, items: readonly string[]) => {
    if (items.length === 0) return;
    io.out(`\n${title}`);
    for (const item of items) io.out(`  - ${item}`);
  };
  io.out(`${muscle.name} (${muscle.latin})`);
  const facts = [`id: ${muscle.id}`, `group: ${groupTitles[muscle.group]}`];
  facts.push(`layer: ${muscle.layer === 'S' ? 'superficial' : 'deep'}`);
  if (muscle.aliases.length > 0) facts.push(`also called: ${muscle.aliases.join(', ')}`);
  io.out(facts.join(' | '));
  io.out(`\nAnatomy`);
  for (const line of alignColumns([
    ['Origin:', muscle.origin],
    ['Insertion:', muscle.insertion],
    ['Action:', muscle.action],
    ['Innervation:', muscle.innervation],
  ])) {
    io.out(`  ${line}`);
  }
  io.out(`\nRefers pain to (muscle on the ${side})`);
  io.out(`  Essential: ${labels(muscle.referral.essential)}`);
  io.out(`  Spillover: ${labels(muscle.referral.spillover)}`);
  io.out(`\nTrigger points`);
  for (const point of muscle.triggerPoints) {
    io.out(
      `  ${point.id}  ${point.label} (${point.kind}, ${Math.round(point.at.along * 100)}% along)`,
    );
    io.out(`    Find it: ${point.locate}`);
    if (point.referral) {
      io.out(
        `    Refers to: ${labels(point.referral.essential)}; sometimes ${labels(point.referral.spillover)}`,
      );
    }
  }
  list('Symptoms', muscle.symptoms);
  list('Often mistaken for', muscle.mimics);
  list('Keeps it going', muscle.perpetuatingFactors);
  io.out(`\nSelf-care`);
  for (const care of muscle.selfCare) {
    io.out(`  ${care.title} (${care.kind}, ${care.tool})`);
    io.out(`    Position: ${care.position}`);
    care.steps.forEach((step, i) => io.out(`    ${i + 1}. ${step}`));
    io.out(`    Dose: ${care.dose}`);
    for (const caution of care.cautions) io.out(`    Caution: ${caution}`);
  }
  list('Cautions', muscle.cautions);
  list('Red flags: see a clinician', muscle.redFlags);
  list(
    'Sources',
    muscle.sources.map((s) =>
      [s.citation, s.chapter && `chapter: ${s.chapter}`, s.doi && `doi:${s.doi}`]
        .filter(Boolean)
        .join(' | '),
    ),
  );
}

const muscleCommand: CliCommand = {
  name: 'muscle',
  usage: '<id> [--side left|right] [--json]',
  summary: 'one muscle: anatomy, trigger points, referral, self-care, sources',
  options: { json: 'flag', side: 'value' },
  run({ args, io, dataset, uncharted }) {
    const id = args.positionals[0];
    if (id === undefined || args.positionals.length > 1) {
      io.err(`usage: muscle ${this.usage}`);
      return usageError;
    }
    const side = args.options.get('side') ?? 'right';
    if (side !== 'left' && side !== 'right') {
      io.err(`unknown side "${String(side)}" (use "left" or "right")`);
      return usageError;
    }
    const data = dataset();
    if (data === null) return usageError;
    const muscle = data.muscles.get(id);
    if (muscle === undefined) {
      const leftOut = unchartedNamed(uncharted(), id);
      if (leftOut)
        io.err(
          `"${id}": ${leftOut.name} is not charted in this atlas. ${leftOut.why} Look at: ${leftOut.see.join(', ')}.`,
        );
      else io.err(`unknown muscle "${id}"${didYouMean(id, data.muscles.keys())}`);
      return usageError;
    }
    if (args.options.has('json')) json(io, muscle);
    else printMuscle(io, muscle, side, data.regions);
    return 0;
  },
};

const regionsCommand: CliCommand = {
  name: 'regions',
  usage: '[--json]',
  summary: 'every body region id with its plain name, by body area',
  options: { json: 'flag' },
  run({ args, io, dataset }) {
    const data = dataset();
    if (data === null) return usageError;
    const vocabulary = data.regions;
    const regions = vocabulary.regionIds.map((id) => {
      const [landmark = id, side = null] = id.split(':');
      const area = vocabulary.landmarks.get(landmark)?.area ?? '';
      return { id, landmark, side, label: regionLabel(id, vocabulary), area };
    });
    if (args.options.has('json')) {
      json(io, regions);
      return 0;
    }
    for (const area of new Set(regions.map((region) => region.area))) {
      const inArea = regions.filter((region) => region.area === area);
      io.out(`${area} (${inArea.length})`);
      for (const line of alignColumns(inArea.map((region) => [region.id, region.label]))) {
        io.out(`  ${line}`);
      }
      io.out('');
    }
    io.out(`${regions.length} regions from ${vocabulary.landmarks.size} landmarks`);
    return 0;
  },
};

const conditionsCommand: CliCommand = {
  name: 'conditions',
  usage: '[--json]',
  summary: 'common complaints, the muscles most likely behind them, and red flags',
  options: { json: 'flag' },
  run({ args, io, dataset }) {
    const data = dataset();
    if (data === null) return usageError;
    const conditions = [...data.conditions.values()].map(withoutSchemaKey);
    if (args.options.has('json')) {
      json(io, conditions);
      return 0;
    }
    for (const condition of conditions) {
      io.out(`${condition.name} (${condition.id})`);
      io.out(`  ${condition.summary}`);
      io.out(`  Where: ${condition.regions.map((ref) => refWords(ref, data.regions)).join(', ')}`);
      io.out(`  Muscles, most likely first: ${condition.muscles.join(', ')}`);
      io.out(`  Red flags: ${condition.redFlags.join(' ')}`);
      io.out('');
    }
    io.out(`${conditions.length} conditions`);
    return 0;
  },
};

export const commands: CliCommand[] = [
  musclesCommand,
  muscleCommand,
  regionsCommand,
  conditionsCommand,
  whereItHurtsCommand,
];

export function usage(): string {
  const rows = commands.map((command) => [`${command.name} ${command.usage}`, command.summary]);
  return [
    'usage: npm run cli -- <command> [options]',
    '',
    'commands:',
    ...alignColumns(rows).map((line) => `  ${line}`),
    '',
    'options for every command:',
    '  --data <folder>  read the dataset from <folder> instead of data/',
    '  --help           show this help',
  ].join('\n');
}

/** Splits argv into positionals and `--name [value]` options; unknown options are an error. */
export function parseArgs(
  argv: readonly string[],
  known: Record<string, 'flag' | 'value'>,
): ParsedArgs | string {
  const positionals: string[] = [];
  const options = new Map<string, string | true>();
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] ?? '';
    if (!arg.startsWith('--')) {
      positionals.push(arg);
      continue;
    }
    const [name = '', inline] = arg.slice(2).split('=', 2);
    const kind = known[name];
    if (kind === undefined) {
      const names = Object.keys(known).map((option) => `--${option}`);
      return `unknown option "--${name}"${didYouMean(`--${name}`, names)}`;
    }
    if (kind === 'flag') options.set(name, true);
    else {
      const value = inline ?? argv[++i];
      if (value === undefined) return `option "--${name}" needs a value`;
      options.set(name, value);
    }
  }
  return { positionals, options };
}

const commonOptions = { data: 'value', help: 'flag' } as const;

export function main(argv: readonly string[], io: CliIo): number {
  const [name, ...rest] = argv;
  if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
    (name === undefined ? io.err : io.out)(usage());
    return name === undefined ? usageError : 0;
  }
  const command = commands.find((candidate) => candidate.name === name);
  if (command === undefined) {
    io.err(
      `unknown command "${name}"${didYouMean(
        name,
        commands.map((c) => c.name),
      )}\n`,
    );
    io.err(usage());
    return usageError;
  }
  const args = parseArgs(
    rest.map((arg) => (arg === '-h' ? '--help' : arg)),
    { ...command.options, ...commonOptions },
  );
  if (typeof args === 'string') {
    io.err(`${args}\nusage: npm run cli -- ${command.name} ${command.usage}`);
    return usageError;
  }
  if (args.options.has('help')) {
    io.out(`usage: npm run cli -- ${command.name} ${command.usage}\n\n${command.summary}`);
    return 0;
  }
  const dataOption = args.options.get('data');
  let loaded: Dataset | null | undefined;
  const dataset = (): Dataset | null => {
    if (loaded !== undefined) return loaded;
    const result = readDataset({
      ...(typeof dataOption === 'string' ? { dataDir: resolve(dataOption) } : {}),
      modelPath: null,
      requireAllMuscles: false,
    });
    if (result.ok) return (loaded = result.dataset);
    io.err(
      `the data has ${result.errors.length} problem(s); npm run validate:data lists them all:`,
    );
    for (const error of result.errors.slice(0, 10)) io.err(`  ${error}`);
    return (loaded = null);
  };
  const nerveMaps = (): NerveMaps | null => {
    const data = dataset();
    if (data === null) return null;
    const maps = readNerveMaps(
      data,
      typeof dataOption === 'string' ? resolve(dataOption) : undefined,
    );
    if (maps === null) return { dermatomes: [], nerves: [] };
    if (maps.ok) return maps.maps;
    for (const error of maps.errors.slice(0, 10)) io.err(`  ${error}`);
    return null;
  };
  const uncharted = (): readonly UnchartedMuscle[] => {
    const data = dataset();
    if (data === null) return [];
    const result = readUncharted(
      data,
      typeof dataOption === 'string' ? resolve(dataOption) : undefined,
    );
    // a broken list only costs the explanation; validate:data names its problems
    return result?.ok ? result.uncharted.muscles : [];
  };
  return command.run({ args, io, dataset, nerveMaps, uncharted });
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  // `cli muscles | head` closes the pipe early: that is not an error.
  process.stdout.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE') process.exit(0);
    throw error;
  });
  process.exitCode = main(process.argv.slice(2), {
    out: (text) => process.stdout.write(`${text}\n`),
    err: (text) => process.stderr.write(`${text}\n`),
  });
}

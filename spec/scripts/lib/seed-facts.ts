/**
 * The facts the fact check needs from the seed API reference, as a committed data file (`spec/seed-facts.json`):
 * class names, their fields with type, requiredness and enum values, and the top-level aliases. Tests read this
 * file, so they pass in a clone that has nothing beside it; `pnpm spec:seed-facts` re-derives it from the seed
 * reference when that is present (and `--check` fails if the committed file drifted from it).
 */
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { SPEC_DIR } from './paths.js';
import { parseSeed, parseSeedAliases, type SeedClass } from './seed-parser.js';

/** Where the derived facts live, relative to nothing outside the repository. */
export const SEED_FACTS_FILE = join(SPEC_DIR, 'seed-facts.json');

/** The derived facts and where they came from. */
export interface SeedFacts {
  /** File name of the seed reference they were derived from, and the SHA-256 of its text. */
  source: { file: string; sha256: string };
  /** Seed classes, sorted by name, each with its fields in reference order. */
  classes: SeedClass[];
  /** Top-level type aliases that are not classes (`BetaError = ...`), in reference order. */
  aliases: string[];
}

/** Derives the facts from the text of a seed reference file. */
export function deriveSeedFacts(file: string, text: string): SeedFacts {
  const classes = [...parseSeed(text).values()].sort((a, b) => a.name.localeCompare(b.name));
  const classNames = new Set(classes.map((c) => c.name));
  return {
    source: { file: basename(file), sha256: createHash('sha256').update(text).digest('hex') },
    classes,
    aliases: parseSeedAliases(text).filter((n) => !classNames.has(n)),
  };
}

/** The committed facts. */
export function loadSeedFacts(file = SEED_FACTS_FILE): SeedFacts {
  if (!existsSync(file)) {
    throw new Error(`${file} is missing: run \`pnpm spec:seed-facts\` where the seed reference is available`);
  }
  return JSON.parse(readFileSync(file, 'utf8')) as SeedFacts;
}

/** Stable JSON for the data file: two-space indent, one trailing newline. */
export function formatSeedFacts(facts: SeedFacts): string {
  return `${JSON.stringify(facts, null, 2)}\n`;
}

/** Finds the seed reference file (`001_*.txt`) in `dir`, or undefined when it is not there. */
export function findSeedFile(dir: string): string | undefined {
  const name = existsSync(dir) ? readdirSync(dir).find((f) => /^001_.*\.txt$/.test(f)) : undefined;
  return name ? join(dir, name) : undefined;
}

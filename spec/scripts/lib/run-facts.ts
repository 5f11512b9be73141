import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { bundleSpec } from './bundle.js';
import { type AllowEntry, checkAlias, checkClass, checkGaCounterpart, type FactResult } from './facts.js';
import { SPEC_DIR, seedsDir } from './paths.js';
import { parseSeed, parseSeedAliases } from './seed-parser.js';

/** Outcome of a whole fact-check run. */
export interface FactReport {
  seedFile: string;
  classCount: number;
  aliasCount: number;
  /** GA schemas checked against their beta seed class. */
  gaCount: number;
  results: FactResult[];
  passed: number;
  failed: number;
}

/** Reads spec/fact-check-allowlist.yaml (a list of `{class, field?, reason}`). */
export function loadAllowlist(file = join(SPEC_DIR, 'fact-check-allowlist.yaml')): AllowEntry[] {
  if (!existsSync(file)) return [];
  const entries = (parse(readFileSync(file, 'utf8')) as { allow?: AllowEntry[] } | null)?.allow ?? [];
  for (const e of entries)
    if (!e.class || !e.reason) throw new Error(`${file}: every entry needs class and reason`);
  return entries;
}

/** Finds the seed reference file (`001_*.txt`). */
export function findSeedFile(dir = seedsDir()): string {
  const name = existsSync(dir) ? readdirSync(dir).find((f) => /^001_.*\.txt$/.test(f)) : undefined;
  if (!name) throw new Error(`no 001_*.txt seed reference in ${dir} (set SDKGEN_SEEDS_DIR to override)`);
  return join(dir, name);
}

/** Parses the seed, bundles the spec and checks every seed class and top-level alias. */
export async function runFactCheck(seedFile = findSeedFile()): Promise<FactReport> {
  const text = readFileSync(seedFile, 'utf8');
  const classes = [...parseSeed(text).values()].sort((a, b) => a.name.localeCompare(b.name));
  const classNames = new Set(classes.map((c) => c.name));
  const aliases = parseSeedAliases(text).filter((n) => !classNames.has(n));
  const { doc } = await bundleSpec();
  const allow = loadAllowlist();
  const ga = classes.flatMap((c) => checkGaCounterpart(doc, c, allow) ?? []);
  const results = [
    ...classes.map((c) => checkClass(doc, c, allow)),
    ...aliases.map((a) => checkAlias(doc, a, allow)),
    ...ga,
  ];
  const failed = results.filter((r) => r.problems.length > 0).length;
  return {
    seedFile,
    classCount: classes.length,
    aliasCount: aliases.length,
    gaCount: ga.length,
    results,
    passed: results.length - failed,
    failed,
  };
}

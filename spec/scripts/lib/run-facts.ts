import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { bundleSpec } from './bundle.js';
import { type AllowEntry, checkAlias, checkClass, checkGaCounterpart, type FactResult } from './facts.js';
import { SPEC_DIR } from './paths.js';
import { loadSeedFacts, type SeedFacts } from './seed-facts.js';

/** Outcome of a whole fact-check run. */
export interface FactReport {
  /** The seed reference the committed facts were derived from. */
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

/** Bundles the spec and checks every seed class and top-level alias of the committed seed facts. */
export async function runFactCheck(facts: SeedFacts = loadSeedFacts()): Promise<FactReport> {
  const { classes, aliases } = facts;
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
    seedFile: facts.source.file,
    classCount: classes.length,
    aliasCount: aliases.length,
    gaCount: ga.length,
    results,
    passed: results.length - failed,
    failed,
  };
}

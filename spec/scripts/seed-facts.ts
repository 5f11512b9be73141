/**
 * `pnpm spec:seed-facts [--check]`: re-derives `spec/seed-facts.json` from the seed API reference, which sits
 * beside the repository in this project's workspace (`../shared/seeds/001_*.txt` from the repo root, or
 * $SDKGEN_SEEDS_DIR). The tests never read the seed itself, only the committed file.
 * Without the seed reference it says so and exits 0 (a public clone has none); with `--check` it exits 1 when the
 * committed facts differ, as data, from what the seed gives (the layout is left to the formatter).
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { relative } from 'node:path';
import { seedsDir } from './lib/paths.js';
import { deriveSeedFacts, findSeedFile, formatSeedFacts, SEED_FACTS_FILE } from './lib/seed-facts.js';

const check = process.argv.includes('--check');
const dir = seedsDir();
const seed = findSeedFile(dir);
if (!seed) {
  console.log(`spec:seed-facts: no 001_*.txt seed reference in ${dir}; nothing to derive`);
  process.exit(0);
}
const derived = formatSeedFacts(deriveSeedFacts(seed, readFileSync(seed, 'utf8')));
const target = relative(process.cwd(), SEED_FACTS_FILE);
let committed = '';
try {
  committed = readFileSync(SEED_FACTS_FILE, 'utf8');
} catch {
  // first derivation
}
// Compared as data: the committed file is kept in the repository's formatter style, which lays arrays out
// differently from JSON.stringify.
if (sameJson(committed, derived)) {
  console.log(`spec:seed-facts: ${target} matches ${seed}`);
} else if (check) {
  console.error(
    `spec:seed-facts: ${target} drifted from ${seed}; run \`pnpm spec:seed-facts\` and commit it`,
  );
  process.exit(1);
} else {
  writeFileSync(SEED_FACTS_FILE, derived);
  console.log(`spec:seed-facts: wrote ${target} from ${seed}`);
}

function sameJson(a: string, b: string): boolean {
  try {
    return JSON.stringify(JSON.parse(a)) === JSON.stringify(JSON.parse(b));
  } catch {
    return false;
  }
}

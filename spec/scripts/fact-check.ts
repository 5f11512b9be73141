/**
 * `pnpm spec:facts`: checks the bundled spec against the facts of the seed API reference, as committed in
 * `spec/seed-facts.json` (re-derived by `pnpm spec:seed-facts`). Prints each failing class, then
 * `N passed, M failed`; exits 1 on failures.
 * Deliberate differences are listed in spec/fact-check-allowlist.yaml (and explained in spec/README.md).
 */
import { runFactCheck } from './lib/run-facts.js';

const verbose = process.argv.includes('--verbose');
const report = await runFactCheck();
for (const r of report.results) {
  for (const p of r.problems) console.log(`FAIL ${r.name}: ${p}`);
  if (verbose) for (const a of r.allowed) console.log(`ALLOWED ${r.name}: ${a}`);
}
console.log(
  `seed: ${report.seedFile} (${report.classCount} classes, ${report.aliasCount} aliases; ` +
    `${report.gaCount} GA schemas checked against their Beta class)`,
);
console.log(`${report.passed} passed, ${report.failed} failed`);
process.exit(report.failed > 0 ? 1 : 0);

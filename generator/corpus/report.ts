import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { CLASS_CAUSES, classify } from './classify.js';

/** One spec's result in the corpus run. */
export interface SpecResult {
  id: string;
  generated: boolean;
  generateMs: number;
  /** Type-checks with `exactOptionalPropertyTypes` on (the base tsconfig) and off. */
  exact: boolean;
  loose: boolean;
  /** `<status or TS code>: <message>` of the first failure, and its class. */
  failure?: string;
  failureClass?: string;
  /** Where the failure is: `generate`, `tsc (exact)`, `tsc (loose)` or both. */
  failedIn?: string;
  typeErrors?: number;
}

/** The run as a whole. */
export interface CorpusRun {
  source: string;
  selection: string;
  date: string;
  wallMs: number;
  results: SpecResult[];
}

const pct = (n: number, of: number) => `${((100 * n) / Math.max(of, 1)).toFixed(1)}%`;

/** Totals, then the failure classes with counts, then every failure with its cause. */
export function renderResults(run: CorpusRun): string {
  const r = run.results;
  const n = r.length;
  const gen = r.filter((x) => x.generated).length;
  const exact = r.filter((x) => x.exact).length;
  const loose = r.filter((x) => x.loose).length;
  const both = r.filter((x) => x.exact && x.loose).length;
  const failed = r.filter((x) => x.failure);
  const classes = new Map<string, SpecResult[]>();
  for (const f of failed) classes.set(f.failureClass!, [...(classes.get(f.failureClass!) ?? []), f]);
  const lines = [
    '# sdkgen corpus results',
    '',
    `Written by \`pnpm corpus\` (generator/corpus/cli.ts); do not edit. ${run.source}; ${run.selection}.`,
    `Each spec is generated with the minimal config (\`autoResources: {}\`) and its output, which carries its own`,
    'runtime, is type-checked as written (only its dependencies installed), strict, with and without',
    '`exactOptionalPropertyTypes`.',
    `Run ${run.date}, ${(run.wallMs / 1000).toFixed(0)} s wall.`,
    '',
    '| specs | generate | type-check (exact optional) | type-check (loose optional) | both |',
    '| ---: | ---: | ---: | ---: | ---: |',
    `| ${n} | ${gen} (${pct(gen, n)}) | ${exact} (${pct(exact, n)}) | ${loose} (${pct(loose, n)}) | ${both} (${pct(both, n)}) |`,
    '',
    '## Failure classes',
    '',
    '| class | specs | cause |',
    '| --- | ---: | --- |',
    ...[...classes]
      .sort((a, b) => b[1].length - a[1].length)
      .map(([c, list]) => `| ${c} | ${list.length} | ${CLASS_CAUSES[c] ?? 'unclassified'} |`),
    '',
    '## Every failure',
    '',
    '| spec | class | where | first error |',
    '| --- | --- | --- | --- |',
    ...failed.map((f) => `| ${f.id} | ${f.failureClass} | ${f.failedIn} | ${cell(f.failure!)} |`),
    '',
  ];
  return lines.join('\n');
}

function cell(s: string): string {
  const one = s.split('\n')[0]!.replace(/\|/g, '\\|');
  return one.length > 220 ? `${one.slice(0, 217)}...` : one;
}

/** The repository root (this file is `generator/corpus/report.ts`), as messages spell it. */
const REPO_ROOT = fileURLToPath(new URL('../../', import.meta.url));

/** Results are committed: messages quote paths relative to the repository, never this machine's. */
function repoRelative(text: string): string {
  return text.split(REPO_ROOT).join('');
}

export function writeResults(run: CorpusRun, mdPath: string, jsonPath: string): void {
  writeFileSync(mdPath, repoRelative(renderResults(run)));
  writeFileSync(jsonPath, repoRelative(`${JSON.stringify(run, null, 1)}\n`));
}

export { classify };

import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Tally } from './ots-check.js';
import { SCHEMA_CLASSES, type SchemaClass } from './ots-classes.js';
import type { CompareResult, CompareTimings, CompareTotals } from './ots-run.js';

/** A comparison run as written to openapi-typescript.json. */
export interface ComparisonRun {
  source: string;
  tool: string;
  selection: string;
  date: string;
  wallMs: number;
  timings: CompareTimings;
  totals: CompareTotals;
  results: CompareResult[];
}

const pct = (n: number, of: number) => `${((100 * n) / Math.max(of, 1)).toFixed(1)}%`;
const both = (n: number, of: number) => `${n} (${pct(n, of)})`;
const sec = (ms: number) => `${(ms / 1000).toFixed(0)} s`;
const kb = (bytes: number) => `${(bytes / 1e6).toFixed(1)} MB`;

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s.length === 0 ? 0 : s[Math.floor(s.length / 2)]!;
}

function cell(s: string): string {
  const one = repoRelative(s).split('\n')[0]!.replace(/\|/g, '\\|');
  return one.length > 200 ? `${one.slice(0, 197)}...` : one;
}

/** A thrown message with its specifics (names, pointers, numbers) blanked, to group like failures. */
function errorKey(message: string): string {
  return message
    .split('\n')[0]!
    .replace(/"[^"]*"|(?<=\s)'[^']*'|`[^`]*`/g, '"…"')
    .replace(/#\/\S+/g, '#/…')
    .replace(/\d+/g, 'N')
    .slice(0, 90);
}

/** Classes of failure: thrown errors by message, tsc failures by first error code. */
function failureClasses(results: CompareResult[]): { where: string; key: string; specs: string[] }[] {
  const groups = new Map<string, { where: string; key: string; specs: string[] }>();
  const add = (where: string, key: string, id: string) => {
    const k = `${where}\0${key}`;
    if (!groups.has(k)) groups.set(k, { where, key, specs: [] });
    groups.get(k)!.specs.push(id);
  };
  for (const r of results) {
    if (r.ots.status !== 'ok') add(`openapi-typescript ${r.ots.status}`, errorKey(r.ots.message ?? ''), r.id);
    for (const k of ['tree', 'named'] as const)
      if (r.ots[k]?.error) add(`openapi-typescript ${k}: tsc`, r.ots[k]!.error!.split(':')[0]!, r.id);
    if (r.sdkgen?.failure) add(`sdkgen ${r.sdkgen.failedIn}`, r.sdkgen.failureClass ?? '', r.id);
  }
  return [...groups.values()].sort(
    (a, b) => b.specs.length - a.specs.length || a.where.localeCompare(b.where),
  );
}

const ratio = (t: Tally, n: keyof Tally, of: keyof Tally) => `${t[n]} of ${t[of]}`;

/** What each class is checked for: a label and the counter (of a total) that shows it. */
const CLASS_CHECKS: Record<SchemaClass, [string, (t: Tally) => string][]> = {
  'allof-conflict': [
    ['conflicting properties that take no value', (t) => ratio(t, 'conflictsUnwritable', 'conflicts')],
  ],
  'boolean-schema': [
    ['properties that take no value', (t) => ratio(t, 'unwritableProps', 'props')],
    ['properties typed `unknown`', (t) => ratio(t, 'unknownProps', 'props')],
  ],
  'non-identifier-key': [['spec properties missing from the type', (t) => ratio(t, 'missingProps', 'props')]],
  'additional-with-properties': [
    ['named properties that take no value', (t) => ratio(t, 'unwritableProps', 'props')],
    ['objects with an index signature', (t) => ratio(t, 'indexSignatures', 'schemas')],
  ],
  nullable: [['nullable fields that accept `null`', (t) => ratio(t, 'nullAccepted', 'nullable')]],
  'nullable-ref': [['such fields that accept `null`', (t) => ratio(t, 'nullableRefAccepted', 'nullableRef')]],
  enum: [
    ['root enums printed closed (no plain string/number fits)', (t) => ratio(t, 'enumsClosed', 'enums')],
  ],
  recursive: [
    ['types `never` / `unknown` as a whole', (t) => `${t.neverSchemas} / ${t.unknownSchemas}`],
    ['properties typed `unknown`', (t) => ratio(t, 'unknownProps', 'props')],
  ],
  binary: [
    ['component-schema binary fields that accept a `File`', (t) => ratio(t, 'binaryAcceptsFile', 'binary')],
  ],
  'allof-with-union': [['spec properties missing from the type', (t) => ratio(t, 'missingProps', 'props')]],
  'unsupported-keyword': [
    ['types `unknown` as a whole', (t) => ratio(t, 'unknownSchemas', 'schemas')],
    ['properties typed `unknown`', (t) => ratio(t, 'unknownProps', 'props')],
  ],
};

export function renderComparison(run: ComparisonRun): string {
  const t = run.totals;
  const r = run.results;
  const ok = r.filter((x) => x.ots.status === 'ok');
  const sdkMs = r.flatMap((x) => (x.sdkgen ? [x.sdkgen.generateMs] : []));
  const c = t.checked;
  const failures = failureClasses(r);
  const lines = [
    '# openapi-typescript vs sdkgen: schema -> type',
    '',
    `Written by \`pnpm corpus:compare\` (generator/corpus/compare-openapi-typescript.ts); do not edit. ${run.source}; ${run.selection}; ${run.tool}.`,
    'Both tools run on the same specs in the same run. sdkgen generates the whole SDK with the corpus config',
    '(`autoResources: {}`); openapi-typescript converts the spec two ways: **tree**, `openapiTS(spec)` +',
    '`astToString` (its own output: one `components["schemas"]["X"]` tree), and **named**, every component',
    'schema as `export type <Name> = ...` with a `postTransform` hook rewriting `components["schemas"]["X"]` to',
    "the name sdkgen's plan gives X (issue 12). Every output is type-checked strict, with and without",
    '`exactOptionalPropertyTypes`, in batched tsc programs (corpus/typecheck.ts).',
    `Run ${run.date}, ${sec(run.wallMs)} wall (sdkgen corpus ${sec(run.timings.sdkgen)}, openapi-typescript convert ${sec(run.timings.otsConvert)}, its tsc ${sec(run.timings.otsTsc)}, checker comparison ${sec(run.timings.check)}).`,
    '',
    '| output | specs | converted | type-check (exact optional) | type-check (loose optional) | both | time per spec (median, sum) | size |',
    '| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |',
    `| sdkgen (whole SDK) | ${t.specs} | ${both(t.sdkgen.generated, t.specs)} | ${both(t.sdkgen.exact, t.specs)} | ${both(t.sdkgen.loose, t.specs)} | ${both(t.sdkgen.both, t.specs)} | ${median(sdkMs)} ms, ${sec(t.sdkgen.ms)} | ${kb(t.sdkgen.bytes)} |`,
    `| openapi-typescript tree | ${t.specs} | ${both(t.ots.converted, t.specs)} | ${both(t.ots.tree.exact, t.specs)} | ${both(t.ots.tree.loose, t.specs)} | ${both(t.ots.tree.both, t.specs)} | ${median(ok.map((x) => x.ots.treeMs!))} ms, ${sec(t.ots.treeMs)} | ${kb(t.ots.treeBytes)} |`,
    `| openapi-typescript named | ${t.specs} | ${both(t.ots.converted, t.specs)} | ${both(t.ots.named.exact, t.specs)} | ${both(t.ots.named.loose, t.specs)} | ${both(t.ots.named.both, t.specs)} | ${median(ok.map((x) => x.ots.namedMs!))} ms, ${sec(t.ots.namedMs)} | ${kb(t.ots.namedBytes)} |`,
    '',
    "sdkgen's time is its whole pipeline (load, normalize, plan, emit, write of the SDK) and its size its resources",
    "and client modules (types, params, resource classes; not the runtime); openapi-typescript's time is",
    '`openapiTS` (bundle, validate, transform) + `astToString`. Named: the tree converts its',
    `${t.ots.schemas} component schemas to ${t.ots.schemas} declarations. \`postTransform\` does not see a property that is a \`$ref\``,
    `(openapi-typescript prints it with \`oapiRef\` directly): ${t.ots.propertyRefs} such references in component schemas were`,
    `rewritten by a \`transformProperty\` hook instead; ${t.ots.leftoverRefs} \`components[...]\` matches were left (refs to non-schema components, or text in doc comments).`,
    '',
    '## Schema by schema',
    '',
    `The TypeScript checker (strict, exactOptionalPropertyTypes) reads each component schema's declaration in both`,
    "outputs (openapi-typescript named; sdkgen's from its plan's type home) and checks it against the spec",
    `(corpus/ots-classes.ts): ${c.schemas} schemas of ${c.specs} specs that both declared.`,
    '',
    '| measure | openapi-typescript | sdkgen |',
    '| --- | ---: | ---: |',
    `| types \`never\` as a whole (no value fits) | ${c.ots.neverSchemas} | ${c.sdkgen.neverSchemas} |`,
    `| types \`unknown\`/\`any\` as a whole | ${c.ots.unknownSchemas} | ${c.sdkgen.unknownSchemas} |`,
    `| spec properties (own and \`allOf\`) missing from the type | ${ratio(c.ots, 'missingProps', 'props')} | ${ratio(c.sdkgen, 'missingProps', 'props')} |`,
    `| spec properties that take no value (read as \`never\`/only \`undefined\`, or a write probe fails) | ${c.ots.unwritableProps} | ${c.sdkgen.unwritableProps} |`,
    `| of which write probes rejected (of properties probed) | ${ratio(c.ots, 'writeRejected', 'probedProps')} | ${ratio(c.sdkgen, 'writeRejected', 'probedProps')} |`,
    `| spec properties typed \`unknown\`/\`any\` | ${c.ots.unknownProps} | ${c.sdkgen.unknownProps} |`,
    `| nullable fields that accept \`null\` | ${ratio(c.ots, 'nullAccepted', 'nullable')} | ${ratio(c.sdkgen, 'nullAccepted', 'nullable')} |`,
    `| \`$ref\` + \`nullable: true\` fields that accept \`null\` | ${ratio(c.ots, 'nullableRefAccepted', 'nullableRef')} | ${ratio(c.sdkgen, 'nullableRefAccepted', 'nullableRef')} |`,
    `| root enums printed closed | ${ratio(c.ots, 'enumsClosed', 'enums')} | ${ratio(c.sdkgen, 'enumsClosed', 'enums')} |`,
    `| \`format: binary\` fields of component schemas that accept a \`File\` | ${ratio(c.ots, 'binaryAcceptsFile', 'binary')} | ${ratio(c.sdkgen, 'binaryAcceptsFile', 'binary')} |`,
    `| \`format: binary\` fields of request bodies that accept a \`File\` (${c.uploads.operations} operations) | ${c.uploads.ots} of ${c.uploads.fields} | ${c.uploads.sdkgen} of ${c.uploads.fields} |`,
    `| nested object shapes with a name (hoisted) | ${c.ots.nestedNamed} | ${c.sdkgen.nestedNamed} |`,
    `| nested object shapes left anonymous (inline literal) | ${c.ots.nestedInline} | ${c.sdkgen.nestedInline} |`,
    `| characters of the declarations | ${c.ots.chars} | ${c.sdkgen.chars} |`,
    '',
    '## By type class',
    '',
    '| class | schemas (specs) | checked | openapi-typescript | sdkgen |',
    '| --- | ---: | --- | ---: | ---: |',
    ...(Object.keys(SCHEMA_CLASSES) as SchemaClass[]).flatMap((k) => {
      const v = t.classes[k];
      const uploads =
        k === 'binary'
          ? [
              `| | | request-body binary fields that accept a \`File\` (${c.uploads.operations} operations) | ${c.uploads.ots} of ${c.uploads.fields} | ${c.uploads.sdkgen} of ${c.uploads.fields} |`,
            ]
          : [];
      if (!v) return [`| ${k} | 0 | ${SCHEMA_CLASSES[k]} | | |`, ...uploads];
      return [
        ...CLASS_CHECKS[k].map(
          ([label, f], i) =>
            `| ${i === 0 ? k : ''} | ${i === 0 ? `${v.ots.schemas} (${v.specs})` : ''} | ${label} | ${f(v.ots)} | ${f(v.sdkgen)} |`,
        ),
        ...uploads,
      ];
    }),
    '',
    ...Object.entries(SCHEMA_CLASSES).map(([k, v]) => `- ${k}: ${v}.`),
    '',
    '## Failure classes',
    '',
    '| where | class (first TS error code, or the message) | specs | e.g. |',
    '| --- | --- | ---: | --- |',
    ...failures.map(
      (f) => `| ${f.where} | ${cell(f.key)} | ${f.specs.length} | ${f.specs.slice(0, 3).join(', ')} |`,
    ),
    '',
    '## Every failure',
    '',
    '| spec | tool | where | first error |',
    '| --- | --- | --- | --- |',
    ...r.flatMap((x) => [
      ...(x.ots.status !== 'ok'
        ? [`| ${x.id} | openapi-typescript | ${x.ots.status} | ${cell(x.ots.message ?? '')} |`]
        : []),
      ...(['tree', 'named'] as const).flatMap((k) =>
        x.ots[k]?.error
          ? [
              `| ${x.id} | openapi-typescript | ${k} (${x.ots[k]!.errors} errors) | ${cell(x.ots[k]!.error!)} |`,
            ]
          : [],
      ),
      ...(x.sdkgen?.failure
        ? [`| ${x.id} | sdkgen | ${x.sdkgen.failedIn} | ${cell(x.sdkgen.failure)} |`]
        : []),
    ]),
    '',
    '## Where the checker saw the tools differ (first 3 schemas per spec, 40 specs)',
    '',
    ...r
      .filter((x) => x.check && x.check.examples.length > 0)
      .slice(0, 40)
      .map((x) => `- ${x.id}: ${x.check!.examples.map(cell).join('; ')}`),
    '',
  ];
  return lines.join('\n');
}

const REPO_ROOT = fileURLToPath(new URL('../../', import.meta.url));

/** Results are committed: messages quote paths relative to the repository, never this machine's. */
function repoRelative(text: string): string {
  return text.split(REPO_ROOT).join('');
}

/** A tally without its zero counters (the JSON says so in `note`). */
function nonZero(t: Tally): Partial<Tally> {
  return Object.fromEntries(Object.entries(t).filter(([, v]) => v !== 0));
}

function compact(r: CompareResult): unknown {
  if (!r.check) return r;
  const classes = Object.fromEntries(
    Object.entries(r.check.classes).map(([k, v]) => [k, { ots: nonZero(v.ots), sdkgen: nonZero(v.sdkgen) }]),
  );
  return { ...r, check: { ...r.check, ots: nonZero(r.check.ots), sdkgen: nonZero(r.check.sdkgen), classes } };
}

/** The markdown, and the JSON with one spec per line (per-spec tallies without their zero counters). */
export function writeComparison(run: ComparisonRun, mdPath: string, jsonPath: string): void {
  writeFileSync(mdPath, repoRelative(renderComparison(run)));
  const { results, ...head } = run;
  const note = 'per-spec tallies (results[].check) omit counters that are 0';
  const top = JSON.stringify({ ...head, note }, null, 1).replace(/\n}$/, '');
  const lines = results.map((r) => `  ${JSON.stringify(compact(r))}`);
  writeFileSync(jsonPath, repoRelative(`${top},\n "results": [\n${lines.join(',\n')}\n ]\n}\n`));
}

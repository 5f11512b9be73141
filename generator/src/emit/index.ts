import type { StatementStructures } from 'ts-morph';
import { compareStrings } from '../errors.js';
import type { IR, IRType } from '../ir/types.js';
import type { PlannedPackage } from '../plan/package.js';
import type { Plan, PlannedModule } from '../plan/types.js';
import { apiDoc } from './api-doc.js';
import { clientModule } from './client-module.js';
import { endpointTests } from './endpoint-tests.js';
import { formatFiles } from './format.js';
import { indexModule } from './index-modules.js';
import { packageFiles } from './package-files.js';
import { paginationFile } from './pagination.js';
import { printSource } from './print.js';
import type { RenderedFile } from './rendered-file.js';
import { resourceModule, splitResourceModule } from './resource-module.js';
import { runtimeFiles } from './runtime.js';
import { render } from './templates.js';
import type { PrintScope } from './type-printer.js';

/** A resource module longer than this is split into `<name>.ts` (class) and `<name>-types.ts` (declarations). */
const SPLIT_LINES = 2000;

export type { RenderedFile } from './rendered-file.js';

/** Inputs named in the generated-file header. */
export interface EmitOptions {
  generatorVersion: string;
  /** Human-readable input, e.g. `spec/openapi.yaml + spec/sdk.config.yaml`. */
  input: string;
  errorClass: string;
  packageName: string;
  /** The package files to emit around the sources (package.json, README, build config, entry), if any. */
  package?: PlannedPackage;
}

/**
 * Renders every owned file from the plan: resource modules, re-export files, `client.ts`, `api.md` and
 * the per-endpoint tests. Returns data only; the write stage puts it on disk.
 *
 * @example
 * ```ts
 * const files = emit(ir, plannedSdk, { generatorVersion: '0.1.0', input: 'spec/openapi.yaml', errorClass: 'AnthropicError', packageName: '@sdkgen/anthropic' });
 * ```
 */
export function emit(ir: IR, plan: Plan, opts: EmitOptions): RenderedFile[] {
  const header = render('header', { version: opts.generatorVersion, input: opts.input });
  const files: RenderedFile[] = plan.modules.flatMap((mod) => moduleFiles(ir, plan, mod, opts, header));
  for (const index of plan.indexes) {
    files.push({
      path: `src/resources/${index.path}.ts`,
      content: `${header}\n\n${indexModule(index, plan)}`,
    });
  }
  files.push({
    path: 'src/client.ts',
    content: printSource('client.ts', header, { statements: clientModule(plan) }),
  });
  const pagination = paginationFile(plan, header);
  if (pagination) files.push({ path: 'src/core/pagination.ts', content: pagination });
  files.push({ path: 'api.md', content: apiDoc(plan) });
  files.push(...endpointTests(plan, header, opts.packageName));
  if (opts.package) files.push(...packageFiles(plan, opts.package, header));
  // The runtime is formatted where it is written (runtime/src); only what emit prints goes through the formatter.
  return [...formatFiles(files), ...runtimeFiles(plan.runtime, header)].sort((a, b) =>
    compareStrings(a.path, b.path),
  );
}

/** The file of one resource module, or two when its types are long enough to split. */
function moduleFiles(
  ir: IR,
  plan: Plan,
  mod: PlannedModule,
  opts: EmitOptions,
  header: string,
): RenderedFile[] {
  const freshScope = (): PrintScope => ({
    ir,
    homes: plan.typeHomes,
    module: mod.path,
    aliases: new Map(mod.imports.map((i) => [i.module, i.alias])),
    request: false,
    uses: new Set(),
    errorClass: opts.errorClass,
  });
  const file = (path: string, statements: (string | StatementStructures)[]): RenderedFile => ({
    path: `src/resources/${path}.ts`,
    content: printSource(`resources/${path}.ts`, header, { statements }),
  });
  if (mod.resource && estimateTypeLines(mod) > SPLIT_LINES) {
    const split = splitResourceModule(mod, { plan, scope: freshScope() }, freshScope);
    return [file(mod.path, split.main), file(split.typesPath, split.types)];
  }
  return [file(mod.path, resourceModule(mod, { plan, scope: freshScope() }))];
}

/** Rough printed size of a module's declarations (a line per member plus wrapped docs), without printing. */
function estimateTypeLines(mod: PlannedModule): number {
  const docLines = (d: { description?: string }) =>
    d.description ? Math.ceil(d.description.length / 76) + 1 : 0;
  let lines = 0;
  for (const t of mod.types) {
    lines += 3 + docLines(t);
    if (t.decl.kind === 'interface')
      for (const p of t.decl.properties) lines += 1 + docLines(p) + nestedLines(p.type);
  }
  return lines;
}

function nestedLines(t: IRType): number {
  if (t.kind === 'object') return 3 + t.properties.reduce((n, p) => n + 2 + nestedLines(p.type), 0);
  if (t.kind === 'array') return nestedLines(t.items);
  if (t.kind === 'union') return t.variants.reduce((n, v) => n + nestedLines(v), 0);
  return 0;
}

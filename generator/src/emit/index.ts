import { compareStrings } from '../errors.js';
import type { IR } from '../ir/types.js';
import type { Plan } from '../plan/types.js';
import { apiDoc } from './api-doc.js';
import { clientModule } from './client-module.js';
import { endpointTests } from './endpoint-tests.js';
import { indexModule } from './index-modules.js';
import { printSource } from './print.js';
import { resourceModule } from './resource-module.js';
import { render } from './templates.js';
import type { PrintScope } from './type-printer.js';

/** One output file, relative to the output package root. */
export interface RenderedFile {
  path: string;
  content: string;
}

/** Inputs named in the generated-file header. */
export interface EmitOptions {
  generatorVersion: string;
  /** Human-readable input, e.g. `spec/openapi.yaml + spec/sdk.config.yaml`. */
  input: string;
  errorClass: string;
  packageName: string;
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
  const files: RenderedFile[] = [];
  for (const mod of plan.modules) {
    const scope: PrintScope = {
      ir,
      homes: plan.typeHomes,
      module: mod.path,
      aliases: new Map(mod.imports.map((i) => [i.module, i.alias])),
      request: false,
      uses: new Set(),
      errorClass: opts.errorClass,
    };
    const statements = resourceModule(mod, { plan, scope });
    files.push({
      path: `src/resources/${mod.path}.ts`,
      content: printSource(`resources/${mod.path}.ts`, header, { statements }),
    });
  }
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
  files.push({ path: 'api.md', content: apiDoc(plan) });
  files.push(...endpointTests(plan, header, opts.packageName));
  return files.sort((a, b) => compareStrings(a.path, b.path));
}

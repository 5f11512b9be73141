import { compareStrings } from '../errors.js';
import type { PlannedPackage } from '../plan/package.js';
import type { Plan } from '../plan/types.js';
import { apiDoc } from './api-doc.js';
import { clientModule } from './client-module.js';
import { endpointTests } from './endpoint-tests.js';
import { formatFiles } from './format.js';
import { indexModule } from './index-modules.js';
import { packageFiles } from './package-files.js';
import { paginationFile } from './pagination.js';
import { printSource } from './print.js';
import type { RenderedFile } from './rendered-file.js';
import { classFile, indexFile, moduleScope, typesFile } from './resource-module.js';
import { runtimeFiles } from './runtime.js';
import { render } from './templates.js';

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
 * const files = emit(plannedSdk, { generatorVersion: '0.1.0', input: 'spec/openapi.yaml', errorClass: 'AnthropicError', packageName: '@sdkgen/anthropic' });
 * ```
 */
export function emit(plan: Plan, opts: EmitOptions): RenderedFile[] {
  const header = render('header', { version: opts.generatorVersion, input: opts.input });
  const files: RenderedFile[] = layoutFiles(plan, opts, header);
  for (const index of plan.indexes) {
    files.push({
      path: `src/resources/${index.path}.ts`,
      content: `${header}\n\n${indexModule(index)}`,
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

/** The files of the resource modules, as the plan's layout puts classes and declarations in them. */
function layoutFiles(plan: Plan, opts: EmitOptions, header: string): RenderedFile[] {
  const scopeFor = moduleScope(plan, opts.errorClass);
  const byPath = new Map(plan.modules.map((m) => [m.path, m]));
  return plan.layout.files.map((file) => {
    const path = `resources/${file.path}`;
    const content =
      file.kind === 'index'
        ? `${header}\n\n${indexFile(file)}`
        : printSource(path, header, {
            statements:
              file.kind === 'class'
                ? classFile(file, byPath.get(file.module!)!, { plan, scope: scopeFor(file.module!) })
                : typesFile(file, plan, scopeFor),
          });
    return { path: `src/${path}.ts`, content };
  });
}

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { bundleSpec } from '../scripts/lib/bundle.js';
import { SPEC_DIR } from '../scripts/lib/paths.js';

type Obj = Record<string, any>;

let cached: Promise<Obj> | undefined;

/** The bundled spec, built once per test file. */
export function bundled(): Promise<Obj> {
  cached ??= bundleSpec().then((r) => {
    const errors = r.problems.filter((p) => p.severity === 'error');
    if (errors.length > 0) throw new Error(`bundle failed: ${errors.map((e) => e.message).join('; ')}`);
    return r.doc;
  });
  return cached;
}

/** The parsed spec/sdk.config.yaml. */
export function sdkConfig(): Obj {
  return parse(readFileSync(join(SPEC_DIR, 'sdk.config.yaml'), 'utf8')) as Obj;
}

/** Every operation of the bundled doc keyed by operationId, with its path key and method. */
export function operations(doc: Obj): Map<string, { path: string; method: string; op: Obj }> {
  const out = new Map<string, { path: string; method: string; op: Obj }>();
  for (const [path, item] of Object.entries(doc.paths as Obj)) {
    for (const [method, op] of Object.entries(item as Obj)) {
      if (!['get', 'post', 'put', 'patch', 'delete'].includes(method)) continue;
      if (out.has(op.operationId)) throw new Error(`duplicate operationId ${op.operationId}`);
      out.set(op.operationId, { path, method, op });
    }
  }
  return out;
}

/** Resolves a `#/components/...` ref in the bundled doc (one level). */
export function deref(doc: Obj, node: Obj): Obj {
  if (typeof node?.$ref !== 'string') return node;
  return node.$ref
    .slice(2)
    .split('/')
    .reduce((acc: Obj, key: string) => acc?.[key], doc);
}

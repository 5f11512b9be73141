import { bundle, loadConfig } from '@redocly/openapi-core';
import { REDOCLY_CONFIG, ROOT_DOC } from './paths.js';

/** A problem reported by redocly while resolving or bundling. */
export interface BundleProblem {
  message: string;
  severity: string;
}

/** The bundled document plus anything redocly complained about. */
export interface BundleResult {
  doc: Record<string, unknown>;
  problems: BundleProblem[];
}

/** Bundles spec/openapi.yaml (or `ref`) into one document whose refs all point at `#/components/...`. */
export async function bundleSpec(ref = ROOT_DOC): Promise<BundleResult> {
  const config = await loadConfig({ configPath: REDOCLY_CONFIG });
  const result = await bundle({ ref, config, dereference: false });
  const problems = result.problems.map((p) => ({ message: p.message, severity: String(p.severity) }));
  return { doc: result.bundle.parsed as Record<string, unknown>, problems };
}

/** Refs in `doc` that do not point at a component, and component names redocly had to rename (`Name-2`). */
export function bundleDefects(doc: Record<string, unknown>): string[] {
  const defects: string[] = [];
  const walk = (node: unknown, pointer: string): void => {
    if (Array.isArray(node)) {
      node.forEach((v, i) => {
        walk(v, `${pointer}/${i}`);
      });
      return;
    }
    if (node === null || typeof node !== 'object') return;
    for (const [k, v] of Object.entries(node)) {
      if (k === '$ref' && typeof v === 'string' && !/^#\/components\/[A-Za-z]+\/[A-Za-z0-9_.]+$/.test(v)) {
        defects.push(`${pointer}: $ref ${v} is not a plain component ref`);
      }
      walk(v, `${pointer}/${k.replaceAll('~', '~0').replaceAll('/', '~1')}`);
    }
  };
  walk(doc, '#');
  const components = (doc.components ?? {}) as Record<string, Record<string, unknown>>;
  for (const [kind, entries] of Object.entries(components)) {
    for (const name of Object.keys(entries ?? {})) {
      if (/-\d+$/.test(name))
        defects.push(`#/components/${kind}/${name}: renamed by the bundler (duplicate name)`);
    }
  }
  return defects;
}

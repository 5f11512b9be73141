import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { describeValue, GeneratorError, pointerJoin } from '../errors.js';

/**
 * Reads and parses the root document before the bundler sees it, so a file that is not an OpenAPI 3.0/3.1
 * object fails with a clear message (the bundler's is `Unsupported specification`) and a pointer.
 */
export function readRoot(specPath: string): Record<string, unknown> {
  let text: string;
  try {
    text = readFileSync(specPath, 'utf8');
  } catch {
    throw new GeneratorError('load', `${specPath}#`, 'cannot read the spec file');
  }
  let root: unknown;
  try {
    root = parse(text);
  } catch (err) {
    const firstLine = (err as Error).message.split('\n')[0]!.replace(/:$/, '');
    throw new GeneratorError('load', `${specPath}#`, `invalid YAML/JSON: ${firstLine}`);
  }
  if (root === null || typeof root !== 'object' || Array.isArray(root)) {
    throw new GeneratorError(
      'load',
      `${specPath}#`,
      `the document must be an object, got ${describeValue(root)}`,
    );
  }
  return root as Record<string, unknown>;
}

/** Checks `openapi` (OpenAPI 3.1 section 4.8.1); Swagger 2.0 documents get a hint to convert them. */
export function checkVersion(doc: Record<string, unknown>): void {
  const version = doc.openapi;
  if (typeof version === 'string' && /^3\.[01]\./.test(version)) return;
  const hint = doc.swagger !== undefined ? ' (Swagger 2.0 is not supported: convert it to OpenAPI 3)' : '';
  throw new GeneratorError(
    'load',
    '#/openapi',
    `expected an OpenAPI 3.0 or 3.1 document, got ${JSON.stringify(version)}${hint}`,
  );
}

/**
 * The first local `$ref` chain that never reaches a value (`A: {$ref: B}`, `B: {$ref: A}`), as the pointer
 * where it loops; the bundler only says `Self-referencing circular pointer`.
 */
export function findRefLoop(root: Record<string, unknown>): string | undefined {
  const at = (pointer: string): unknown => {
    let node: any = root;
    for (const seg of pointer.slice(1).split('/').filter(Boolean)) {
      const key = decodeURIComponent(seg).replace(/~1/g, '/').replace(/~0/g, '~');
      node = node !== null && typeof node === 'object' ? node[key] : undefined;
    }
    return node;
  };
  /** Where the chain starting at `start` comes back to a pointer it has passed, if it does. */
  const loopEntry = (start: string): string | undefined => {
    const seen = new Set<string>();
    for (let p = start; ; ) {
      if (seen.has(p)) return p;
      seen.add(p);
      const ref = (at(p) as { $ref?: unknown } | undefined)?.$ref;
      if (typeof ref !== 'string' || !ref.startsWith('#')) return undefined;
      p = ref;
    }
  };
  const walk = (node: unknown, pointer: string): string | undefined => {
    if (node === null || typeof node !== 'object') return undefined;
    const entry = typeof (node as { $ref?: unknown }).$ref === 'string' ? loopEntry(pointer) : undefined;
    if (entry) return entry;
    for (const [k, v] of Object.entries(node)) {
      const found = walk(v, pointerJoin(pointer, k));
      if (found) return found;
    }
    return undefined;
  };
  return walk(root, '#');
}

import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { describeValue, GeneratorError, pointerJoin } from '../errors.js';

/** The root document as read: its bytes (hashed as they are) and its parsed value. */
export interface RootDocument {
  bytes: Buffer;
  root: Record<string, unknown>;
  /** Parsed by `JSON.parse` (the text is JSON without duplicate keys), not by the YAML parser. */
  json: boolean;
}

/**
 * Reads and parses the root document before the bundler sees it, so a file that is not an OpenAPI 3.0/3.1
 * object fails with a clear message (the bundler's is `Unsupported specification`) and a pointer. JSON text is
 * parsed by `JSON.parse` (GitHub's 13 MB spec: 0.15 s instead of the YAML parser's 5 s and 0.5 GB); anything it
 * refuses, and JSON with a duplicate key, goes to the YAML parser, which gives the messages.
 */
export function readRoot(specPath: string): RootDocument {
  let bytes: Buffer;
  try {
    bytes = readFileSync(specPath);
  } catch {
    throw new GeneratorError('load', `${specPath}#`, 'cannot read the spec file');
  }
  const text = bytes.toString('utf8');
  let root: unknown = parseJson(text);
  const json = root !== undefined;
  if (!json) {
    try {
      root = parse(text);
    } catch (err) {
      const firstLine = (err as Error).message.split('\n')[0]!.replace(/:$/, '');
      throw new GeneratorError('load', `${specPath}#`, `invalid YAML/JSON: ${firstLine}`);
    }
  }
  if (root === null || typeof root !== 'object' || Array.isArray(root)) {
    throw new GeneratorError(
      'load',
      `${specPath}#`,
      `the document must be an object, got ${describeValue(root)}`,
    );
  }
  return { bytes, root: root as Record<string, unknown>, json };
}

/**
 * `JSON.parse` of a text that is a JSON object with no key twice in one object; otherwise `undefined` (the
 * YAML parser, used for everything else, refuses a duplicate key: `Map keys must be unique`).
 */
function parseJson(text: string): unknown {
  if (!/^\s*\{/.test(text)) return undefined;
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return undefined;
  }
  return countKeys(value) === countJsonKeys(text) ? value : undefined;
}

/** Own keys of every object in a parsed JSON value. */
function countKeys(value: unknown): number {
  let n = 0;
  const stack = [value];
  while (stack.length > 0) {
    const v = stack.pop();
    if (v === null || typeof v !== 'object') continue;
    if (Array.isArray(v)) {
      for (const item of v) if (item !== null && typeof item === 'object') stack.push(item);
      continue;
    }
    for (const k in v) {
      n++;
      const item = (v as Record<string, unknown>)[k];
      if (item !== null && typeof item === 'object') stack.push(item);
    }
  }
  return n;
}

/** Object keys written in a valid JSON text: strings followed by `:`. */
function countJsonKeys(text: string): number {
  let n = 0;
  for (let i = text.indexOf('"'); i !== -1; ) {
    let end = text.indexOf('"', i + 1);
    for (;;) {
      let slashes = 0;
      while (text.charCodeAt(end - 1 - slashes) === 92) slashes++;
      if (slashes % 2 === 0) break;
      end = text.indexOf('"', end + 1);
    }
    let k = end + 1;
    for (let c = text.charCodeAt(k); c === 32 || c === 10 || c === 13 || c === 9; c = text.charCodeAt(++k));
    if (text.charCodeAt(k) === 58) n++;
    i = text.indexOf('"', k);
  }
  return n;
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

import { GeneratorError, type Warnings } from '../errors.js';

/** Shared state for the normalize stage: the bundled document, and where to report warnings. */
export interface NormalizeContext {
  doc: Record<string, any>;
  warnings: Warnings;
}

const SCHEMA_PREFIX = '#/components/schemas/';

/** Name of a component schema when `ref` points exactly at one (`#/components/schemas/Name`). */
export function componentSchemaName(ref: string): string | undefined {
  if (!ref.startsWith(SCHEMA_PREFIX)) return undefined;
  const rest = ref.slice(SCHEMA_PREFIX.length);
  return rest.includes('/') ? undefined : decodeSegment(rest);
}

function decodeSegment(s: string): string {
  return decodeURIComponent(s).replace(/~1/g, '/').replace(/~0/g, '~');
}

/** Looks up a local JSON pointer (`#/a/b`); throws a normalize error naming `at` when it dangles. */
export function resolvePointer(ctx: NormalizeContext, ref: string, at: string): unknown {
  if (!ref.startsWith('#'))
    throw new GeneratorError('normalize', at, `cannot resolve external $ref "${ref}"`);
  let node: any = ctx.doc;
  for (const raw of ref.slice(1).split('/').filter(Boolean)) {
    const key = decodeSegment(raw);
    if (node === null || typeof node !== 'object' || !(key in node)) {
      throw new GeneratorError('normalize', at, `dangling $ref "${ref}"`);
    }
    node = node[key];
  }
  return node;
}

/** Follows `$ref` chains (parameters, request bodies, responses); returns the node and its pointer. */
export function deref<T = any>(
  ctx: NormalizeContext,
  node: any,
  pointer: string,
): { node: T; pointer: string } {
  let current = node;
  let at = pointer;
  // Chains may be long (a component aliasing another, fifty deep); only a revisited pointer is a loop.
  const seen = new Set<string>();
  while (current && typeof current.$ref === 'string') {
    const ref: string = current.$ref;
    if (seen.has(ref)) throw new GeneratorError('normalize', at, 'a $ref chain loops');
    seen.add(ref);
    current = resolvePointer(ctx, ref, at);
    at = ref;
  }
  return { node: current as T, pointer: at };
}

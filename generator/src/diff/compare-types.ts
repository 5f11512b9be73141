import type { IRDocs, IRObject, IRProperty, IRType } from '../ir/types.js';
import type { Bump, Change, ChangeKind } from './change.js';
import { alternativeKey, alternatives, covers, facets, printType, shapeKey } from './type-shape.js';

/** Which way values of a type travel: `input` = sent by the user (params, bodies), `output` = returned. */
export type Direction = 'input' | 'output';

/** What a comparison needs besides the two types. */
export interface CompareContext {
  /** Where the enclosing schema or operation is used; an empty set is treated as both. */
  dirs: ReadonlySet<Direction>;
  /** Old component schema name -> new name, for schemas detected as renamed. */
  renames: ReadonlyMap<string, string>;
  /** Changes are appended here. */
  out: Change[];
}

const usedAs = (ctx: CompareContext, dir: Direction) => ctx.dirs.size === 0 || ctx.dirs.has(dir);

function push(
  ctx: CompareContext,
  bump: Bump,
  kind: ChangeKind,
  subject: string,
  detail: string,
  pointer: string,
) {
  ctx.out.push({ bump, kind, subject, detail, pointer });
}

/**
 * Documentation differences: text-only edits are a patch; newly deprecated is a minor (semver: deprecations
 * announce a future major).
 */
export function compareDocs(
  a: IRDocs,
  b: IRDocs,
  subject: string,
  pointer: string,
  ctx: CompareContext,
): void {
  if (!a.deprecated && b.deprecated) push(ctx, 'minor', 'deprecated', subject, '', pointer);
  if (a.deprecated && !b.deprecated) push(ctx, 'patch', 'docs', subject, 'no longer deprecated', pointer);
  const changed = (['description', 'title', 'default', 'example'] as const).filter(
    (key) => shapeKey(a[key] ?? null) !== shapeKey(b[key] ?? null),
  );
  if (changed.length > 0) push(ctx, 'patch', 'docs', subject, `${changed.join(', ')} edited`, pointer);
}

/**
 * Compares two versions of a type found at `where` (a dotted, user-facing path such as `Message.content[]`) and
 * records every difference, recursing into objects, arrays and union variants paired by `alternativeKey`.
 *
 * @example
 * ```ts
 * const out: Change[] = [];
 * compareType(oldT, newT, 'Message.stop_reason', { dirs: new Set(['output']), renames: new Map(), out });
 * ```
 */
export function compareType(a: IRType, b: IRType, where: string, ctx: CompareContext): void {
  if (a.kind === b.kind) compareDocs(a, b, `\`${where}\``, b.pointer, ctx);
  if (a.kind === 'object' && b.kind === 'object') compareObjects(a, b, where, ctx);
  else if (a.kind === 'array' && b.kind === 'array') compareType(a.items, b.items, `${where}[]`, ctx);
  else if (a.kind === 'ref' && b.kind === 'ref' && (ctx.renames.get(a.name) ?? a.name) === b.name) {
    // the schema itself is compared once, under its own name
  } else if (a.kind === 'literal' && b.kind === 'literal' && a.value === b.value) {
    // same literal
  } else if (
    a.kind === 'intersection' &&
    b.kind === 'intersection' &&
    a.members.length === b.members.length
  ) {
    for (const [i, m] of a.members.entries()) compareType(m, b.members[i]!, where, ctx);
  } else if (a.kind === b.kind && !['union', 'literal', 'intersection'].includes(a.kind)) {
    compareFacets(a, b, where, ctx);
  } else compareAlternatives(a, b, where, ctx);
}

function compareFacets(a: IRType, b: IRType, where: string, ctx: CompareContext): void {
  const fa = facets(a);
  const fb = facets(b);
  if (shapeKey(fa) === shapeKey(fb)) return;
  const detail = `${printType(a)} -> ${printType(b)}`;
  if (fa.integer === true && fb.integer !== true)
    push(ctx, 'minor', 'widened', `\`${where}\``, detail, b.pointer);
  else if (fa.integer !== true && fb.integer === true)
    push(ctx, 'major', 'narrowed', `\`${where}\``, detail, b.pointer);
  else {
    // format, length and range limits do not change the TypeScript type; they are reported, as docs are.
    const keys = [...new Set([...Object.keys(fa), ...Object.keys(fb)])].filter(
      (k) => shapeKey(fa[k]) !== shapeKey(fb[k]),
    );
    push(ctx, 'patch', 'changed', `\`${where}\``, `constraint ${keys.join(', ')} edited`, b.pointer);
  }
}

/** Pairs the alternatives of two types; returns the old ones that vanished and the new ones that appeared. */
function pairAlternatives(a: IRType, b: IRType, where: string, ctx: CompareContext) {
  const disc = (t: IRType) => (t.kind === 'union' ? t.discriminator : undefined);
  const oldKey = (t: IRType) =>
    t.kind === 'ref' ? `ref:${ctx.renames.get(t.name) ?? t.name}` : alternativeKey(t, disc(a));
  const newAlts = new Map<string, IRType>();
  for (const t of alternatives(b)) {
    const key = alternativeKey(t, disc(b));
    if (!newAlts.has(key)) newAlts.set(key, t);
  }
  const paired = new Set<string>();
  const removed: IRType[] = [];
  for (const t of alternatives(a)) {
    const key = oldKey(t);
    const match = newAlts.get(key);
    if (match && !paired.has(key)) {
      paired.add(key);
      compareType(t, match, where, ctx);
    } else if (!alternatives(b).some((n) => covers(n, t))) removed.push(t);
  }
  const added = [...newAlts].filter(
    ([key, t]) => !paired.has(key) && !alternatives(a).some((o) => covers(o, t)),
  );
  return { removed, added: added.map(([, t]) => t) };
}

function compareAlternatives(a: IRType, b: IRType, where: string, ctx: CompareContext): void {
  const { removed, added } = pairAlternatives(a, b, where, ctx);
  const detail = `${printType(a)} -> ${printType(b)}`;
  const subject = `\`${where}\``;
  if (removed.length > 0) {
    push(ctx, 'major', added.length > 0 ? 'changed' : 'narrowed', subject, detail, b.pointer);
  } else if (added.length > 0) {
    // A reader of a returned value must now handle null, or lost its type: code written against the old type breaks.
    const loose = usedAs(ctx, 'output')
      ? added.find((t) => t.kind === 'null' || t.kind === 'unknown')
      : undefined;
    const note = loose ? ` (${loose.kind === 'null' ? 'may now be null' : 'now unknown'})` : '';
    push(ctx, loose ? 'major' : 'minor', 'widened', subject, `${detail}${note}`, b.pointer);
  }
}

function compareObjects(a: IRObject, b: IRObject, where: string, ctx: CompareContext): void {
  const before = new Map(a.properties.map((p) => [p.name, p]));
  const after = new Map(b.properties.map((p) => [p.name, p]));
  for (const p of b.properties) if (!before.has(p.name)) addedProperty(p, where, ctx);
  for (const p of a.properties) {
    const q = after.get(p.name);
    if (q) compareProperty(p, q, where, ctx);
    else push(ctx, 'major', 'removed', `property \`${where}.${p.name}\``, '', p.pointer);
  }
  const subject = `additional properties of \`${where}\``;
  if (a.additionalProperties && !b.additionalProperties)
    push(ctx, 'major', 'removed', subject, '', b.pointer);
  if (!a.additionalProperties && b.additionalProperties) push(ctx, 'minor', 'added', subject, '', b.pointer);
  if (a.additionalProperties && b.additionalProperties) {
    compareType(a.additionalProperties, b.additionalProperties, `${where}[string]`, ctx);
  }
}

function addedProperty(p: IRProperty, where: string, ctx: CompareContext): void {
  // Callers that build this object must now supply the field; readers just gain one.
  const breaking = p.required && usedAs(ctx, 'input');
  const detail = p.required ? 'required' : 'optional';
  push(ctx, breaking ? 'major' : 'minor', 'added', `property \`${where}.${p.name}\``, detail, p.pointer);
}

function compareProperty(p: IRProperty, q: IRProperty, where: string, ctx: CompareContext): void {
  const path = `${where}.${q.name}`;
  const subject = `property \`${path}\``;
  compareDocs(p, q, subject, q.pointer, ctx);
  if (!p.required && q.required) {
    push(ctx, usedAs(ctx, 'input') ? 'major' : 'minor', 'made required', subject, '', q.pointer);
  }
  if (p.required && !q.required) {
    // Readers now get `T | undefined`; senders merely may omit it.
    push(ctx, usedAs(ctx, 'output') ? 'major' : 'minor', 'made optional', subject, '', q.pointer);
  }
  compareType(p.type, q.type, path, ctx);
}

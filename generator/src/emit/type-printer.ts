import type { IRDocs, IRObject, IRSchema, IRType } from '../ir/types.js';
import { pascalCase, propertyKey, singular } from '../plan/names.js';
import type { PlannedProperty, TypeHome } from '../plan/types.js';

/** An inline object given a name inside its parent's namespace (`BatchCreateParams.Request`). */
export interface HoistedType {
  name: string;
  type: IRType;
  docs: IRDocs;
}

/** What a printer needs to know about the module it prints into. */
export interface PrintScope {
  /** The plan's schemas (`Plan.schemas`), for inline schemas and tagged unions. */
  schemas: Record<string, IRSchema>;
  homes: Record<string, TypeHome>;
  module: string;
  /** Module path -> import alias. */
  aliases: Map<string, string>;
  /** Other modules whose declarations print unqualified here (they share the file: `PlannedFile.local`). */
  local?: Set<string>;
  /** `format: binary` prints as `Uploadable`. */
  request: boolean;
  /** Runtime names the module used (`Uploadable`, `APIPromise`, ...), so it imports them. */
  uses: Set<string>;
  /** Base error class of the SDK (`AnthropicError`). */
  errorClass: string;
}

/** Collects hoisted children of one declaration, keeping their names unique. */
export class Hoister {
  readonly children: HoistedType[] = [];
  constructor(readonly qualifier: string) {}
  /** Registers `type` under a name derived from `hint`; returns the qualified reference. */
  hoist(hint: string, type: IRType, docs: IRDocs): string {
    const valid = /^[A-Za-z_$]/.test(hint) ? hint : `_${hint}`;
    const base = valid === this.qualifier.split('.').pop() ? `${valid}Item` : valid;
    let name = base;
    for (let i = 2; this.children.some((c) => c.name === name); i++) name = `${base}${i}`;
    this.children.push({ name, type, docs });
    return `${this.qualifier}.${name}`;
  }
}

/** A string literal in single quotes. */
export function literal(value: unknown): string {
  if (typeof value === 'string')
    return `'${value.replace(/\\/g, '\\\\').replace(/'/g, "\\'").replace(/\n/g, '\\n')}'`;
  return JSON.stringify(value);
}

/** Prints `t`; inline objects with properties are hoisted through `hoister` when one is given. */
export function printType(t: IRType, scope: PrintScope, hint: string, hoister?: Hoister): string {
  switch (t.kind) {
    case 'ref':
      return printRef(t.name, scope, hoister);
    case 'string':
      if (t.format === 'binary' && scope.request) {
        scope.uses.add('Uploadable');
        return 'Uploadable';
      }
      return 'string';
    case 'number':
    case 'boolean':
    case 'null':
    case 'unknown':
      return t.kind;
    case 'literal':
      return literal(t.value);
    case 'array':
      return `Array<${printType(t.items, scope, singular(hint), hoister)}>`;
    case 'union': {
      if (t.variants.length === 0) return 'never'; // `enum: []`: no value is valid
      // `X | null` keeps the property's own name for X (`UserLocation`), like a plain property would.
      const single = t.variants.filter((v) => v.kind !== 'null').length === 1;
      const printed = unique(
        t.variants.map((v, i) => printType(v, scope, single ? hint : variantHint(v, i), hoister)),
      );
      // `'a' | 'b' | string` collapses to `string` in editors; `(string & {})` keeps the known values suggested.
      const openEnum = printed.includes('string') && printed.some((p) => p.startsWith("'"));
      return printed.map((p) => (openEnum && p === 'string' ? '(string & {})' : p)).join(' | ');
    }
    case 'intersection':
      return unique(t.members.map((m, i) => wrap(printType(m, scope, `${hint}${i}`, hoister)))).join(' & ');
    case 'object':
      if (hoister && t.properties.length > 0) return hoister.hoist(pascalCase(hint) || 'Item', t, docsOf(t));
      return objectLiteral(t, scope);
  }
}

/** Inline schemas being printed: a schema that reaches itself through inline refs is cut off as `unknown`. */
const inlining = new Set<string>();

function printRef(name: string, scope: PrintScope, hoister?: Hoister): string {
  const home = scope.homes[name];
  if (!home) return 'unknown';
  if (home.inline) {
    const schema = scope.schemas[name];
    if (!schema || inlining.has(name)) return 'unknown';
    const last = home.name.split('.').pop()!;
    if (hoister && schema.type.kind === 'object' && schema.type.properties.length > 0) {
      // Hoisted into `Parent.Last`; a schema that contains itself would nest without end.
      if (hoister.qualifier.split('.').includes(last)) return 'unknown';
      return hoister.hoist(last, schema.type, docsOf(schema.type));
    }
    inlining.add(name);
    try {
      return printType(schema.type, scope, last, hoister);
    } finally {
      inlining.delete(name);
    }
  }
  if (home.module === scope.module || scope.local?.has(home.module)) return home.name;
  return `${scope.aliases.get(home.module) ?? 'UNKNOWN_MODULE'}.${home.name}`;
}

function variantHint(v: IRType, i: number): string {
  if (v.title) return pascalCase(v.title);
  if (v.kind === 'object') {
    const tag = v.properties.find((p) => p.name === 'type' && p.type.kind === 'literal');
    if (tag && tag.type.kind === 'literal' && typeof tag.type.value === 'string')
      return pascalCase(tag.type.value);
  }
  return `UnionMember${i}`;
}

function wrap(s: string): string {
  return s.includes(' | ') ? `(${s})` : s;
}

function unique(xs: string[]): string[] {
  return [...new Set(xs)];
}

function docsOf(t: IRType): IRDocs {
  const d: IRDocs = {};
  if (t.description) d.description = t.description;
  if (t.deprecated) d.deprecated = true;
  return d;
}

/**
 * The value type of `[key: string]: ...` next to named properties. TypeScript requires every property to fit it
 * (TS2411), and an optional one adds `undefined` when `exactOptionalPropertyTypes` is off, so the index type
 * admits its siblings: `string | number | undefined`.
 */
export function indexSignatureType(
  additional: string,
  siblings: { type: string; required: boolean }[],
): string {
  if (additional === 'unknown' || additional === 'any') return additional;
  const texts = [additional, ...siblings.map((p) => p.type)].map((t) => (/=>|^new /.test(t) ? `(${t})` : t));
  if (siblings.some((p) => !p.required)) texts.push('undefined');
  const union = unique(texts);
  return union.length === 1 ? additional : union.join(' | ');
}

/** `{ a: string; b?: number; [key: string]: unknown }` for objects that are not hoisted. */
function objectLiteral(t: IRObject, scope: PrintScope): string {
  const props = t.properties.map((p) => ({ p, type: printType(p.type, scope, p.name) }));
  const parts = props.map(({ p, type }) => `${propertyKey(p.name)}${p.required ? '' : '?'}: ${type}`);
  if (t.additionalProperties) {
    const siblings = props.map(({ p, type }) => ({ type, required: p.required }));
    parts.push(
      `[key: string]: ${indexSignatureType(printType(t.additionalProperties, scope, 'value'), siblings)}`,
    );
  }
  return parts.length === 0 ? '{}' : `{ ${parts.join('; ')} }`;
}

/** JSDoc text for a property or declaration: description (or title), `@default`, `@deprecated`. */
export function docText(d: IRDocs): string | undefined {
  const lines: string[] = [];
  const text = d.description ?? d.title;
  if (text) lines.push(wrapDoc(text.trim().replace(/\*\//g, '*\\/')));
  if (d.default !== undefined && typeof d.default !== 'object')
    lines.push(`@default ${JSON.stringify(d.default)}`);
  if (d.deprecated) lines.push('@deprecated');
  return lines.length > 0 ? lines.join('\n\n') : undefined;
}

/** Property list of an interface, for a caller that prints them. */
export type PrintableProperty = PlannedProperty;

/**
 * Wraps prose at 80 columns like hand-written JSDoc. Fenced code, list items, tables and headings are
 * left as they are, since re-flowing them would change their meaning.
 */
export function wrapDoc(text: string, width = 80): string {
  let fenced = false;
  return text
    .split('\n')
    .flatMap((line) => {
      if (line.trimStart().startsWith('```')) fenced = !fenced;
      if (
        fenced ||
        line.length <= width ||
        /^\s*([-*+|#>]|\d+\.)\s/.test(line) ||
        line.trimStart().startsWith('```')
      )
        return [line];
      const out: string[] = [];
      let current = '';
      for (const word of line.split(' ')) {
        if (current && current.length + 1 + word.length > width) {
          out.push(current);
          current = word;
        } else current = current ? `${current} ${word}` : word;
      }
      if (current) out.push(current);
      return out;
    })
    .join('\n');
}

/** Line-level reading of the seed API reference (`001_*.txt`): what each non-empty line is. */

/** A classified line of the seed reference. */
export type SeedLine =
  | { kind: 'heading' }
  | { kind: 'class'; name: string }
  | { kind: 'field'; name: string; type: string }
  | { kind: 'alias'; name: string; type: string }
  | { kind: 'accepts' }
  | { kind: 'text' };

const CLASS_RE = /^class ([A-Za-z_][A-Za-z0-9_]*):/;
const FIELD_RE = /^([a-z_][a-z0-9_]*): (.+)$/;
const ALIAS_RE = /^([A-Z][A-Za-z0-9_]*) = (.+)$/;
// The seed renders Python types; anything else after `name: ` is prose.
const TYPE_RE =
  /^(Literal|Optional|Required|str|int|float|bool|List|Dict|Union|Iterable|datetime|date|object|\[|[A-Z])/;

/** Undoes the seed's markdown escapes (`\_`, `\*`). */
export function unescapeSeed(line: string): string {
  return line.replace(/\\([_*[\]`])/g, '$1');
}

/** Classifies one (already trimmed and unescaped) line. */
export function classifyLine(line: string): SeedLine {
  if (line.startsWith('#')) return { kind: 'heading' };
  if (line === 'Accepts one of the following:') return { kind: 'accepts' };
  const cls = CLASS_RE.exec(line);
  if (cls?.[1]) return { kind: 'class', name: cls[1] };
  const field = FIELD_RE.exec(line);
  if (field?.[1] && field[2] && TYPE_RE.test(field[2]))
    return { kind: 'field', name: field[1], type: field[2] };
  const alias = ALIAS_RE.exec(line);
  if (alias?.[1] && alias[2]) return { kind: 'alias', name: alias[1], type: alias[2] };
  return { kind: 'text' };
}

/** A classified line plus its text (used to recognise verbatim copies of a class body). */
export type SeedTextLine = SeedLine & { text: string };

/** Splits seed text into classified lines, dropping blanks. */
export function readSeedLines(text: string): SeedTextLine[] {
  return text
    .split(/\r?\n/)
    .map((l) => unescapeSeed(l.trim()))
    .filter((l) => l.length > 0)
    .map((l) => ({ ...classifyLine(l), text: l }));
}

/** True when a seed field type is `Optional[...]` (the key may be absent or the value None). */
export function isOptionalType(type: string): boolean {
  return type.startsWith('Optional[');
}

const BUILTIN_TYPES = new Set(['Optional', 'Required', 'List', 'Literal', 'Dict', 'Union', 'Iterable']);

/** A named type in a field's type that is neither a builtin nor one of `classNames` (an inline object). */
export function inlineTypeName(type: string, classNames: ReadonlySet<string>): string | undefined {
  const ids = (type.replace(/"[^"]*"/g, '').match(/[A-Z][A-Za-z0-9_]*/g) ?? []).filter(
    (id) => !BUILTIN_TYPES.has(id),
  );
  return ids.length === 1 && !classNames.has(ids[0] as string) ? ids[0] : undefined;
}

/** The class a field's type points at, when it is one of `classNames` (e.g. `Optional[List[[X](api/beta.md)]]` -> X). */
export function referencedClass(type: string, classNames: ReadonlySet<string>): string | undefined {
  const ids = type.match(/[A-Z][A-Za-z0-9_]*/g) ?? [];
  const known = ids.filter((id) => classNames.has(id));
  return known.length === 1 ? known[0] : undefined;
}

/** Naming rules shared by plan and emit: case conversion, singular/plural, identifiers. */

/** `message_batch_id` -> `messageBatchID`, `retrieve-metadata` -> `retrieveMetadata` (no keyword escaping). */
export function camelCase(s: string): string {
  const p = pascalCase(s);
  return p.charAt(0).toLowerCase() + p.slice(1);
}

/** `message_batch` -> `MessageBatch`, `file_id` -> `FileID`. */
export function pascalCase(s: string): string {
  const joined = s
    .split(/[^A-Za-z0-9]+/)
    .filter(Boolean)
    .map((p) => p.charAt(0).toUpperCase() + p.slice(1))
    .join('');
  return joined.replace(/Id$/, 'ID');
}

/** A safe local variable name: camelCase, escaped when it is a keyword or starts with a digit. */
export function localName(s: string): string {
  return toIdentifier(camelCase(s));
}

/** Resource class name -> singular noun used in type names (`Batches` -> `Batch`). */
export function singular(s: string): string {
  if (/(ch|sh|ss|x)es$/.test(s)) return s.slice(0, -2);
  if (/[^aeiou]ies$/.test(s)) return `${s.slice(0, -3)}y`;
  if (/[^su]s$/.test(s)) return s.slice(0, -1);
  return s;
}

/** Type name -> plural used in page aliases (`MessageBatch` -> `MessageBatches`, `FileMetadata` unchanged). */
export function plural(s: string): string {
  if (/(data|Data|s)$/.test(s) && !/(ss)$/.test(s)) return /data$|Data$/.test(s) ? s : `${s}es`;
  if (/(ch|sh|ss|x)$/.test(s)) return `${s}es`;
  if (/[^aeiou]y$/.test(s)) return `${s.slice(0, -1)}ies`;
  return `${s}s`;
}

const RESERVED = new Set(
  'break case catch class const continue debugger default delete do else enum export extends false finally for function if import in instanceof new null return super switch this throw true try typeof var void while with as implements interface let package private protected public static yield await'.split(
    ' ',
  ),
);

/** Makes `s` a valid identifier (prefixing `_` where needed). */
export function toIdentifier(s: string): string {
  let id = s.replace(/[^A-Za-z0-9_$]/g, '_');
  if (/^[0-9]/.test(id) || id === '') id = `_${id}`;
  return RESERVED.has(id) ? `_${id}` : id;
}

/** A method or accessor name: kept when it is an identifier other than `constructor`, else prefixed with `_`. */
export function memberName(s: string): string {
  const id = s.replace(/[^A-Za-z0-9_$]/g, '_');
  return /^[A-Za-z_$]/.test(id) && id !== 'constructor' ? id : `_${id}`;
}

/** True when `s` can be written as a bare property key. */
export function isIdentifierName(s: string): boolean {
  return /^[A-Za-z_$][A-Za-z0-9_$]*$/.test(s);
}

/** Property key as written in TypeScript source. */
export function propertyKey(s: string): string {
  return isIdentifierName(s) ? s : `'${s.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`;
}

/** Names TypeScript refuses as a declared type name (TS2457) or that would shadow a builtin type in scope. */
const TYPE_KEYWORDS = new Set(
  'any unknown never object string number bigint boolean symbol undefined void null this type keyof readonly infer unique asserts is'.split(
    ' ',
  ),
);

/**
 * The SDK type name of a component schema before numbering: the config's `typeNames` entry if any, else the spec
 * name made usable. A dot in the spec's own name (`Chart.Axes`) is punctuation, not a namespace (`ChartAxes`):
 * only a `typeNames` entry puts a type inside another's namespace.
 */
export function schemaTypeName(specName: string, typeNames: Readonly<Record<string, string>>): string {
  const renamed = typeNames[specName];
  return typeName(renamed ?? (specName.includes('.') ? specName.replace(/\./g, '-') : specName));
}

/**
 * A schema name usable as a TypeScript type name: kept when valid, else PascalCased (`simple-user` ->
 * `SimpleUser`); a type keyword gets a `Type` suffix (`object` -> `ObjectType`).
 */
export function typeName(name: string): string {
  if (TYPE_KEYWORDS.has(name)) return `${pascalCase(name)}Type`;
  if (/^[A-Za-z_$][\w$.]*$/.test(name) && !RESERVED.has(name)) return name;
  const joined = name
    .split(/[^A-Za-z0-9]+/)
    .filter(Boolean)
    .map((p) => p.charAt(0).toUpperCase() + p.slice(1))
    .join('');
  return /^[0-9]/.test(joined) || joined === '' ? `_${joined}` : joined;
}

import type { z } from 'zod';
import { userConfigSchema } from './schema.js';

type AnySchema = z.core.$ZodType;

/** One documented key of the config: dotted path (`<name>` for map keys, `[]` for list items). */
export interface ConfigKey {
  path: string;
  /** The key's own name (last segment). */
  name: string;
  type: string;
  required: boolean;
  default?: string;
  description: string;
}

interface Def {
  type: string;
  innerType?: AnySchema;
  defaultValue?: unknown;
  shape?: Record<string, AnySchema>;
  valueType?: AnySchema;
  element?: AnySchema;
  values?: unknown[];
  entries?: Record<string, unknown>;
  options?: AnySchema[];
}

const def = (s: AnySchema) => s._zod.def as unknown as Def;
const describe = (s: AnySchema) => (s as unknown as { description?: string }).description;

/** Strips wrappers, keeping the first description, whether it may be omitted, and the default. */
function peel(s: AnySchema): { core: AnySchema; description?: string; optional: boolean; default?: unknown } {
  let core = s;
  let description = describe(s);
  let optional = false;
  let dflt: unknown;
  while (def(core).innerType) {
    const d = def(core);
    if (d.type === 'optional' || d.type === 'default') optional = true;
    if (d.type === 'default') dflt = d.defaultValue;
    core = d.innerType!;
    description ??= describe(core);
  }
  return {
    core,
    optional,
    ...(description ? { description } : {}),
    ...(dflt !== undefined ? { default: dflt } : {}),
  };
}

/** A short type name: `string`, `boolean`, `1`, `'last' \| 'all'`, `map`, `list of object`. */
function typeText(s: AnySchema): string {
  const d = def(s);
  if (d.type === 'literal') return (d.values ?? []).map((v) => JSON.stringify(v)).join(' \\| ');
  if (d.type === 'enum')
    return Object.values(d.entries ?? {})
      .map((v) => `'${v}'`)
      .join(' \\| ');
  if (d.type === 'nullable') return `${typeText(peel(d.innerType!).core)} \\| null`;
  if (d.type === 'union') return (d.options ?? []).map((o) => typeText(peel(o).core)).join(' \\| ');
  if (d.type === 'record') return `map of ${typeText(peel(d.valueType!).core)}`;
  if (d.type === 'array') return `list of ${typeText(peel(d.element!).core)}`;
  return d.type;
}

/** The object a value nests into (itself, a map's values, a list's items), with the path suffix. */
function nested(s: AnySchema): { object: AnySchema; suffix: string } | undefined {
  const d = def(s);
  if (d.type === 'object') return { object: s, suffix: '' };
  const inner = d.type === 'record' ? d.valueType : d.type === 'array' ? d.element : undefined;
  if (!inner) return undefined;
  const deeper = nested(peel(inner).core);
  return deeper
    ? { object: deeper.object, suffix: `${d.type === 'record' ? '.<name>' : '[]'}${deeper.suffix}` }
    : undefined;
}

/** Every key of the config schema, depth first, in declaration order. */
export function configKeys(root: AnySchema = userConfigSchema, prefix = ''): ConfigKey[] {
  return Object.entries(def(root).shape ?? {}).flatMap(([name, schema]) => {
    const p = peel(schema);
    const path = `${prefix}${name}`;
    const key: ConfigKey = {
      path,
      name,
      type: typeText(p.core),
      required: !p.optional,
      description: p.description ?? '',
    };
    if (p.default !== undefined && def(p.core).type !== 'object') key.default = JSON.stringify(p.default);
    const inner = nested(p.core);
    return [key, ...(inner ? configKeys(inner.object, `${path}${inner.suffix}.`) : [])];
  });
}

/** The config reference as a markdown table (the marked section of generator/README.md). */
export function configReference(): string {
  const rows = configKeys().map(
    (k) =>
      `| \`${k.path}\` | ${k.type} | ${k.required ? 'yes' : k.default ? `\`${k.default}\`` : 'no'} | ${k.description.replace(/\|/g, '\\|')} |`,
  );
  return ['| key | type | required / default | what |', '| --- | --- | --- | --- |', ...rows].join('\n');
}

import type { z } from 'zod';
import { pointerJoin } from '../errors.js';

/** A config problem as the generator reports it: JSON pointer into the config file, and what is wrong. */
export interface ConfigProblem {
  pointer: string;
  message: string;
}

type AnySchema = z.core.$ZodType;

/** Unwraps optional/default/nullable/pipe wrappers to the schema that holds the shape. */
function unwrap(schema: AnySchema): AnySchema {
  let s = schema;
  for (let i = 0; i < 10; i++) {
    const def = s._zod.def as { type: string; innerType?: AnySchema; in?: AnySchema };
    if (def.innerType) s = def.innerType;
    else if (def.type === 'pipe' && def.in) s = def.in;
    else break;
  }
  return s;
}

/** The keys an object schema at `path` (of a config value) accepts, or `[]` when it is not an object. */
export function keysAt(root: AnySchema, path: PropertyKey[]): string[] {
  let s: AnySchema | undefined = root;
  for (const seg of path) {
    if (!s) return [];
    const def = unwrap(s)._zod.def as {
      type: string;
      shape?: Record<string, AnySchema>;
      valueType?: AnySchema;
      element?: AnySchema;
    };
    s = def.type === 'object' ? def.shape?.[String(seg)] : (def.valueType ?? def.element);
  }
  const def = s ? (unwrap(s)._zod.def as { type: string; shape?: object }) : undefined;
  return def?.type === 'object' ? Object.keys(def.shape ?? {}) : [];
}

/** Edit distance (insert, delete, substitute, transpose), for "did you mean". */
function distance(a: string, b: string): number {
  const d = Array.from({ length: a.length + 1 }, (_, i) => [i, ...Array<number>(b.length).fill(0)]);
  for (let j = 1; j <= b.length; j++) d[0]![j] = j;
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1]!.toLowerCase() === b[j - 1]!.toLowerCase() ? 0 : 1;
      let v = Math.min(d[i - 1]![j]! + 1, d[i]![j - 1]! + 1, d[i - 1]![j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1])
        v = Math.min(v, d[i - 2]![j - 2]! + 1);
      d[i]![j] = v;
    }
  }
  return d[a.length]![b.length]!;
}

/** The closest known key within a third of the key's length, if any. */
export function suggest(key: string, known: string[]): string | undefined {
  const limit = Math.max(2, Math.floor(key.length / 3));
  const ranked = known.map((k) => [k, distance(key, k)] as const).sort((x, y) => x[1] - y[1]);
  return ranked[0] && ranked[0][1] <= limit ? ranked[0][0] : undefined;
}

/**
 * Turns zod issues into problems, one per unknown key (each with its own pointer and a "did you mean"
 * when a known key is close) and one per other issue, unknown keys first. `base` is `<config file>#`.
 */
export function configProblems(root: AnySchema, issues: z.core.$ZodIssue[], base: string): ConfigProblem[] {
  // A misspelled key also makes the key it meant "missing"; the unknown key is the one to fix first.
  const ordered = [...issues].sort(
    (a, b) => Number(b.code === 'unrecognized_keys') - Number(a.code === 'unrecognized_keys'),
  );
  return ordered.flatMap((issue): ConfigProblem[] => {
    const at = issue.path.map((p) => String(p));
    if (issue.code !== 'unrecognized_keys')
      return [{ pointer: pointerJoin(base, ...at), message: issue.message }];
    const known = keysAt(root, issue.path);
    return issue.keys.map((key) => {
      const hint = suggest(key, known);
      return {
        pointer: pointerJoin(base, ...at, key),
        message: `unknown key${hint ? ` (did you mean ${hint}?)` : ''}`,
      };
    });
  });
}

import type { TypeErrors } from './typecheck.js';
import type { GenerateOutcome } from './worker.js';

/** A failure class: a short name, what it means, and how to recognise it from the first error. */
interface FailureClass {
  name: string;
  cause: string;
  match: RegExp;
}

/** Tried in order against `<TS code or status>: <message>`; the first match names the class. */
const CLASSES: FailureClass[] = [
  { name: 'crash', cause: 'an exception escaped the pipeline (exit 1, stack trace)', match: /^crash:/ },
  { name: 'timeout', cause: 'over the per-spec time limit', match: /^(timeout|TIMEOUT):/ },
  {
    name: 'path-template-conflict',
    cause: 'paths that differ only in parameter names refused',
    match: /^error:.*duplicate operation "/,
  },
  { name: 'name-collision', cause: 'two operations got the same method name', match: /^error:.*is taken by/ },
  { name: 'generator-error', cause: 'refused with exit 2 (GeneratorError)', match: /^error:/ },
  {
    name: 'reserved-member',
    cause: 'a resource or method clashes with a base class member',
    match: /^TS241[56]:/,
  },
  {
    name: 'allof-conflict',
    cause: '`allOf` as `interface extends` with a conflicting property',
    match: /^TS2430:/,
  },
  { name: 'index-signature', cause: 'a property does not fit the index signature', match: /^TS2411:/ },
  {
    name: 'duplicate-identifier',
    cause: 'one name declared twice (merged params, types)',
    match: /^TS2(300|451|717|2687):/,
  },
  {
    name: 'syntax',
    cause: 'invalid TypeScript printed (names that are not identifiers, empty names)',
    match: /^TS1\d{3}:/,
  },
  {
    name: 'reserved-type-name',
    cause: 'a builtin or reserved word used as a type name',
    match: /^TS2(457|414|427|693):/,
  },
  {
    name: 'unknown-name',
    cause: 'a reference to a name that is not declared or imported',
    match: /^TS2(304|305|307|552|724|2694):/,
  },
];

/** The class of a failed spec: generation errors first, then the first type error. */
export function classify(text: string): FailureClass {
  return (
    CLASSES.find((c) => c.match.test(text)) ?? {
      name: text.split(':')[0]!,
      cause: 'unclassified',
      match: /$^/,
    }
  );
}

/** `<status or TS code>: <message>` for a generation outcome or a type-check result. */
export function failureText(gen: GenerateOutcome, types?: TypeErrors): string | undefined {
  if (gen.status !== 'ok') return `${gen.status}: ${gen.message ?? ''}`;
  if (types) return `${types.first.code}: ${types.first.message}`;
  return undefined;
}

export const CLASS_CAUSES: Record<string, string> = Object.fromEntries(CLASSES.map((c) => [c.name, c.cause]));

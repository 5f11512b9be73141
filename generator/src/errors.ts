/** The pipeline stages, in order; every error and warning names the one it came from. */
export type Stage = 'config' | 'load' | 'normalize' | 'plan' | 'emit' | 'write';

/**
 * A failure the user can fix in their spec or config. The message always starts
 * `<stage>: <pointer>: `, so it can be grepped and pasted into an editor.
 *
 * @example
 * ```ts
 * throw new GeneratorError('normalize', '#/paths/~1v1~1messages/post', 'duplicate operation');
 * ```
 */
export class GeneratorError extends Error {
  override readonly name = 'GeneratorError';
  constructor(
    readonly stage: Stage,
    readonly pointer: string,
    readonly detail: string,
  ) {
    super(`${stage}: ${pointer}: ${detail}`);
  }
}

/** A construct the generator could express only loosely (usually as `unknown`). */
export interface GeneratorWarning {
  stage: Stage;
  pointer: string;
  message: string;
}

/** Collects warnings across stages so they are printed once, sorted, at the end. */
export class Warnings {
  readonly list: GeneratorWarning[] = [];
  /** Records a warning; duplicates (same stage, pointer and text) are kept once. */
  add(stage: Stage, pointer: string, message: string): void {
    if (this.list.some((w) => w.stage === stage && w.pointer === pointer && w.message === message)) return;
    this.list.push({ stage, pointer, message });
  }
  /** Warnings formatted like errors, one per line. */
  format(): string[] {
    return this.list.map((w) => `warning: ${w.stage}: ${w.pointer}: ${w.message}`).sort();
  }
}

/** Escapes one JSON pointer segment (RFC 6901). */
export function escapePointer(segment: string | number): string {
  return String(segment).replace(/~/g, '~0').replace(/\//g, '~1');
}

/** Joins segments onto a base pointer such as `#/paths`. */
export function pointerJoin(base: string, ...segments: (string | number)[]): string {
  return [base, ...segments.map(escapePointer)].join('/');
}

/** Code-unit string order: unlike `localeCompare`, the same on every machine and locale. */
export function compareStrings(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** What a value is, for messages: `a string`, `an array`, `null`. */
export function describeValue(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  return typeof value === 'object' ? 'an object' : `a ${typeof value}`;
}

/** Character classes and the number grammar used by the incremental JSON parser. */

// Number sub-states; the ones marked "complete" may end a number.
export const N_SIGN = 0;
export const N_ZERO = 1; // complete
export const N_INT = 2; // complete
export const N_DOT = 3;
export const N_FRAC = 4; // complete
export const N_EXP = 5;
export const N_EXP_SIGN = 6;
export const N_EXP_DIGITS = 7; // complete

/** Trailing characters to drop from an unfinished number to show it, per sub-state (-1: not shown). */
export const NUMBER_TRIM = [-1, 0, 0, -1, 0, 1, 2, 0];

export const ESCAPES: Record<number, string> = {
  34: '"',
  92: '\\',
  47: '/',
  98: '\b',
  102: '\f',
  110: '\n',
  114: '\r',
  116: '\t',
};

export function isWhitespace(c: number): boolean {
  return c === 0x20 || c === 0x0a || c === 0x0d || c === 0x09;
}

export function isDigit(c: number): boolean {
  return c >= 0x30 && c <= 0x39;
}

export function hexValue(c: number): number {
  if (c >= 0x30 && c <= 0x39) return c - 0x30;
  const lower = c | 0x20;
  if (lower >= 0x61 && lower <= 0x66) return lower - 0x61 + 10;
  return -1;
}

/** Next number sub-state after `c`, or -1 if `c` cannot continue the number. */
export function numberStep(state: number, c: number): number {
  switch (state) {
    case N_SIGN:
      return c === 0x30 ? N_ZERO : isDigit(c) ? N_INT : -1;
    case N_ZERO:
    case N_INT:
      if (state === N_INT && isDigit(c)) return N_INT;
      return c === 0x2e ? N_DOT : c === 0x65 || c === 0x45 ? N_EXP : -1;
    case N_DOT:
      return isDigit(c) ? N_FRAC : -1;
    case N_FRAC:
      return isDigit(c) ? N_FRAC : c === 0x65 || c === 0x45 ? N_EXP : -1;
    case N_EXP:
      return c === 0x2b || c === 0x2d ? N_EXP_SIGN : isDigit(c) ? N_EXP_DIGITS : -1;
    default:
      return isDigit(c) ? N_EXP_DIGITS : -1;
  }
}

export function isCompleteNumber(state: number): boolean {
  return state === N_ZERO || state === N_INT || state === N_FRAC || state === N_EXP_DIGITS;
}

/**
 * An incremental JSON parser for tool input that arrives as `input_json_delta` fragments.
 *
 * Why not a library: the partial-JSON parsers on npm (`partial-json`, `best-effort-json-parser`, the
 * parser vendored by `@anthropic-ai/sdk`) take the *whole* buffer on every call, so reading a snapshot
 * after each delta is O(buffer) and a long tool input becomes quadratic. The streaming tokenizers
 * (`@streamparser/json`, `jsonparse`, `clarinet`) are linear but only report values once they are
 * complete: they cannot show a half-received string, number or literal, and we would still have to build
 * the tree ourselves. This parser is a single state machine that keeps a stack of open containers and
 * mutates one live snapshot in place, so each character is looked at exactly once and reading the
 * snapshot costs O(1) (plus the length of an in-progress number).
 *
 * Best-effort semantics of {@link IncrementalJSONParser.snapshot}, chosen to equal what
 * `@anthropic-ai/sdk@0.74.0`'s `partialParse` returns for every prefix of a JSON document:
 * - an unfinished string, key or literal is not shown, and neither is its key (`{"a": "x` -> `{}`);
 * - an unfinished number shows its digits so far, except when it ends in `-` or `.` (then it is not
 *   shown, like an unfinished string); an unfinished exponent shows the mantissa (`1e-` -> `1`);
 * - in the innermost open array, the strings and numbers after the last container or literal are held
 *   back, except the array's first element (`[1, 2, 3` -> `[1]`, `[true, 2` -> `[true]`);
 * - open objects and arrays show the members received so far.
 * One deliberate difference: 0.74.0 drops or garbles exponents (`1e5` -> `1`, `1e-5` -> `15`), even in
 * complete documents; here a number with exponent digits has its JSON value.
 */

import {
  ESCAPES,
  hexValue,
  isCompleteNumber,
  isDigit,
  isWhitespace,
  N_INT,
  N_SIGN,
  N_ZERO,
  NUMBER_TRIM,
  numberStep,
} from './lexical.js';
import { type Frame, flushTail, Placement } from './placement.js';

// Parser modes. Plain numbers keep the hot loop free of property lookups.
const VALUE = 0; // expecting any value
const FIRST_ITEM = 1; // after `[`: a value or `]`
const FIRST_KEY = 2; // after `{`: a key or `}`
const KEY = 3; // after `,` in an object: a key
const COLON = 4;
const AFTER_VALUE = 5; // expecting `,`, a closing bracket, or (at the root) the end
const STRING = 6;
const ESCAPE = 7;
const UNICODE = 8;
const NUMBER = 9;
const LITERAL = 10;
const FAILED = 11;

type Container = Record<string, unknown> | unknown[];

/**
 * Parses JSON text fed in arbitrary fragments, in time linear in the total input, and exposes a
 * best-effort snapshot of the value at any point.
 *
 * @example
 * ```ts
 * const parser = new IncrementalJSONParser();
 * parser.feed('{"city": "Par');
 * parser.snapshot(); // { city: 'Par' }
 * parser.feed('is", "days": [1, 2');
 * parser.snapshot(); // { city: 'Paris', days: [1, 2] }
 * parser.feed(']}');
 * parser.finish(); // { city: 'Paris', days: [1, 2] }
 * ```
 */
export class IncrementalJSONParser {
  #mode = VALUE;
  #stack: Frame[] = [];
  #position = 0;
  /** The snapshot's root and the slot of the value being read. */
  #out = new Placement();
  #text = '';
  #textIsKey = false;
  #unicode = 0;
  #unicodeDigits = 0;
  #numberState = N_SIGN;
  #literal = '';
  #literalPos = 0;

  /** Number of characters fed so far. */
  get length(): number {
    return this.#position;
  }

  /** True once a whole JSON value has been read (only whitespace may follow). */
  get isComplete(): boolean {
    return this.#stack.length === 0 && (this.#mode === AFTER_VALUE || this.#isCompleteRootNumber());
  }

  /**
   * Consumes the next fragment. Throws a `SyntaxError` as soon as the text can no longer be the prefix of
   * a JSON document; the parser then stays failed.
   */
  feed(chunk: string): void {
    if (this.#mode === FAILED) throw new SyntaxError('JSON parser already failed on earlier input');
    const end = chunk.length;
    let i = 0;
    try {
      while (i < end) {
        const mode = this.#mode;
        if (mode === STRING) i = this.#scanString(chunk, i);
        else if (mode === NUMBER) i = this.#scanNumber(chunk, i);
        else this.#step(chunk.charCodeAt(i), i++);
      }
    } catch (err) {
      this.#mode = FAILED;
      throw err;
    }
    this.#position += end;
  }

  /**
   * Returns the best-effort value of the input so far (`undefined` before any value has started). Objects
   * and arrays in the snapshot are live: later feeds keep mutating them.
   */
  snapshot(): unknown {
    if (this.#mode === NUMBER) {
      const trim = NUMBER_TRIM[this.#numberState]!;
      this.#out.showNumber(trim >= 0 ? Number(this.#text.slice(0, this.#text.length - trim)) : undefined);
    }
    return this.#out.root;
  }

  /** Asserts the input was a complete JSON document and returns its value. */
  finish(): unknown {
    if (this.#mode === NUMBER && this.#stack.length === 0) {
      if (!isCompleteNumber(this.#numberState)) this.#fail('Unexpected end of JSON input');
      this.#completeNumber();
    }
    if (this.#mode !== AFTER_VALUE || this.#stack.length > 0) this.#fail('Unexpected end of JSON input');
    return this.#out.root;
  }

  #isCompleteRootNumber(): boolean {
    return this.#mode === NUMBER && isCompleteNumber(this.#numberState);
  }

  #fail(message: string, at = this.#position): never {
    this.#mode = FAILED;
    throw new SyntaxError(`${message} at position ${at}`);
  }

  #unexpected(c: number, index: number): never {
    this.#fail(`Unexpected character ${JSON.stringify(String.fromCharCode(c))}`, this.#position + index);
  }

  /** Handles one character in every mode except STRING and NUMBER, which scan runs of characters. */
  #step(c: number, index: number): void {
    switch (this.#mode) {
      case VALUE:
      case FIRST_ITEM:
        if (isWhitespace(c)) return;
        if (c === 0x5d && this.#mode === FIRST_ITEM) {
          this.#close();
          return;
        }
        this.#beginValue(c, index);
        return;
      case FIRST_KEY:
      case KEY:
        if (isWhitespace(c)) return;
        if (c === 0x7d && this.#mode === FIRST_KEY) {
          this.#close();
          return;
        }
        if (c !== 0x22) {
          this.#unexpected(c, index);
          return;
        }
        this.#text = '';
        this.#textIsKey = true;
        this.#mode = STRING;
        return;
      case COLON:
        if (isWhitespace(c)) return;
        if (c !== 0x3a) {
          this.#unexpected(c, index);
          return;
        }
        this.#mode = VALUE;
        return;
      case AFTER_VALUE:
        this.#afterValue(c, index);
        return;
      case ESCAPE:
        this.#escape(c, index);
        return;
      case UNICODE:
        this.#unicodeDigit(c, index);
        return;
      default:
        this.#literalChar(c, index);
        return;
    }
  }

  #afterValue(c: number, index: number): void {
    if (isWhitespace(c)) return;
    const frame = this.#stack[this.#stack.length - 1];
    if (!frame) {
      this.#unexpected(c, index);
      return;
    }
    if (c === 0x2c) {
      this.#mode = frame.isArray ? VALUE : KEY;
    } else if (c === (frame.isArray ? 0x5d : 0x7d)) {
      this.#close();
    } else {
      this.#unexpected(c, index);
    }
  }

  #beginValue(c: number, index: number): void {
    if (c === 0x7b || c === 0x5b) {
      const isArray = c === 0x5b;
      const container: Container = isArray ? [] : {};
      this.#claimSlot();
      this.#out.putBarrier(container);
      this.#stack.push({ container, isArray, key: '', tail: [] });
      this.#mode = isArray ? FIRST_ITEM : FIRST_KEY;
    } else if (c === 0x22) {
      this.#claimSlot();
      this.#text = '';
      this.#textIsKey = false;
      this.#mode = STRING;
    } else if (c === 0x2d || isDigit(c)) {
      this.#claimSlot();
      this.#numberState = c === 0x2d ? N_SIGN : c === 0x30 ? N_ZERO : N_INT;
      this.#mode = NUMBER;
      this.#text = String.fromCharCode(c);
    } else if (c === 0x74 || c === 0x66 || c === 0x6e) {
      this.#claimSlot();
      this.#literal = c === 0x74 ? 'true' : c === 0x66 ? 'false' : 'null';
      this.#literalPos = 1;
      this.#mode = LITERAL;
    } else {
      this.#unexpected(c, index);
    }
  }

  /** Points the slot at the place the value now starting will occupy. */
  #claimSlot(): void {
    this.#out.claim(this.#stack[this.#stack.length - 1] ?? null);
  }

  #close(): void {
    const frame = this.#stack.pop()!;
    if (frame.isArray) flushTail(frame);
    this.#mode = AFTER_VALUE;
  }

  #scanString(chunk: string, start: number): number {
    let j = start;
    const end = chunk.length;
    let c = 0;
    while (j < end) {
      c = chunk.charCodeAt(j);
      if (c === 0x22 || c === 0x5c || c < 0x20) break;
      j++;
    }
    if (j > start) this.#text += chunk.slice(start, j);
    if (j === end) return end;
    if (c === 0x5c) {
      this.#mode = ESCAPE;
    } else if (c === 0x22) {
      this.#endString();
    } else {
      this.#fail('Bad control character in string literal', this.#position + j);
    }
    return j + 1;
  }

  #endString(): void {
    if (this.#textIsKey) {
      this.#stack[this.#stack.length - 1]!.key = this.#text;
      this.#mode = COLON;
    } else {
      this.#out.putScalar(this.#text);
      this.#mode = AFTER_VALUE;
    }
    this.#text = '';
  }

  #escape(c: number, index: number): void {
    if (c === 0x75) {
      this.#unicode = 0;
      this.#unicodeDigits = 0;
      this.#mode = UNICODE;
      return;
    }
    const decoded = ESCAPES[c];
    if (decoded === undefined) {
      this.#unexpected(c, index);
      return;
    }
    this.#text += decoded;
    this.#mode = STRING;
  }

  #unicodeDigit(c: number, index: number): void {
    const digit = hexValue(c);
    if (digit < 0) {
      this.#unexpected(c, index);
      return;
    }
    this.#unicode = this.#unicode * 16 + digit;
    if (++this.#unicodeDigits === 4) {
      this.#text += String.fromCharCode(this.#unicode);
      this.#mode = STRING;
    }
  }

  #literalChar(c: number, index: number): void {
    if (c !== this.#literal.charCodeAt(this.#literalPos)) {
      this.#unexpected(c, index);
      return;
    }
    if (++this.#literalPos < this.#literal.length) return;
    const literal = this.#literal;
    this.#out.putBarrier(literal === 'true' ? true : literal === 'false' ? false : null);
    this.#mode = AFTER_VALUE;
  }

  #scanNumber(chunk: string, start: number): number {
    let j = start;
    const end = chunk.length;
    let state = this.#numberState;
    while (j < end) {
      const next = numberStep(state, chunk.charCodeAt(j));
      if (next < 0) break;
      state = next;
      j++;
    }
    this.#numberState = state;
    if (j > start) this.#text += chunk.slice(start, j);
    if (j === end) return end;
    if (!isCompleteNumber(state)) this.#unexpected(chunk.charCodeAt(j), j);
    this.#completeNumber();
    return j;
  }

  #completeNumber(): void {
    this.#out.putScalar(Number(this.#text));
    this.#text = '';
    this.#mode = AFTER_VALUE;
  }
}

/**
 * Parses a possibly truncated JSON document in one call and returns its best-effort value.
 *
 * @example
 * ```ts
 * partialParse('{"a": [1, true, 2, tr'); // { a: [1, true] }
 * ```
 * @throws SyntaxError when `text` is not the prefix of a JSON document, or when nothing of it can be
 * shown yet (empty text, or an unfinished root scalar such as `"ab`, `-` or `tr`).
 */
export function partialParse(text: string): unknown {
  const parser = new IncrementalJSONParser();
  parser.feed(text);
  const value = parser.snapshot();
  if (value === undefined) throw new SyntaxError('Unexpected end of JSON input');
  return value;
}

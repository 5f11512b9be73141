/**
 * Where the incremental parser puts each value in its live snapshot, and what the snapshot holds back
 * (see the semantics in `incremental-parser.ts`).
 */

/** An open object or array on the parser's stack. */
export interface Frame {
  container: Record<string, unknown> | unknown[];
  isArray: boolean;
  /** The key whose value comes next (objects only). */
  key: string;
  /** Array elements received but held back from the snapshot: strings and numbers after the last barrier. */
  tail: unknown[];
}

/** Moves the held-back elements of an array into it (a barrier arrived, or the array closed). */
export function flushTail(frame: Frame): void {
  const tail = frame.tail;
  if (tail.length === 0) return;
  const array = frame.container as unknown[];
  for (let i = 0; i < tail.length; i++) array.push(tail[i]);
  tail.length = 0;
}

function setKey(object: Record<string, unknown>, key: string, value: unknown): void {
  if (key === '__proto__') {
    // JSON.parse creates an own property here; plain assignment would replace the prototype.
    Object.defineProperty(object, key, { value, enumerable: true, writable: true, configurable: true });
  } else {
    object[key] = value;
  }
}

/** The slot of the value being read: the root, an object member, or an array element. */
export class Placement {
  /** The snapshot's root value. */
  root: unknown = undefined;
  #frame: Frame | null = null;
  #key = '';
  /** The slot is element 0 of its array, which is never held back. */
  #first = false;
  /** An unfinished number is currently on display in the slot. */
  #shown = false;

  /** Points the slot at the place the value now starting will occupy (`frame` null: the root). */
  claim(frame: Frame | null): void {
    this.#frame = frame;
    this.#shown = false;
    if (frame === null) return;
    if (frame.isArray) this.#first = frame.container.length === 0 && frame.tail.length === 0;
    else this.#key = frame.key;
  }

  /** Stores a finished string or number. */
  putScalar(value: unknown): void {
    const frame = this.#frame;
    if (frame === null) this.root = value;
    else if (!frame.isArray) setKey(frame.container as Record<string, unknown>, this.#key, value);
    else if (this.#first) (frame.container as unknown[])[0] = value;
    else frame.tail.push(value);
  }

  /** Stores a container (as it starts) or a finished literal; both release the held-back elements. */
  putBarrier(value: unknown): void {
    const frame = this.#frame;
    if (frame === null) {
      this.root = value;
    } else if (frame.isArray) {
      flushTail(frame);
      (frame.container as unknown[]).push(value);
    } else {
      setKey(frame.container as Record<string, unknown>, this.#key, value);
    }
  }

  /** Shows an unfinished number's best-effort value in the snapshot, or hides it (`undefined`). */
  showNumber(value: number | undefined): void {
    const frame = this.#frame;
    if (frame === null) {
      this.root = value;
      return;
    }
    if (frame.isArray && !this.#first) return;
    if (value !== undefined) {
      this.#shown = true;
      this.putScalar(value);
    } else if (this.#shown) {
      this.#shown = false;
      if (frame.isArray) (frame.container as unknown[]).length = 0;
      else delete (frame.container as Record<string, unknown>)[this.#key];
    }
  }
}

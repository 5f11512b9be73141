/**
 * The minimal line splitter of the lean reference: decode each network chunk once, cut at `\n`, and join
 * the pieces of a line that spans chunks only when it ends (linear in the input, whatever the line length).
 *
 * @example
 * ```ts
 * const s = new LineSplitter();
 * s.push(bytes('a\nb')); // ['a']
 * s.push(bytes('c\n'));  // ['bc']
 * ```
 */
export class LineSplitter {
  #decoder = new TextDecoder();
  #pending: string[] = [];

  /** Feeds one chunk; returns the lines it completed, without their `\n` (a trailing `\r` is dropped). */
  push(chunk: Uint8Array): string[] {
    return this.#split(this.#decoder.decode(chunk, { stream: true }));
  }

  /** Ends the input; returns the last line when the input did not end with `\n`. */
  flush(): string[] {
    const rest = this.#split(this.#decoder.decode());
    const tail = this.#pending.join('');
    this.#pending = [];
    return tail === '' ? rest : [...rest, tail];
  }

  #split(text: string): string[] {
    const out: string[] = [];
    let start = 0;
    for (let nl = text.indexOf('\n'); nl !== -1; nl = text.indexOf('\n', start)) {
      let line = text.slice(start, nl);
      if (this.#pending.length > 0) {
        this.#pending.push(line);
        line = this.#pending.join('');
        this.#pending = [];
      }
      out.push(line.endsWith('\r') ? line.slice(0, -1) : line);
      start = nl + 1;
    }
    if (start < text.length) this.#pending.push(text.slice(start));
    return out;
  }
}

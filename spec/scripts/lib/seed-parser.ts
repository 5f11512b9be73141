/**
 * Parses the seed API reference (`001_*.txt`) into classes and their fields.
 *
 * The seed is a flattened tree without indentation. A class body lists its fields; inside it, other classes are
 * copied inline, verbatim:
 * - a field whose type is a class is followed (after its prose) by that class's body, without a header;
 * - a union field is followed by `Accepts one of the following:` and members, each `class Y: …` plus Y's body.
 * A class that occurs under several headers has a body equal to the longest common prefix of the lines after
 * each header (copies diverge where their contexts differ). A class with a single header is scanned to its end.
 * A class's own fields are the field lines of its body outside those copies.
 */
import {
  inlineTypeName,
  isOptionalType,
  readSeedLines,
  referencedClass,
  type SeedTextLine,
} from './seed-lines.js';

/**
 * A field of a seed class. `optional` = the seed wraps its type in `Optional[...]`. `maybeIn` is set for fields
 * listed after an inline object field (e.g. `delta: Delta` followed by Delta's fields): the flattened seed cannot
 * tell whether they belong to the class or to that nested object, so either is accepted.
 */
export interface SeedField {
  name: string;
  type: string;
  optional: boolean;
  maybeIn?: string;
  /** The allowed values of a closed `Literal[...]` type, as listed under `Accepts one of the following:`. */
  values?: string[];
}

/** A seed class with its fields in reference order. */
export interface SeedClass {
  name: string;
  fields: SeedField[];
}

/** Top-level type aliases are named after the API (`BetaError = ...`); local ones are union members. */
function isTopLevelAlias(name: string): boolean {
  return /^(Beta|Anthropic)/.test(name);
}

class SeedReader {
  /** Per class, the first line of each occurrence's body: after the header and any description prose. */
  private readonly headers = new Map<string, number[]>();
  private readonly lengths = new Map<string, number>();
  private readonly inProgress = new Set<string>();
  readonly classNames: ReadonlySet<string>;

  constructor(private readonly lines: SeedTextLine[]) {
    lines.forEach((line, i) => {
      if (line.kind !== 'class') return;
      let start = i + 1;
      while (lines[start]?.kind === 'text') start++;
      const list = this.headers.get(line.name) ?? [];
      list.push(start);
      this.headers.set(line.name, list);
    });
    this.classNames = new Set(this.headers.keys());
    this.addExpansionSites();
  }

  /** Headerless copies: a field or alias whose type is a class, followed (after prose) by that class's body. */
  private addExpansionSites(): void {
    this.lines.forEach((line, i) => {
      if (line.kind !== 'field' && line.kind !== 'alias') return;
      const target = referencedClass(line.type, this.classNames);
      const starts = target ? this.headers.get(target) : undefined;
      if (!target || !starts) return;
      let at = i + 1;
      while (this.lines[at]?.kind === 'text') at++;
      if (!starts.includes(at) && this.lines[at]?.text === this.lines[starts[0] as number]?.text)
        starts.push(at);
    });
  }

  /** Number of lines in the body of class `name` (after its header). */
  bodyLength(name: string): number {
    const cached = this.lengths.get(name);
    if (cached !== undefined) return cached;
    const starts = this.headers.get(name) ?? [];
    let length = 0;
    if (starts.length > 1) length = this.commonPrefix(starts);
    else if (starts[0] !== undefined && !this.inProgress.has(name)) {
      this.inProgress.add(name);
      length = this.scan(starts[0], Number.POSITIVE_INFINITY).end - starts[0];
      this.inProgress.delete(name);
    }
    this.lengths.set(name, length);
    return length;
  }

  private commonPrefix(starts: number[]): number {
    let n = 0;
    for (;;) {
      const first = this.lines[(starts[0] as number) + n];
      if (!first || first.kind === 'heading') return n;
      if (starts.some((s) => this.lines[s + n]?.text !== first.text)) return n;
      n++;
    }
  }

  /** True when the lines at `at` are a verbatim copy of class `name`'s body. */
  private isCopyOf(name: string, at: number): boolean {
    const start = this.headers.get(name)?.[0] ?? -1;
    const length = this.bodyLength(name);
    if (length === 0 || start === at) return false;
    for (let k = 0; k < length; k++)
      if (this.lines[at + k]?.text !== this.lines[start + k]?.text) return false;
    return true;
  }

  /** Values of a closed literal type: the quoted lines after the field's prose and `Accepts one of the following:`. */
  private literalValues(type: string, from: number): string[] | undefined {
    if (!/Literal\[/.test(type) || /\b(str|int|Union)\b/.test(type.replace(/"[^"]*"/g, ''))) return undefined;
    let i = from;
    while (this.lines[i]?.kind === 'text') i++;
    if (this.lines[i]?.kind !== 'accepts') return undefined;
    const values: string[] = [];
    for (i++; this.lines[i]?.kind === 'text' && /^".*"$/.test(this.lines[i]?.text ?? ''); i++) {
      values.push((this.lines[i]?.text ?? '').slice(1, -1));
    }
    return values.length > 0 ? values : undefined;
  }

  /** Walks a body from `start` (at most up to `limit`), collecting its own fields and where it ends. */
  scan(start: number, limit: number): { end: number; fields: SeedField[] } {
    const fields: SeedField[] = [];
    let i = start;
    let inUnion = false;
    let maybeIn: string | undefined;
    while (i < limit && i < this.lines.length) {
      const line = this.lines[i] as SeedTextLine;
      if (line.kind === 'heading' || (line.kind === 'alias' && isTopLevelAlias(line.name))) break;
      if (line.kind === 'class') {
        if (!inUnion) break;
        i++;
        while (this.lines[i]?.kind === 'text') i++;
        i += this.bodyLength(line.name);
        continue;
      }
      i++;
      if (line.kind === 'accepts' || line.kind === 'alias') inUnion = true;
      // A quoted literal after `Accepts one of the following:` means an enum, not a union of classes.
      if (line.kind === 'text' && line.text.startsWith('"')) inUnion = false;
      if (line.kind !== 'field' && line.kind !== 'alias') continue;
      if (line.kind === 'field') {
        inUnion = false;
        const field: SeedField = { name: line.name, type: line.type, optional: isOptionalType(line.type) };
        if (maybeIn) field.maybeIn = maybeIn;
        const values = this.literalValues(line.type, i);
        if (values) field.values = values;
        fields.push(field);
      }
      while (i < limit && this.lines[i]?.kind === 'text') i++;
      const target = referencedClass(line.type, this.classNames);
      if (target && this.isCopyOf(target, i)) i += this.bodyLength(target);
      else if (
        line.kind === 'field' &&
        this.lines[i]?.kind === 'field' &&
        inlineTypeName(line.type, this.classNames)
      ) {
        maybeIn ??= line.name;
      }
    }
    return { end: Math.min(i, limit), fields };
  }

  /** The class `name` as defined at its first header. */
  read(name: string): SeedClass {
    const start = this.headers.get(name)?.[0] ?? 0;
    return { name, fields: this.scan(start, start + this.bodyLength(name)).fields };
  }
}

/** Parses seed text into its classes, keyed by name. */
export function parseSeed(text: string): Map<string, SeedClass> {
  const reader = new SeedReader(readSeedLines(text));
  return new Map([...reader.classNames].map((name) => [name, reader.read(name)]));
}

/** Top-level aliases of the seed (`BetaError = ...`), which must exist as schemas too. */
export function parseSeedAliases(text: string): string[] {
  const names = readSeedLines(text).flatMap((l) =>
    l.kind === 'alias' && isTopLevelAlias(l.name) ? [l.name] : [],
  );
  return [...new Set(names)];
}

import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { deriveSeedFacts, formatSeedFacts, loadSeedFacts } from '../scripts/lib/seed-facts.js';
import { classifyLine, inlineTypeName, referencedClass, unescapeSeed } from '../scripts/lib/seed-lines.js';
import { parseSeed, parseSeedAliases } from '../scripts/lib/seed-parser.js';

const seed = (...lines: string[]) => lines.join('\n\n');
const fieldsOf = (text: string, name: string) =>
  parseSeed(text)
    .get(name)
    ?.fields.map((f) => `${f.name}${f.optional ? '?' : ''}${f.maybeIn ? `@${f.maybeIn}` : ''}`);

describe('seed lines', () => {
  it.each([
    ['class BetaFoo: …', { kind: 'class', name: 'BetaFoo' }],
    ['id: str', { kind: 'field', name: 'id', type: 'str' }],
    [
      'ttl: Optional[Literal["5m", "1h"]]',
      { kind: 'field', name: 'ttl', type: 'Optional[Literal["5m", "1h"]]' },
    ],
    [
      'BetaError = [BetaError](api/beta.md)',
      { kind: 'alias', name: 'BetaError', type: '[BetaError](api/beta.md)' },
    ],
    ['Accepts one of the following:', { kind: 'accepts' }],
    ['#### BetaFiles', { kind: 'heading' }],
    ['Note: this is prose', { kind: 'text' }],
    ['type: the kind of thing', { kind: 'text' }],
  ])('classifies %j', (line, want) => {
    expect(classifyLine(line)).toEqual(want);
  });

  it('undoes markdown escapes', () => {
    expect(unescapeSeed('cache\\_control: Optional[X]')).toBe('cache_control: Optional[X]');
  });

  it('finds the class a type points at, through links and wrappers', () => {
    const names = new Set(['BetaSkill', 'BetaTextBlock']);
    expect(referencedClass('Optional[List[[BetaSkill](api/beta.md)]]', names)).toBe('BetaSkill');
    expect(referencedClass('Union[BetaSkill, BetaTextBlock]', names)).toBeUndefined();
    expect(inlineTypeName('Optional[UserLocation]', names)).toBe('UserLocation');
    expect(inlineTypeName('Literal["Abc"]', names)).toBeUndefined();
  });
});

describe('parseSeed', () => {
  it('reads a flat class with required and optional fields', () => {
    const text = seed(
      '#### Files',
      'class FileMetadata: …',
      'id: str',
      'Unique id.',
      'size\\_bytes: int',
      'downloadable: Optional[bool]',
    );
    expect(fieldsOf(text, 'FileMetadata')).toEqual(['id', 'size_bytes', 'downloadable?']);
  });

  it('skips an inline copy of a class-typed field', () => {
    const text = seed(
      'class Cache: …',
      'type: Literal["ephemeral"]',
      'Accepts one of the following:',
      '"ephemeral"',
      'ttl: Optional[str]',
      'class Block: …',
      'text: str',
      'cache\\_control: Optional[Cache]',
      'Makes a breakpoint.',
      'type: Literal["ephemeral"]',
      'Accepts one of the following:',
      '"ephemeral"',
      'ttl: Optional[str]',
      'citations: Optional[List[str]]',
    );
    expect(fieldsOf(text, 'Block')).toEqual(['text', 'cache_control?', 'citations?']);
    expect(fieldsOf(text, 'Cache')).toEqual(['type', 'ttl?']);
  });

  it('skips union members and keeps the fields after them', () => {
    const text = seed(
      'class Err: …',
      'error\\_code: str',
      'class Ok: …',
      'stdout: str',
      'class Result: …',
      'content: Content',
      'Accepts one of the following:',
      'class Err: …',
      'error\\_code: str',
      'class Ok: …',
      'stdout: str',
      'tool\\_use\\_id: str',
      'type: Literal["result"]',
    );
    expect(fieldsOf(text, 'Result')).toEqual(['content', 'tool_use_id', 'type']);
    expect(fieldsOf(text, 'Ok')).toEqual(['stdout']);
  });

  it('marks fields after an inline object as ambiguous', () => {
    const text = seed('class Event: …', 'delta: Delta', 'stop\\_reason: Optional[str]', 'type: Literal["d"]');
    expect(fieldsOf(text, 'Event')).toEqual(['delta', 'stop_reason?@delta', 'type@delta']);
  });

  it('reads the values of closed literal types, but not of open ones', () => {
    const text = seed(
      'class Err: …',
      'error\\_code: Literal["a", "b", 1 more]',
      'Accepts one of the following:',
      '"a"',
      '"b"',
      '"c\\_d"',
      'model: Union[str, Literal["x"]]',
      'Accepts one of the following:',
      '"x"',
    );
    const fields = parseSeed(text).get('Err')?.fields;
    expect(fields?.[0]?.values).toEqual(['a', 'b', 'c_d']);
    expect(fields?.[1]?.values).toBeUndefined();
  });

  it('lists top-level aliases but not local union members', () => {
    const text = seed(
      'BetaError = [BetaError](api/beta.md)',
      'UnionMember0 = str',
      'AnthropicBeta = Union[str, Literal["x"]]',
    );
    expect(parseSeedAliases(text)).toEqual(['BetaError', 'AnthropicBeta']);
  });
});

describe('seed facts data file', () => {
  it('derives sorted classes, non-class aliases and the source hash from a seed text', () => {
    const text = seed(
      'class Zeta: …',
      'a: str',
      'class Alpha: …',
      'b: Optional[int]',
      'BetaError = Union[Zeta, Alpha]',
    );
    const facts = deriveSeedFacts('/somewhere/001_x.txt', text);
    expect(facts.classes.map((c) => c.name)).toEqual(['Alpha', 'Zeta']);
    expect(facts.classes[0]?.fields).toEqual([{ name: 'b', type: 'Optional[int]', optional: true }]);
    expect(facts.aliases).toEqual(['BetaError']);
    expect(facts.source).toEqual({
      file: '001_x.txt',
      sha256: createHash('sha256').update(text).digest('hex'),
    });
    expect(JSON.parse(formatSeedFacts(facts))).toEqual(facts);
  });

  it('is committed in the repository with every class of the reference', () => {
    const facts = loadSeedFacts();
    expect(facts.source.file).toMatch(/^001_.*\.txt$/);
    expect(facts.source.sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(facts.classes.length).toBeGreaterThan(150);
    expect(facts.classes.find((c) => c.name === 'BetaMessage')?.fields.map((f) => f.name)).toContain(
      'content',
    );
  });
});

/** Seeded random JSON documents for property tests (mulberry32, so failures reproduce). */
export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const STRING_POOL = [
  '',
  'a',
  'hello world',
  'quote " inside',
  'back\\slash',
  'line\nbreak',
  'tab\t',
  'é',
  '😀',
  '\u0001',
  '{"not": "json"}',
  '__proto__',
  'emoji 🎉 ok',
];
const NUMBER_POOL = [0, -0, 1, -1, 3.14, -2.5e-7, 1e21, 123456789, 0.1, -1e300];

function randomScalar(next: () => number): unknown {
  const r = next();
  if (r < 0.35) return STRING_POOL[Math.floor(next() * STRING_POOL.length)];
  if (r < 0.65) return NUMBER_POOL[Math.floor(next() * NUMBER_POOL.length)];
  if (r < 0.75) return Math.round(next() * 1e6) / (1 + Math.floor(next() * 100));
  if (r < 0.85) return next() < 0.5;
  return null;
}

/** A random JSON-compatible value of bounded depth and width. */
export function randomValue(next: () => number, depth = 0): unknown {
  const r = next();
  if (depth >= 4 || r < 0.3) return randomScalar(next);
  const width = Math.floor(next() * 5);
  if (r < 0.6) return Array.from({ length: width }, () => randomValue(next, depth + 1));
  const obj: Record<string, unknown> = {};
  for (let i = 0; i < width; i++) {
    const key =
      next() < 0.2 ? STRING_POOL[Math.floor(next() * STRING_POOL.length)]! : `k${Math.floor(next() * 50)}`;
    Object.defineProperty(obj, key, {
      value: randomValue(next, depth + 1),
      enumerable: true,
      writable: true,
      configurable: true,
    });
  }
  return obj;
}

/** Serializes with random insignificant whitespace and random escaping choices. */
export function randomText(next: () => number, value: unknown): string {
  const pretty = next() < 0.3;
  let text = JSON.stringify(value, null, pretty ? 1 + Math.floor(next() * 3) : undefined);
  if (next() < 0.3) text = text.replace(/[é😀🎉]/gu, (ch) => [...ch].map((u) => escapeUnits(u)).join(''));
  return next() < 0.2 ? ` \n${text}\t ` : text;
}

function escapeUnits(ch: string): string {
  let out = '';
  for (let i = 0; i < ch.length; i++) out += `\\u${ch.charCodeAt(i).toString(16).padStart(4, '0')}`;
  return out;
}

/** Splits text into random chunks of 1..maxLen characters. */
export function randomChunks(next: () => number, text: string, maxLen: number): string[] {
  const chunks: string[] = [];
  for (let i = 0; i < text.length; ) {
    const len = 1 + Math.floor(next() * maxLen);
    chunks.push(text.slice(i, i + len));
    i += len;
  }
  return chunks;
}

/**
 * The matrix's summary: the scenario's expected results, a field-by-field check of one runtime's results, and
 * the `runtime | version | result` table the README's "where it runs" section is made from.
 */
import { MESSAGE_TEXT, MODEL_IDS, RESULT_IDS } from '../install/api-double.js';
import { FILE_ID } from './fault-double.js';

/** Human names for the matrix rows, in table order. */
export const LABELS: Record<string, string> = {
  'node20-esm': 'Node.js 20 (ESM)',
  'node20-cjs': 'Node.js 20 (CommonJS)',
  'node22-esm': 'Node.js 22 (ESM)',
  'node22-cjs': 'Node.js 22 (CommonJS)',
  'deno-npm': 'Deno (`npm:` specifier)',
  'deno-esm': 'Deno (ESM build by path)',
  'bun-esm': 'Bun (ESM)',
  'bun-cjs': 'Bun (CommonJS)',
  workerd: 'workerd (Cloudflare Workers, esbuild bundle)',
};

/** What every step of the scenario returns when the SDK works. */
export const EXPECTED: Record<string, unknown> = {
  create: MESSAGE_TEXT,
  stream: {
    text: MESSAGE_TEXT,
    deltas: MESSAGE_TEXT.split(/(?= )/).length,
    final: MESSAGE_TEXT,
    stop: 'end_turn',
  },
  paginate: MODEL_IDS,
  batchResults: RESULT_IDS.map((id) => ({ id, type: 'succeeded', text: MESSAGE_TEXT })),
  upload: {
    id: FILE_ID,
    filename: 'runtime.bin',
    mime: 'application/octet-stream',
    size: 12,
    sameBytes: true,
  },
  download: { length: 256, sequential: true, type: 'application/octet-stream' },
  abort: { text: MESSAGE_TEXT.split(' ')[0], rejected: true, userAbort: true, name: 'APIUserAbortError' },
  retry: { id: 'msg_attempt_2', text: 'retried', status: 200 },
  mock: { type: 'message', role: 'assistant' },
};

/** Order-insensitive for object keys, strict for everything else. */
function same(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
  return [...keys].every((k) => same((a as any)[k], (b as any)[k]));
}

/** One line per step whose result differs from `EXPECTED` (with the step's error stack, if it threw). */
export function failedSteps(results: Record<string, any> | undefined, runtimeName: string): string[] {
  if (!results) return ['no results'];
  const failures: string[] = [];
  if (results.runtime?.name !== runtimeName) {
    failures.push(`runtime: expected ${runtimeName}, detected ${JSON.stringify(results.runtime)}`);
  }
  for (const [name, want] of Object.entries(EXPECTED)) {
    const got = results[name];
    if (same(got, want)) continue;
    const detail = got?.stack ? `\n    ${String(got.stack).split('\n').slice(0, 6).join('\n    ')}` : '';
    failures.push(
      `${name}: expected ${JSON.stringify(want)}, got ${JSON.stringify(got?.error ?? got)}${detail}`,
    );
  }
  return failures;
}

/** One finished row of the matrix. */
export type Row = { id: string; version: string; failures: string[] };

/** The markdown table: `runtime | version | result`, one row per runtime, steps counted. */
export function markdownTable(rows: Row[]): string {
  const total = Object.keys(EXPECTED).length;
  const lines = ['| runtime | version | result |', '| --- | --- | --- |'];
  const order = Object.keys(LABELS);
  for (const row of [...rows].sort((a, b) => order.indexOf(a.id) - order.indexOf(b.id))) {
    const failed = row.failures.map((f) => f.split(':')[0]);
    const result = failed.length === 0 ? `pass (${total}/${total} steps)` : `FAIL: ${failed.join(', ')}`;
    lines.push(`| ${LABELS[row.id] ?? row.id} | ${row.version} | ${result} |`);
  }
  return lines.join('\n');
}

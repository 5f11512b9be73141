/**
 * The README's middleware snippet, run as written (its code block is copied into a module next to this test and
 * imported) against a local server that the environment points the client at.
 */
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, expect, it } from 'vitest';
import { type FaultServer, json, startServer } from './client.js';

const here = dirname(fileURLToPath(import.meta.url));
const README = join(here, '../../../../README.md');

/** The ts block after `<!-- readme-snippet: name -->`. */
function snippet(name: string): string {
  const text = readFileSync(README, 'utf8');
  const at = text.indexOf(`<!-- readme-snippet: ${name} -->`);
  const code = /```ts\n([\s\S]*?)```/.exec(text.slice(at));
  if (at < 0 || !code) throw new Error(`README has no snippet "${name}"`);
  return code[1]!;
}

let server: FaultServer | undefined;
const saved = { ...process.env };
afterEach(async () => {
  process.env = { ...saved };
  await server?.close();
  server = undefined;
});

it('the middleware snippet runs: one model lookup reaches the server, the per-request header is sent', async () => {
  server = await startServer(() => json({ id: 'x', type: 'model' }));
  process.env.ANTHROPIC_BASE_URL = server.url;
  process.env.ANTHROPIC_API_KEY = 'sk-readme-test';
  const file = join(here, `.readme-middleware-${process.pid}.ts`);
  writeFileSync(file, snippet('middleware'));
  try {
    await import(file);
  } finally {
    rmSync(file, { force: true });
  }
  expect(server.requests.map((r) => `${r.method} ${r.url}`)).toEqual([
    'GET /v1/models/claude-sonnet-4-5',
    'POST /v1/messages',
  ]);
  expect(server.requests[0]!.headers['x-trace-id']).toBeUndefined();
  expect(server.requests[1]!.headers['x-trace-id']).toBe('trace-1');
});

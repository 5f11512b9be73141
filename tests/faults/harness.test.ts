/** The matrix runner itself: each invariant it promises fails a scenario that breaks it. */
import { describe, expect, it } from 'vitest';
import { json, stallMidBody } from '../helpers/fault-server.js';
import { runScenario, type Scenario } from './harness.js';

const broken: Array<[string, Scenario['call'], RegExp]> = [
  ['a timer left running', async () => void setTimeout(() => undefined, 3_000), /left open/],
  ['the key in an error', async ({ key }) => ({ error: new Error(`bad ${key}`) }), /outcome quotes the key/],
  [
    'the key in a log line',
    async ({ key, logs }) => void logs.push(`info ${key}`),
    /log line quotes the key/,
  ],
  ['an unhandled rejection', async () => void Promise.reject(new Error('nobody catches this')), /unhandled/],
  [
    'a response body left open',
    async ({ server }) => void (await fetch(server.url)).body?.getReader().read(),
    /socket\(s\) still open/,
  ],
];

describe('fault matrix runner', () => {
  it.each(broken)('fails a scenario with %s', async (_name, call, why) => {
    const row: Scenario = { name: 'broken', replies: [stallMidBody('{', {}), json({})], call, expect: {} };
    const failure = await runScenario(row).then(
      () => undefined,
      (err: Error) => err,
    );
    expect(failure?.message).toMatch(why);
  });
});

/**
 * Shared setup for runtime tests: a minimal subclass of the hand-written base client (the
 * generated `Anthropic` class may not exist yet) pointed at a fault server.
 */

import type { FaultServer } from '../../tests/helpers/fault-server.js';
import { BaseClient, type ClientOptions } from '../src/core/base-client.js';

export * from '../../tests/helpers/fault-server.js';
export { startServer } from '../../tests/helpers/fault-server.js';

/** The base client with nothing added; public methods only. */
export class TestClient extends BaseClient {}

/** A client for `server` with fast, quiet defaults (override any of them). */
export function clientFor(server: FaultServer, options: ClientOptions = {}): TestClient {
  return new TestClient({ apiKey: 'sk-test-key-123456', baseURL: server.url, logLevel: 'off', ...options });
}

/**
 * Checks that `run(size)` scales linearly: times sizes `n` and `8n` (best of `rounds`, after a
 * warm-up) and requires the ratio to stay well below the 64x a quadratic algorithm would show.
 * Generous on purpose, so a loaded machine does not make it flaky.
 */
export async function expectLinear(
  run: (size: number) => Promise<void> | void,
  n: number,
  rounds = 3,
): Promise<void> {
  const best = async (size: number) => {
    let min = Number.POSITIVE_INFINITY;
    for (let i = 0; i < rounds; i++) {
      const t = performance.now();
      await run(size);
      min = Math.min(min, performance.now() - t);
    }
    return min;
  };
  await run(n);
  await run(8 * n);
  const small = Math.max(await best(n), 1);
  const large = await best(8 * n);
  if (large / small >= 32)
    throw new Error(`not linear: ${small.toFixed(1)} ms for n, ${large.toFixed(1)} ms for 8n`);
}

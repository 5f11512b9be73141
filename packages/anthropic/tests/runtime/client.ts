/**
 * Shared setup for the Anthropic package's tests of its runtime instance (the runtime's own tests, with their
 * helpers, live in runtime/test): the instantiated base client pointed at a fault server.
 */
import { BaseAnthropic, type ClientOptions } from '@sdkgen/anthropic/core/base-client';
import type { FaultServer } from '../../../../tests/helpers/fault-server.js';

export * from '../../../../tests/helpers/fault-server.js';
export { startServer } from '../../../../tests/helpers/fault-server.js';

/** The base client with nothing added; public methods only. */
export class TestClient extends BaseAnthropic {}

/** A client for `server` with fast, quiet defaults (override any of them). */
export function clientFor(server: FaultServer, options: ClientOptions = {}): TestClient {
  return new TestClient({ apiKey: 'sk-test-key-123456', baseURL: server.url, logLevel: 'off', ...options });
}

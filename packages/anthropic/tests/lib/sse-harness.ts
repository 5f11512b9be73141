/** Replays recorded `.sse` fixtures through a real local HTTP server into the SDK's stream classes. */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Stream } from '@sdkgen/anthropic/core/streaming';
import { chunkBytes, type FaultServer, startServer } from '../../../../tests/helpers/fault-server.js';

const FIXTURES = fileURLToPath(new URL('../../../../tests/fixtures/sse/', import.meta.url));

/** The raw text of a fixture in `tests/fixtures/sse/`. */
export function fixture(name: string): string {
  return readFileSync(`${FIXTURES}${name}`, 'utf8');
}

/** The JSON events of a fixture (ping and error events included), in order. */
export function fixtureEvents(name: string): any[] {
  return fixture(name)
    .split('\n')
    .filter((line) => line.startsWith('data: '))
    .map((line) => JSON.parse(line.slice(6)));
}

/** Serves each fixture in turn (one per request), split into small chunks to exercise the decoder. */
export async function serveFixtures(names: string[], chunkSize = 37): Promise<FaultServer> {
  return startServer(
    names.map((name) => ({
      headers: { 'content-type': 'text/event-stream', 'request-id': `req_${name.replace(/\W/g, '_')}` },
      chunks: chunkBytes(fixture(name), chunkSize),
    })),
  );
}

/**
 * A stand-in for a messages resource whose `create` POSTs to the server and decodes the SSE body with
 * the runtime's `Stream`, exactly as generated code does with `stream: true`.
 */
export function sseMessages(url: string): any {
  return {
    create(params: unknown, options: { signal?: AbortSignal } = {}) {
      const controller = new AbortController();
      options.signal?.addEventListener('abort', () => controller.abort());
      const pending = fetch(`${url}/v1/messages`, {
        method: 'POST',
        body: JSON.stringify(params),
        headers: { 'content-type': 'application/json' },
        signal: controller.signal,
      });
      return {
        withResponse: async () => {
          const response = await pending;
          return { response, data: Stream.fromSSEResponse(response, controller) };
        },
      };
    },
  };
}

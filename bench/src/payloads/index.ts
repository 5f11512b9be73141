import { batchResults } from './jsonl.js';
import { message } from './message.js';
import { bigEvent, type Payload, textStream, toolStream } from './sse.js';

export type { Payload } from './sse.js';

type Builder = (params: Record<string, number | string>, base: string) => Record<string, Payload>;

/** Payload builders by name: each returns the sub-paths it serves under its route prefix. */
export const builders: Record<string, Builder> = {
  'sse-text': (p) => ({ '/v1/messages': textStream(p as { wireBytes?: number; textBytes?: number }) }),
  'sse-big-event': (p) => ({ '/v1/messages': bigEvent(p as { eventBytes: number }) }),
  'sse-tool': (p) => ({ '/v1/messages': toolStream(p as { inputBytes: number }) }),
  message: () => ({
    '/v1/messages': {
      contentType: 'application/json',
      body: Buffer.from(JSON.stringify(message('Hi! How can I help?'))),
    },
  }),
  'batch-results': (p, base) => batchResults(p as { lines: number; lineBytes: number }, base),
};

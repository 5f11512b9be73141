import { message } from './message.js';
import type { Payload } from './sse.js';

/** The batch id the bench asks for. */
export const BATCH_ID = 'msgbatch_bench';

function line(i: number, lineBytes: number): string {
  const customId = `req-${String(i).padStart(7, '0')}`;
  const withText = (text: string) =>
    JSON.stringify({
      custom_id: customId,
      result: {
        type: 'succeeded',
        message: { ...message('x', `msg_${i}`), content: [{ type: 'text', text }] },
      },
    });
  // Pad the one text block so the line lands on `lineBytes` (ASCII, so characters are bytes).
  const pad = Math.max(0, lineBytes - withText('').length);
  return withText('lorem ipsum '.repeat(Math.ceil(pad / 12) + 1).slice(0, pad));
}

/**
 * The batch resource and its JSONL results: `lines` lines of `lineBytes` bytes each (plus newline).
 * The batch's `results_url` points back at this server.
 */
export function batchResults(
  params: { lines: number; lineBytes: number },
  base: string,
): Record<string, Payload> {
  const parts: string[] = [];
  for (let i = 0; i < params.lines; i++) parts.push(line(i, params.lineBytes));
  const jsonl = Buffer.from(parts.join('\n') + '\n');
  const batch = {
    id: BATCH_ID,
    type: 'message_batch',
    processing_status: 'ended',
    request_counts: { processing: 0, succeeded: params.lines, errored: 0, canceled: 0, expired: 0 },
    ended_at: '2026-11-21T00:00:00Z',
    created_at: '2026-11-20T00:00:00Z',
    expires_at: '2026-11-22T00:00:00Z',
    archived_at: null,
    cancel_initiated_at: null,
    results_url: `${base}/results.jsonl`,
  };
  return {
    [`/v1/messages/batches/${BATCH_ID}`]: {
      contentType: 'application/json',
      body: Buffer.from(JSON.stringify(batch)),
    },
    '/results.jsonl': { contentType: 'application/binary', body: jsonl, units: params.lines },
  };
}

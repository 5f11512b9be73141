/**
 * The scripted half of the runtime matrix's API, on the fault server: a multipart file upload that echoes what it
 * parsed, a binary file download, a message that fails once with a retryable 529, and a stream that stalls after
 * its first text delta (so the client can abort mid-stream). State is kept per `x-run` header, so every runtime
 * can run the scenario at the same time against one server.
 */
import {
  encodeSSE,
  type FaultServer,
  json,
  type Reply,
  retryable,
  startServer,
} from '../helpers/fault-server.js';
import { messageEvents } from '../install/api-double.js';

/** The model name whose first request per run gets a 529 (`retry-after: 0`, `x-should-retry: true`). */
export const RETRY_MODEL = 'claude-retry';
/** The model name whose stream sends its first text delta and then nothing more. */
export const ABORT_MODEL = 'claude-abort';
/** The file id the upload returns and the download serves. */
export const FILE_ID = 'file_runtime';
/** The bytes of the downloaded file: every byte value once, so any text decoding on the way shows. */
export const DOWNLOAD_BYTES = Uint8Array.from({ length: 256 }, (_, i) => i);

/** One part of a multipart/form-data body. */
export type FormPart = { name?: string; filename?: string; type?: string; data: Buffer };

/** Splits a multipart/form-data body into its parts (enough for the SDK's uploads; not a general parser). */
export function parseMultipart(body: Buffer, contentType: string): FormPart[] {
  const boundary = /boundary=(?:"([^"]+)"|([^;]+))/.exec(contentType);
  if (!boundary) return [];
  const delimiter = Buffer.from(`--${boundary[1] ?? boundary[2]}`);
  const parts: FormPart[] = [];
  let start = body.indexOf(delimiter);
  while (start !== -1) {
    const next = body.indexOf(delimiter, start + delimiter.length);
    if (next === -1) break;
    const raw = body.subarray(start + delimiter.length + 2, next - 2); // drop CRLF after and before delimiters
    const split = raw.indexOf('\r\n\r\n');
    const head = raw.subarray(0, split).toString('utf8');
    parts.push({
      name: /name="([^"]*)"/.exec(head)?.[1],
      filename: /filename="([^"]*)"/.exec(head)?.[1],
      type: /content-type:\s*([^\r\n]+)/i.exec(head)?.[1],
      data: raw.subarray(split + 4),
    });
    start = next;
  }
  return parts;
}

function upload(body: Buffer, contentType: string): Reply {
  const file = parseMultipart(body, contentType).find((part) => part.name === 'file');
  if (!file)
    return json(
      { type: 'error', error: { type: 'invalid_request_error', message: 'no file part' } },
      { status: 400 },
    );
  return json({
    id: FILE_ID,
    type: 'file',
    filename: file.filename ?? null,
    mime_type: file.type ?? null,
    size_bytes: file.data.length,
    created_at: '2025-01-01T00:00:00Z',
    downloadable: true,
    // Not an API field: lets the scenario check the bytes arrived unchanged.
    bytes: [...file.data],
  });
}

function abortStream(): Reply {
  const events = messageEvents(ABORT_MODEL);
  const head = encodeSSE(events.slice(0, 3)); // message_start, content_block_start, the first text delta
  return {
    status: 200,
    headers: { 'content-type': 'text/event-stream' },
    chunks: [head, ''],
    chunkDelayMs: Number.POSITIVE_INFINITY,
  };
}

function retried(attempt: number): Reply {
  if (attempt === 1) return retryable(529, { retryAfter: '0', shouldRetry: 'true' });
  const [start] = messageEvents(RETRY_MODEL);
  const { message } = start!.data as { message: Record<string, unknown> };
  return json({
    ...message,
    id: `msg_attempt_${attempt}`,
    content: [{ type: 'text', text: 'retried', citations: null }],
  });
}

/** Starts the double on 127.0.0.1; `attempts` counts retry-model requests per `x-run`. */
export async function startFaultDouble(): Promise<FaultServer & { attempts: Map<string, number> }> {
  const attempts = new Map<string, number>();
  const server = await startServer((req) => {
    const path = new URL(req.url, 'http://127.0.0.1').pathname;
    const run = String(req.headers['x-run'] ?? '');
    if (req.method === 'POST' && path === '/v1/files')
      return upload(req.body, String(req.headers['content-type']));
    if (req.method === 'GET' && path === `/v1/files/${FILE_ID}/content`) {
      return { status: 200, headers: { 'content-type': 'application/octet-stream' }, body: DOWNLOAD_BYTES };
    }
    const model = req.method === 'POST' && path === '/v1/messages' ? req.json().model : undefined;
    if (model === ABORT_MODEL) return abortStream();
    if (model === RETRY_MODEL) {
      const attempt = (attempts.get(run) ?? 0) + 1;
      attempts.set(run, attempt);
      return retried(attempt);
    }
    return json(
      { type: 'error', error: { type: 'not_found_error', message: `no route ${req.method} ${path}` } },
      { status: 404 },
    );
  });
  return Object.assign(server, { attempts });
}

/**
 * A scriptable local HTTP server for SDK tests: canned statuses with retry headers, connections
 * dropped before or during the body, stalls, slow chunks and raw SSE bytes. Every request is
 * recorded (method, url, headers, body bytes). Listens on 127.0.0.1 on a random port; `close()`
 * destroys open sockets and cancels pending timers, so a test never leaks a handle.
 *
 * @example
 * ```ts
 * import { startServer, retryable, json } from '../../../tests/helpers/fault-server.js';
 * const server = await startServer([retryable(529), json({ ok: true })]);
 * try {
 *   // point a client at server.url ...
 *   expect(server.requests).toHaveLength(2);
 * } finally {
 *   await server.close();
 * }
 * ```
 */
import { createServer, type IncomingHttpHeaders, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';

/** One request as the server received it. */
export type RecordedRequest = {
  method: string;
  /** Path and query, e.g. `/v1/models?limit=2`. */
  url: string;
  /** Lower-cased header names. */
  headers: IncomingHttpHeaders;
  /** The exact body bytes. */
  body: Buffer;
  /** Body decoded as UTF-8. */
  text(): string;
  /** Body parsed as JSON. */
  json(): any;
};

/** A scripted response. Every field is optional; the default is an empty 200. */
export type Reply = {
  /** @default 200 */
  status?: number;
  headers?: Record<string, string | string[]>;
  /** Sent in one write. Objects are JSON-encoded (and get `content-type: application/json`). */
  body?: string | Uint8Array | object;
  /** Sent as separate writes, `chunkDelayMs` apart (ignored when `body` is set). */
  chunks?: Array<string | Uint8Array>;
  /** Pause between chunks, in ms. @default 0 */
  chunkDelayMs?: number;
  /** Wait this long before sending headers; `Infinity` never answers (until the client gives up). */
  stallMs?: number;
  /** Destroy the socket without any response. */
  dropBeforeHeaders?: boolean;
  /** After writing headers and all `chunks`/`body`, destroy the socket instead of ending the response. */
  dropAfterBody?: boolean;
};

/** Computes a reply; `index` counts requests from 0. May write to `res` itself and return nothing. */
export type Handler = (
  req: RecordedRequest,
  ctx: { index: number; res: ServerResponse; raw: IncomingMessage },
) => Reply | undefined | Promise<Reply | undefined>;

/** A running fault server. */
export type FaultServer = {
  /** Base URL, e.g. `http://127.0.0.1:53211`, without a trailing slash. */
  url: string;
  port: number;
  /** Requests received so far, in arrival order. */
  requests: RecordedRequest[];
  /**
   * Number of open client sockets that have carried at least one request. (After an abort,
   * undici may open a spare connection that never carries anything; it is not counted.)
   */
  openSockets(): number;
  /** Resolves once `openSockets()` is 0 (rejects after `timeoutMs`). */
  waitForNoSockets(timeoutMs?: number): Promise<void>;
  /** Destroys open sockets, clears pending timers and stops listening. Safe to call twice. */
  close(): Promise<void>;
};

function record(method: string, url: string, headers: IncomingHttpHeaders, body: Buffer): RecordedRequest {
  return {
    method,
    url,
    headers,
    body,
    text: () => body.toString('utf8'),
    json: () => JSON.parse(body.toString('utf8')),
  };
}

/**
 * Starts a server. Pass a handler, or a script: request `i` gets `script[i]`, and requests past
 * the end get a 500 whose body says the script ran out (so the test fails visibly).
 */
export async function startServer(handlerOrScript: Handler | Reply[]): Promise<FaultServer> {
  const handler: Handler =
    typeof handlerOrScript === 'function'
      ? handlerOrScript
      : (_req, { index }) =>
          handlerOrScript[index] ?? {
            status: 500,
            body: { error: `fault-server: no scripted reply #${index}` },
          };
  const sockets = new Set<Socket>();
  const used = new WeakSet<Socket>();
  const openUsed = () => [...sockets].filter((s) => used.has(s)).length;
  const timers = new Set<NodeJS.Timeout>();
  const requests: RecordedRequest[] = [];
  let closed = false;

  const wait = (ms: number) =>
    new Promise<void>((resolve) => {
      if (!Number.isFinite(ms)) return; // stall forever: the socket is destroyed on close
      const t = setTimeout(() => {
        timers.delete(t);
        resolve();
      }, ms);
      timers.add(t);
    });

  const server = createServer(async (raw, res) => {
    const parts: Buffer[] = [];
    for await (const chunk of raw) parts.push(chunk as Buffer);
    const req = record(raw.method ?? 'GET', raw.url ?? '/', raw.headers, Buffer.concat(parts));
    const index = requests.push(req) - 1;
    used.add(raw.socket);
    try {
      const reply = await handler(req, { index, res, raw });
      if (reply) await send(res, reply, wait);
    } catch (err) {
      if (!res.headersSent) res.writeHead(500, { 'content-type': 'text/plain' });
      res.end(`fault-server handler error: ${String(err)}`);
    }
  });
  server.on('connection', (socket) => {
    sockets.add(socket);
    // node:http keeps a half-open socket while a (stalled) response is unfinished; once the
    // client has closed its side nothing more can be delivered, so close ours too.
    socket.on('end', () => socket.destroy());
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;

  return {
    url: `http://127.0.0.1:${port}`,
    port,
    requests,
    openSockets: openUsed,
    async waitForNoSockets(timeoutMs = 2_000) {
      const deadline = Date.now() + timeoutMs;
      while (openUsed() > 0) {
        if (Date.now() > deadline) throw new Error(`fault-server: ${openUsed()} socket(s) still open`);
        await new Promise((r) => setTimeout(r, 10));
      }
    },
    async close() {
      if (closed) return;
      closed = true;
      for (const t of timers) clearTimeout(t);
      timers.clear();
      for (const s of sockets) s.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

async function send(res: ServerResponse, reply: Reply, wait: (ms: number) => Promise<void>): Promise<void> {
  if (reply.stallMs) await wait(reply.stallMs);
  if (reply.dropBeforeHeaders) {
    res.socket?.destroy();
    return;
  }
  const headers: Record<string, string | string[]> = { ...reply.headers };
  let body = reply.body;
  if (body !== undefined && typeof body !== 'string' && !(body instanceof Uint8Array)) {
    body = JSON.stringify(body);
    headers['content-type'] ??= 'application/json';
  }
  res.writeHead(reply.status ?? 200, headers);
  if (body !== undefined) {
    res.write(body);
  } else {
    for (const [i, chunk] of (reply.chunks ?? []).entries()) {
      if (i > 0 && reply.chunkDelayMs) await wait(reply.chunkDelayMs);
      if (res.destroyed) return;
      res.write(chunk);
    }
  }
  if (reply.dropAfterBody) {
    // Let the written bytes leave before cutting the connection.
    await new Promise<void>((resolve) => res.socket?.write('', () => resolve()) ?? resolve());
    res.socket?.destroy();
    return;
  }
  res.end();
}

/** A JSON reply. */
export function json(body: unknown, init: { status?: number; headers?: Record<string, string> } = {}): Reply {
  return {
    status: init.status ?? 200,
    headers: { 'content-type': 'application/json', ...init.headers },
    body: JSON.stringify(body),
  };
}

/**
 * An error reply in the Anthropic error shape, with optional retry headers.
 *
 * @example
 * ```ts
 * retryable(429, { retryAfter: '0' }); retryable(503, { retryAfterMs: '10' }); retryable(400, { shouldRetry: 'true' });
 * ```
 */
export function retryable(
  status: number,
  opts: {
    retryAfter?: string;
    retryAfterMs?: string;
    shouldRetry?: 'true' | 'false';
    headers?: Record<string, string>;
  } = {},
): Reply {
  const headers: Record<string, string> = { 'content-type': 'application/json', ...opts.headers };
  if (opts.retryAfter !== undefined) headers['retry-after'] = opts.retryAfter;
  if (opts.retryAfterMs !== undefined) headers['retry-after-ms'] = opts.retryAfterMs;
  if (opts.shouldRetry !== undefined) headers['x-should-retry'] = opts.shouldRetry;
  return {
    status,
    headers,
    body: JSON.stringify({ type: 'error', error: { type: 'api_error', message: `status ${status}` } }),
  };
}

/** One server-sent event; `data` objects are JSON-encoded. */
export type SSEEvent = { event?: string; data: unknown; id?: string };

/** Encodes events as an `text/event-stream` body (each event ends with a blank line). */
export function encodeSSE(events: SSEEvent[]): string {
  return events
    .map(({ event, data, id }) => {
      const text = typeof data === 'string' ? data : JSON.stringify(data);
      const lines = [event !== undefined ? `event: ${event}` : '', id !== undefined ? `id: ${id}` : '']
        .filter(Boolean)
        .concat(text.split('\n').map((line) => `data: ${line}`));
      return `${lines.join('\n')}\n\n`;
    })
    .join('');
}

/** Splits bytes into pieces of `size` bytes (1 = byte by byte). */
export function chunkBytes(bytes: string | Uint8Array, size: number): Uint8Array[] {
  const buf = typeof bytes === 'string' ? Buffer.from(bytes, 'utf8') : Buffer.from(bytes);
  const out: Uint8Array[] = [];
  for (let i = 0; i < buf.length; i += size) out.push(buf.subarray(i, i + size));
  return out;
}

/**
 * A streaming `text/event-stream` reply from events or raw bytes, optionally split into chunks of
 * `chunkSize` bytes sent `chunkDelayMs` apart, and optionally cut off (`dropAfterBody`).
 */
export function sse(
  events: SSEEvent[] | string | Uint8Array,
  opts: {
    chunkSize?: number;
    chunkDelayMs?: number;
    dropAfterBody?: boolean;
    headers?: Record<string, string>;
  } = {},
): Reply {
  const bytes = Array.isArray(events) ? encodeSSE(events) : events;
  return {
    status: 200,
    headers: { 'content-type': 'text/event-stream', 'cache-control': 'no-cache', ...opts.headers },
    chunks: opts.chunkSize ? chunkBytes(bytes, opts.chunkSize) : [bytes],
    ...(opts.chunkDelayMs !== undefined && { chunkDelayMs: opts.chunkDelayMs }),
    ...(opts.dropAfterBody !== undefined && { dropAfterBody: opts.dropAfterBody }),
  };
}

/** Sends headers and `partialBody`, then destroys the connection mid-body. */
export function dropMidBody(partialBody: string | Uint8Array, headers: Record<string, string> = {}): Reply {
  return { status: 200, headers, chunks: [partialBody], dropAfterBody: true };
}

/** Sends headers and the first chunk, then never sends more (the socket stays open until closed). */
export function stallMidBody(firstChunk: string | Uint8Array, headers: Record<string, string> = {}): Reply {
  return { status: 200, headers, chunks: [firstChunk, ''], chunkDelayMs: Number.POSITIVE_INFINITY };
}

/** Waits `ms` (default: forever) before answering with `then` (default: empty 200). */
export function stall(ms = Number.POSITIVE_INFINITY, then: Reply = {}): Reply {
  return { ...then, stallMs: ms };
}

/** Destroys the connection without sending a response. */
export function dropConnection(): Reply {
  return { dropBeforeHeaders: true };
}

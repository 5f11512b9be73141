/**
 * A small scripted stand-in for the Anthropic API, for tests that run the *packed* SDK in another process or a
 * browser: one message (JSON or streamed as SSE), a two-page model list, a message batch whose results are
 * JSONL at `results_url`, and one tool-use turn for a request that offers tools. Two model names script the
 * abort cases: `STALL_MODEL` never answers, `SLOW_MODEL` streams one event every 100 ms. Answers CORS
 * preflights so a page on another origin can call it. Built on the fault server.
 *
 * @example
 * ```ts
 * const api = await startApiDouble();
 * try { ... new Anthropic({ baseURL: api.url, apiKey: 'k' }) ... } finally { await api.close(); }
 * ```
 */
import { encodeSSE, type FaultServer, json, type Reply, startServer } from '../helpers/fault-server.js';

/** The text the message (and its stream) carries; tests assert on it. */
export const MESSAGE_TEXT = 'Hello from the double';
/** The ids of the models on the two list pages, in order. */
export const MODEL_IDS = ['model-a', 'model-b', 'model-c'];
/** The custom ids of the batch results, in order. */
export const RESULT_IDS = ['req-1', 'req-2'];
/** The input the double asks the first offered tool to run with. */
export const TOOL_INPUT = { city: 'Paris' };
/** The model name whose requests get no answer (until the client gives up). */
export const STALL_MODEL = 'claude-stall';
/** The model name whose streamed message arrives one event every 100 ms. */
export const SLOW_MODEL = 'claude-slow';
/** The final text of a tool-use turn: the tool result's text, quoted back. */
export const toolReplyText = (result: string) => `The tool said: ${result}`;

const CORS = {
  'access-control-allow-origin': '*',
  'access-control-allow-headers': '*',
  'access-control-allow-methods': 'GET, POST, DELETE, OPTIONS',
  'access-control-expose-headers': 'request-id',
};

function message(model: string) {
  return {
    id: 'msg_01',
    type: 'message',
    role: 'assistant',
    model,
    content: [{ type: 'text', text: MESSAGE_TEXT, citations: null }],
    stop_reason: 'end_turn',
    stop_sequence: null,
    usage: {
      input_tokens: 3,
      output_tokens: 5,
      cache_creation_input_tokens: null,
      cache_read_input_tokens: null,
    },
  };
}

/** The SSE events of a streamed message, the text split into word-sized deltas. */
export function messageEvents(model: string) {
  const { content: _content, ...start } = message(model);
  const words = MESSAGE_TEXT.split(/(?= )/);
  return [
    {
      event: 'message_start',
      data: { type: 'message_start', message: { ...start, content: [], stop_reason: null } },
    },
    {
      event: 'content_block_start',
      data: {
        type: 'content_block_start',
        index: 0,
        content_block: { type: 'text', text: '', citations: null },
      },
    },
    ...words.map((text) => ({
      event: 'content_block_delta',
      data: { type: 'content_block_delta', index: 0, delta: { type: 'text_delta', text } },
    })),
    { event: 'content_block_stop', data: { type: 'content_block_stop', index: 0 } },
    {
      event: 'message_delta',
      data: {
        type: 'message_delta',
        delta: { stop_reason: 'end_turn', stop_sequence: null },
        usage: { output_tokens: 5 },
      },
    },
    { event: 'message_stop', data: { type: 'message_stop' } },
  ];
}

type ToolTurnBody = { model: string; tools?: Array<{ name: string }>; messages: Array<{ content: unknown }> };

/**
 * A request offering tools gets a `tool_use` for the first tool, and once the last message carries its
 * `tool_result`, a text answer quoting the result.
 */
function toolTurn(body: ToolTurnBody): Reply {
  const last = body.messages.at(-1)?.content;
  const result = Array.isArray(last) ? last.find((block) => block?.type === 'tool_result') : undefined;
  if (result) {
    const text = typeof result.content === 'string' ? result.content : JSON.stringify(result.content);
    return json({
      ...message(body.model),
      content: [{ type: 'text', text: toolReplyText(text), citations: null }],
    });
  }
  const use = { type: 'tool_use', id: 'toolu_01', name: body.tools![0]!.name, input: TOOL_INPUT };
  return json({ ...message(body.model), content: [use], stop_reason: 'tool_use' });
}

function modelPage(url: URL): Reply {
  const after = url.searchParams.get('after_id');
  const start = after ? MODEL_IDS.indexOf(after) + 1 : 0;
  const limit = Number(url.searchParams.get('limit') ?? 20);
  const ids = MODEL_IDS.slice(start, start + limit);
  const data = ids.map((id) => ({ type: 'model', id, display_name: id, created_at: '2025-01-01T00:00:00Z' }));
  const hasMore = start + limit < MODEL_IDS.length;
  return json({ data, has_more: hasMore, first_id: ids[0] ?? null, last_id: ids.at(-1) ?? null });
}

function batch(base: string, id: string) {
  return {
    id,
    type: 'message_batch',
    processing_status: 'ended',
    request_counts: { processing: 0, succeeded: 2, errored: 0, canceled: 0, expired: 0 },
    created_at: '2025-01-01T00:00:00Z',
    expires_at: '2025-01-02T00:00:00Z',
    ended_at: '2025-01-01T01:00:00Z',
    archived_at: null,
    cancel_initiated_at: null,
    results_url: `${base}/v1/messages/batches/${id}/results`,
  };
}

function results(model: string): Reply {
  const lines = RESULT_IDS.map((custom_id) =>
    JSON.stringify({ custom_id, result: { type: 'succeeded', message: message(model) } }),
  );
  return { status: 200, headers: { 'content-type': 'application/binary' }, body: `${lines.join('\n')}\n` };
}

function route(method: string, url: URL, body: any, base: string): Reply {
  const path = url.pathname;
  if (method === 'POST' && path === '/v1/messages') {
    if (body?.model === STALL_MODEL) return { stallMs: Number.POSITIVE_INFINITY };
    if (body?.stream && body.model === SLOW_MODEL) {
      const chunks = messageEvents(body.model).map((event) => encodeSSE([event]));
      return { status: 200, headers: { 'content-type': 'text/event-stream' }, chunks, chunkDelayMs: 100 };
    }
    if (body?.tools?.length && !body.stream) return toolTurn(body);
    if (body?.stream) {
      return {
        status: 200,
        headers: { 'content-type': 'text/event-stream' },
        body: encodeSSE(messageEvents(body.model)),
      };
    }
    return json(message(body?.model ?? 'unknown'));
  }
  if (method === 'GET' && path === '/v1/models') return modelPage(url);
  const results_ = /^\/v1\/messages\/batches\/([^/]+)\/results$/.exec(path);
  if (method === 'GET' && results_) return results('claude-test');
  const batchId = /^\/v1\/messages\/batches\/([^/]+)$/.exec(path);
  if (method === 'GET' && batchId) return json(batch(base, batchId[1]!));
  return json(
    { type: 'error', error: { type: 'not_found_error', message: `no route ${method} ${path}` } },
    { status: 404 },
  );
}

/** Starts the double on 127.0.0.1 (random port). Close it with `close()`. */
export async function startApiDouble(): Promise<FaultServer> {
  let base = '';
  const server = await startServer((req) => {
    if (req.method === 'OPTIONS') return { status: 204, headers: CORS };
    const url = new URL(req.url, 'http://127.0.0.1');
    const body = req.body.length > 0 ? req.json() : undefined;
    const reply = route(req.method, url, body, base);
    return { ...reply, headers: { ...CORS, 'request-id': `req_${req.method}`, ...reply.headers } };
  });
  base = server.url;
  return server;
}

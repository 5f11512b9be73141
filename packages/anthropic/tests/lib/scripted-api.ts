/** A local scripted Messages API for tool-runner tests: answers each request with the next scripted message. */
import { BetaMessageStream } from '@sdkgen/anthropic/lib/BetaMessageStream';
import {
  encodeSSE,
  type FaultServer,
  type SSEEvent,
  startServer,
} from '../../../../tests/helpers/fault-server.js';
import { sseMessages } from './sse-harness.js';

let counter = 0;

/** An assistant message with the given content blocks. */
export function assistant(content: any[], stop_reason = 'end_turn', usage: Record<string, number> = {}): any {
  return {
    id: `msg_scripted_${++counter}`,
    type: 'message',
    role: 'assistant',
    model: 'claude-sonnet-4-5',
    content,
    stop_reason,
    stop_sequence: null,
    container: null,
    context_management: null,
    usage: {
      input_tokens: 10,
      output_tokens: 5,
      cache_creation_input_tokens: null,
      cache_read_input_tokens: null,
      ...usage,
    },
  };
}

/** A `tool_use` block. */
export function toolUse(id: string, name: string, input: unknown): any {
  return { type: 'tool_use', id, name, input };
}

/** The SSE events the API would send for `message`, with tool input streamed in small fragments. */
export function messageToSSE(message: any): string {
  const events: SSEEvent[] = [];
  const push = (data: any) => events.push({ event: data.type, data });
  push({
    type: 'message_start',
    message: { ...message, content: [], stop_reason: null, usage: { ...message.usage, output_tokens: 1 } },
  });
  message.content.forEach((block: any, index: number) => {
    if (block.type === 'text') {
      push({
        type: 'content_block_start',
        index,
        content_block: { type: 'text', text: '', citations: null },
      });
      for (const piece of block.text.match(/.{1,4}/gs) ?? [])
        push({ type: 'content_block_delta', index, delta: { type: 'text_delta', text: piece } });
    } else if (block.type === 'tool_use') {
      push({ type: 'content_block_start', index, content_block: { ...block, input: {} } });
      for (const piece of JSON.stringify(block.input).match(/.{1,5}/gs) ?? []) {
        push({
          type: 'content_block_delta',
          index,
          delta: { type: 'input_json_delta', partial_json: piece },
        });
      }
    } else {
      push({ type: 'content_block_start', index, content_block: block });
    }
    push({ type: 'content_block_stop', index });
  });
  push({
    type: 'message_delta',
    delta: { stop_reason: message.stop_reason, stop_sequence: null },
    usage: { output_tokens: message.usage.output_tokens },
  });
  push({ type: 'message_stop' });
  return encodeSSE(events);
}

/** Serves `turns` in order (JSON or SSE, as each request asks); extra requests get a 500. */
export function startScriptedAPI(turns: Array<any | ((body: any) => any)>): Promise<FaultServer> {
  return startServer((req, { index }) => {
    const body = req.json();
    const turn = turns[index];
    if (turn === undefined)
      return {
        status: 500,
        body: { type: 'error', error: { type: 'api_error', message: 'script exhausted' } },
      };
    const message = typeof turn === 'function' ? turn(body) : turn;
    if (body.stream) return { headers: { 'content-type': 'text/event-stream' }, body: messageToSSE(message) };
    return {
      headers: { 'content-type': 'application/json', 'request-id': `req_${index}` },
      body: JSON.stringify(message),
    };
  });
}

/** The part of a client the tool runner uses, talking to `url` over real HTTP. */
export function scriptedClient(url: string): any {
  const messages = {
    async create(params: any, options: { signal?: AbortSignal | null } = {}) {
      const response = await fetch(`${url}/v1/messages?beta=true`, {
        method: 'POST',
        body: JSON.stringify(params),
        headers: { 'content-type': 'application/json' },
        signal: options.signal ?? null,
      });
      if (!response.ok) throw new Error(`HTTP ${response.status}: ${await response.text()}`);
      return response.json();
    },
    stream(params: any, options?: any) {
      return BetaMessageStream.createMessage(sseMessages(url), params, options);
    },
  };
  return { beta: { messages } };
}

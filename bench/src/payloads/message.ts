/** Usage block with every field the official stream accumulators read. */
export function usage(input: number, output: number): Record<string, unknown> {
  return {
    input_tokens: input,
    output_tokens: output,
    cache_creation_input_tokens: null,
    cache_read_input_tokens: null,
    server_tool_use: null,
    service_tier: 'standard',
  };
}

/** A complete assistant `Message` with one text block, as `POST /v1/messages` returns it. */
export function message(text: string, id = 'msg_bench_0001'): Record<string, unknown> {
  return {
    id,
    type: 'message',
    role: 'assistant',
    model: 'claude-opus-4-5',
    content: text === '' ? [] : [{ type: 'text', text }],
    stop_reason: text === '' ? null : 'end_turn',
    stop_sequence: null,
    usage: usage(25, text === '' ? 1 : 40),
  };
}

/** Request body every client sends; the server ignores it. */
export const requestBody = {
  model: 'claude-opus-4-5',
  max_tokens: 1024,
  messages: [{ role: 'user' as const, content: 'Hello' }],
};

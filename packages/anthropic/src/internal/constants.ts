/**
 * Models whose non-streaming requests have a lower `max_tokens` ceiling than the 10-minute rule
 * implies. `messages.create` passes the entry for the requested model to
 * `client.calculateNonstreamingTimeout(max_tokens, limit)`.
 */
export const MODEL_NONSTREAMING_TOKENS: Record<string, number> = {
  'claude-opus-4-20250514': 8192,
  'claude-opus-4-0': 8192,
  'claude-4-opus-20250514': 8192,
  'anthropic.claude-opus-4-20250514-v1:0': 8192,
  'claude-opus-4@20250514': 8192,
  'claude-opus-4-1-20250805': 8192,
  'anthropic.claude-opus-4-1-20250805-v1:0': 8192,
  'claude-opus-4-1@20250805': 8192,
};

import Anthropic from '@sdkgen/anthropic';
import { afterEach, describe, expect, test, vi } from 'vitest';

const MESSAGE = {
  id: 'msg_1',
  type: 'message',
  role: 'assistant',
  model: 'claude-opus-4-6',
  content: [],
  stop_reason: 'end_turn',
  stop_sequence: null,
  usage: { input_tokens: 1, output_tokens: 1 },
};

/** A client whose fetch answers every request with one message, never touching the network. */
function client(): Anthropic {
  const fetch = async (): Promise<Response> =>
    new Response(JSON.stringify(MESSAGE), { headers: { 'content-type': 'application/json' } });
  return new Anthropic({ apiKey: 'k', baseURL: 'http://127.0.0.1:9', fetch, maxRetries: 0 });
}

const base = {
  model: 'claude-opus-4-6',
  max_tokens: 2048,
  messages: [{ role: 'user' as const, content: 'Hi' }],
};

// Config requestRules.thinkingEnabledWarning, generated into messages.create and beta.messages.create.
describe('thinking.type=enabled warning', () => {
  afterEach(() => vi.restoreAllMocks());

  test.each(['messages', 'beta.messages'] as const)(
    '%s.create warns for enabled thinking only',
    async (which) => {
      const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
      const c = client();
      const create = (body: any) =>
        which === 'messages' ? c.messages.create(body) : c.beta.messages.create(body);
      await create({ ...base, thinking: { type: 'enabled', budget_tokens: 1024 } });
      expect(warn).toHaveBeenCalledTimes(1);
      expect(String(warn.mock.calls[0]![0])).toContain(
        "Using Claude with claude-opus-4-6 and 'thinking.type=enabled'",
      );
      await create({ ...base, thinking: { type: 'adaptive' } });
      await create({
        ...base,
        model: 'claude-sonnet-4-5',
        thinking: { type: 'enabled', budget_tokens: 1024 },
      });
      await create(base);
      expect(warn).toHaveBeenCalledTimes(1);
    },
  );
});

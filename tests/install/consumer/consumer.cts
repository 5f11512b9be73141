// The CommonJS side of the type check (node16 reads this file as CommonJS and resolves the `require` types).
import Anthropic = require('@sdkgen/anthropic');

import type { Message } from '@sdkgen/anthropic/resources/messages';

const client = new Anthropic.Anthropic({ apiKey: 'k' });
const Default: typeof Anthropic.Anthropic = Anthropic.default;

export async function first(): Promise<Message> {
  // @ts-expect-error model is required
  client.messages.create({ max_tokens: 1, messages: [] });
  return new Default().messages.create({
    model: 'm',
    max_tokens: 1,
    messages: [{ role: 'user', content: 'x' }],
  });
}

// Type-checked (never run) in a fresh project against the installed tarball's declarations, under
// `moduleResolution` node16 (as an ES module) and bundler. The @ts-expect-error lines prove the types are real.
import Anthropic, { APIError, type ClientOptions } from '@sdkgen/anthropic';
import type { APIPromise } from '@sdkgen/anthropic/core/api-promise';
import type { MessageStream } from '@sdkgen/anthropic/lib/MessageStream';
import type { Message, MessageCreateParamsNonStreaming } from '@sdkgen/anthropic/resources/messages';
import { toFile } from '@sdkgen/anthropic/uploads';

const options: ClientOptions = { apiKey: 'k', maxRetries: 1 };
const client = new Anthropic(options);
const params: MessageCreateParamsNonStreaming = {
  model: 'claude',
  max_tokens: 8,
  messages: [{ role: 'user', content: 'hi' }],
};

export async function run(): Promise<string[]> {
  const pending: APIPromise<Message> = client.messages.create(params);
  const message: Message = await pending;
  const stream: MessageStream = client.messages.stream(params);
  const final: Message = await stream.finalMessage();
  const ids: string[] = [];
  for await (const model of client.models.list({ limit: 2 })) ids.push(model.id);
  for await (const entry of await client.messages.batches.results('batch_1')) ids.push(entry.custom_id);
  const file = await toFile(new Uint8Array([1]), 'a.bin');
  // @ts-expect-error max_tokens is required
  client.messages.create({ model: 'claude', messages: [] });
  // @ts-expect-error a message has no such field
  message.not_a_field;
  return [message.id, final.id, file.name, String(APIError.prototype instanceof Error), ...ids];
}

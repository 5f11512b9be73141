// Runs in a fresh project against the installed tarball (ESM entry). Prints one JSON line for the test to check.
import Anthropic, { APIError } from '@sdkgen/anthropic';
import { AnthropicError } from '@sdkgen/anthropic/core/error';
import { MessageStream } from '@sdkgen/anthropic/lib/MessageStream';

const client = new Anthropic({ apiKey: 'test-key', baseURL: process.env.API_URL, maxRetries: 0 });
const params = { model: 'claude-test', max_tokens: 32, messages: [{ role: 'user', content: 'Hi' }] };

const created = await client.messages.create(params);
// The generator's spec-driven mock server answers with the spec's examples.
const mock = new Anthropic({ apiKey: 'test-key', baseURL: process.env.MOCK_URL, maxRetries: 0 });
const fromMock = await mock.messages.create(params);
const mockModels = [];
for await (const model of mock.models.list()) mockModels.push(model.id);
const stream = client.messages.stream(params);
let streamed = '';
stream.on('text', (delta) => {
  streamed += delta;
});
const final = await stream.finalMessage();
const models = [];
for await (const model of client.models.list({ limit: 2 })) models.push(model.id);
const results = [];
for await (const entry of await client.messages.batches.results('batch_1')) results.push(entry.custom_id);
let notFound;
try {
  await client.models.retrieve('missing-model');
} catch (err) {
  notFound = err;
}

console.log(
  JSON.stringify({
    created: created.content[0].text,
    mock: { type: fromMock.type, role: fromMock.role, listed: mockModels.length > 0 },
    streamed,
    final: final.content[0].text,
    isMessageStream: stream instanceof MessageStream,
    models,
    results,
    errorClasses:
      notFound instanceof APIError && notFound instanceof AnthropicError && notFound.status === 404,
  }),
);

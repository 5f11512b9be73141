// Runs in a fresh project against the installed tarball (CommonJS entry). Prints one JSON line for the test.
const Anthropic = require('@sdkgen/anthropic');
const { APIError } = require('@sdkgen/anthropic');
const { AnthropicError } = require('@sdkgen/anthropic/core/error');

async function main() {
  // `require()` returns a constructor, as with 0.74.0; `.default` and `.Anthropic` are the class itself.
  const client = new Anthropic({ apiKey: 'test-key', baseURL: process.env.API_URL, maxRetries: 0 });
  const params = { model: 'claude-test', max_tokens: 32, messages: [{ role: 'user', content: 'Hi' }] };
  const created = await client.messages.create(params);
  // The generator's spec-driven mock server answers with the spec's examples.
  const mock = new Anthropic({ apiKey: 'test-key', baseURL: process.env.MOCK_URL, maxRetries: 0 });
  const fromMock = await mock.messages.create(params);
  const mockModels = [];
  for await (const model of mock.models.list()) mockModels.push(model.id);
  let streamed = '';
  const stream = client.messages.stream(params).on('text', (delta) => {
    streamed += delta;
  });
  const final = await stream.finalMessage();
  const models = [];
  for await (const model of client.models.list({ limit: 2 })) models.push(model.id);
  const results = [];
  for await (const entry of await client.messages.batches.results('batch_1')) results.push(entry.custom_id);
  let notFound;
  await client.models.retrieve('missing-model').catch((err) => {
    notFound = err;
  });
  return {
    created: created.content[0].text,
    mock: { type: fromMock.type, role: fromMock.role, listed: mockModels.length > 0 },
    streamed,
    final: final.content[0].text,
    isMessageStream: typeof stream.finalMessage === 'function',
    models,
    results,
    errorClasses:
      notFound instanceof APIError && notFound instanceof AnthropicError && notFound.status === 404,
    sameClass: Anthropic.default === Anthropic.Anthropic && client instanceof Anthropic.Anthropic,
  };
}

main().then(
  (out) => console.log(JSON.stringify(out)),
  (err) => {
    console.error(err);
    process.exit(1);
  },
);

// Usage from the README of @anthropic-ai/sdk@0.74.0, rewritten against our package: it must type-check
// (generator/test/consumer.test.ts runs tsc on it). Written for this repo; nothing here runs.
import fs from 'node:fs';
import Anthropic, { toFile } from '@sdkgen/anthropic';

export async function readmeExamples(batchID: string): Promise<void> {
  const client = new Anthropic({ apiKey: process.env.ANTHROPIC_API_KEY, maxRetries: 0, timeout: 20_000 });

  const message = await client.messages.create({
    max_tokens: 1024,
    messages: [{ role: 'user', content: 'Hello, Claude' }],
    model: 'claude-sonnet-4-5-20250929',
  });
  console.log(message.content, message.usage.input_tokens, message._request_id);

  const stream = await client.messages.create({
    max_tokens: 1024,
    messages: [{ role: 'user', content: 'Hello, Claude' }],
    model: 'claude-sonnet-4-5-20250929',
    stream: true,
  });
  for await (const event of stream) console.log(event.type);

  const params: Anthropic.MessageCreateParams = {
    max_tokens: 1024,
    messages: [{ role: 'user', content: 'Hello, Claude' }],
    model: 'claude-sonnet-4-5-20250929',
  };
  const typed: Anthropic.Message = await client.messages.create(params);
  const block: Anthropic.Messages.ContentBlock | undefined = typed.content[0];
  console.log(block);

  const helper = client.messages.stream({
    model: 'claude-sonnet-4-5-20250929',
    max_tokens: 1024,
    messages: [{ role: 'user', content: 'Hi' }],
  });
  console.log(await helper.finalMessage());

  await client.messages.batches.create({
    requests: [
      {
        custom_id: 'my-first-request',
        params: {
          model: 'claude-sonnet-4-5-20250929',
          max_tokens: 1024,
          messages: [{ role: 'user', content: 'Hello, world' }],
        },
      },
    ],
  });
  const results = await client.messages.batches.results(batchID);
  for await (const entry of results) {
    if (entry.result.type === 'succeeded') console.log(entry.result.message.content);
  }

  for await (const batch of client.messages.batches.list({ limit: 20 })) console.log(batch.id);
  let page = await client.messages.batches.list({ limit: 20 });
  for (const batch of page.data) console.log(batch.processing_status);
  while (page.hasNextPage()) page = await page.getNextPage();
  const batchPage: Anthropic.Messages.MessageBatchesPage = page;
  console.log(batchPage);

  const models = await client.models.list();
  const model: Anthropic.ModelInfo | undefined = models.data[0];
  console.log(model?.id, (await client.models.retrieve('claude-sonnet-4-5')).display_name);

  await client.beta.files.upload({
    file: await toFile(fs.createReadStream('/path/to/file'), undefined, { type: 'application/json' }),
    betas: ['files-api-2025-04-14'],
  });
  await client.beta.files.upload({ file: new File(['my bytes'], 'file.txt', { type: 'text/plain' }) });
  await client.beta.files.upload({
    file: await toFile(Buffer.from('my bytes'), 'file', { type: 'text/plain' }),
  });
  const download: Response = await client.beta.files.download('file_id');
  console.log(await download.text());
  for await (const file of client.beta.files.list()) console.log(file.filename);

  const skill = await client.beta.skills.create({
    display_title: 'Helper',
    files: [await toFile(Buffer.from('x'), 'SKILL.md')],
  });
  for await (const s of client.beta.skills.list()) console.log(s.id);
  const version = await client.beta.skills.versions.retrieve('version', { skill_id: skill.id });
  console.log(version.version);

  const beta: Anthropic.Beta.Messages.BetaMessage = await client.beta.messages.create({
    max_tokens: 1024,
    model: 'claude-sonnet-4-5-20250929',
    messages: [{ role: 'user', content: 'Hi' }],
    betas: ['skills-2025-10-02'],
  });
  console.log(beta.content);
  const betaMessages: Anthropic.Beta.Messages = client.beta.messages;
  const betaStream = betaMessages.stream({
    model: 'claude-sonnet-4-5',
    max_tokens: 64,
    messages: [{ role: 'user', content: 'Hi' }],
  });
  console.log(await betaStream.finalMessage());
  const batchParams: Anthropic.Beta.Messages.BatchCreateParams = { requests: [] };
  console.log(batchParams, Anthropic.Beta.Messages.Batches);

  const { data, response } = await client.messages
    .create({
      max_tokens: 1024,
      messages: [{ role: 'user', content: 'Hello' }],
      model: 'claude-sonnet-4-5-20250929',
    })
    .withResponse();
  console.log(data.content, response.headers.get('request-id'));

  await client.messages
    .create(
      {
        max_tokens: 1024,
        messages: [{ role: 'user', content: 'Hello' }],
        model: 'claude-sonnet-4-5-20250929',
      },
      { timeout: 5_000, headers: { 'anthropic-version': 'x' } },
    )
    .catch((err: unknown) => {
      if (err instanceof Anthropic.APIError) console.log(err.status, err.name, err.headers);
    });
  const completion = await client.completions.create({
    model: 'claude-2.1',
    max_tokens_to_sample: 256,
    prompt: `${Anthropic.HUMAN_PROMPT} Hi${Anthropic.AI_PROMPT}`,
  });
  console.log(completion.completion);
}

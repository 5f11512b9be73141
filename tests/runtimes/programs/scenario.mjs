// The runtime matrix's one scenario, plain JavaScript that Node, Deno, Bun and workerd all run unchanged.
// Each launcher imports the SDK its own way and calls `run(sdk, urls, runId)`; the result is plain JSON.
// Every step catches its own failure (and is bounded in time), so one broken feature is one red field.

const STEP_TIMEOUT_MS = 15_000;
const UPLOAD_BYTES = [0, 1, 2, 127, 128, 200, 254, 255, 13, 10, 0x68, 0x69];

/** Which runtime this is, from its globals. */
export function detectRuntime() {
  const g = globalThis;
  if (g.Deno?.version) return { name: 'deno', version: g.Deno.version.deno };
  if (g.Bun?.version) return { name: 'bun', version: g.Bun.version };
  if (g.navigator?.userAgent === 'Cloudflare-Workers') return { name: 'workerd', version: null };
  if (g.process?.versions?.node) return { name: 'node', version: g.process.versions.node };
  return { name: 'unknown', version: null };
}

function describeError(err) {
  return {
    error: `${err?.constructor?.name ?? typeof err}: ${err?.message ?? String(err)}`,
    stack: err?.stack,
  };
}

async function step(name, results, fn) {
  let timer;
  const timeout = new Promise((_, reject) => {
    timer = setTimeout(
      () => reject(new Error(`step ${name} took over ${STEP_TIMEOUT_MS} ms`)),
      STEP_TIMEOUT_MS,
    );
  });
  try {
    results[name] = await Promise.race([fn(), timeout]);
  } catch (err) {
    results[name] = describeError(err);
  } finally {
    clearTimeout(timer);
  }
}

const textOf = (message) => message.content.map((block) => block.text ?? '').join('');
const ask = (model, extra = {}) => ({
  model,
  max_tokens: 16,
  messages: [{ role: 'user', content: 'hi' }],
  ...extra,
});

async function streamed(client) {
  const deltas = [];
  const stream = client.messages.stream(ask('claude-test'));
  stream.on('text', (delta) => deltas.push(delta));
  const final = await stream.finalMessage();
  return { text: deltas.join(''), deltas: deltas.length, final: textOf(final), stop: final.stop_reason };
}

async function listed(client) {
  const ids = [];
  for await (const model of client.models.list({ limit: 2 })) ids.push(model.id);
  return ids;
}

async function batchResults(client) {
  const rows = [];
  for await (const row of await client.messages.batches.results('msgbatch_runtime')) {
    rows.push({ id: row.custom_id, type: row.result.type, text: textOf(row.result.message) });
  }
  return rows;
}

async function uploaded(sdk, client) {
  const file = await sdk.toFile(Uint8Array.from(UPLOAD_BYTES), 'runtime.bin', {
    type: 'application/octet-stream',
  });
  const meta = await client.beta.files.upload({ file });
  const sameBytes = JSON.stringify(meta.bytes) === JSON.stringify(UPLOAD_BYTES);
  return { id: meta.id, filename: meta.filename, mime: meta.mime_type, size: meta.size_bytes, sameBytes };
}

async function downloaded(client, id) {
  const response = await client.beta.files.download(id);
  const bytes = new Uint8Array(await response.arrayBuffer());
  const sequential = bytes.every((byte, i) => byte === i);
  return { length: bytes.length, sequential, type: response.headers.get('content-type') };
}

async function aborted(sdk, client) {
  const controller = new AbortController();
  const deltas = [];
  const stream = client.messages.stream(ask('claude-abort'), { signal: controller.signal });
  stream.on('text', (delta) => {
    deltas.push(delta);
    controller.abort();
  });
  try {
    await stream.finalMessage();
    return { text: deltas.join(''), rejected: false };
  } catch (err) {
    return {
      text: deltas.join(''),
      rejected: true,
      userAbort: err instanceof sdk.APIUserAbortError,
      name: err?.constructor?.name,
    };
  }
}

async function retried(client) {
  const { data, response } = await client.messages.create(ask('claude-retry')).withResponse();
  return { id: data.id, text: textOf(data), status: response.status };
}

/**
 * Runs every step; `urls` has `api` (the API double), `fault` (the fault double) and `mock` (Prism), and
 * `runId` is sent as `x-run` so the fault double keeps this run's retry count apart.
 */
export async function run(sdk, urls, runId) {
  const Anthropic = sdk.default ?? sdk.Anthropic;
  const options = { apiKey: 'sk-runtime', maxRetries: 2, defaultHeaders: { 'x-run': runId } };
  const api = new Anthropic({ ...options, baseURL: urls.api });
  const fault = new Anthropic({ ...options, baseURL: urls.fault });
  const mock = new Anthropic({ ...options, baseURL: urls.mock });
  const results = { runtime: detectRuntime() };
  await step('create', results, async () => textOf(await api.messages.create(ask('claude-test'))));
  await step('stream', results, () => streamed(api));
  await step('paginate', results, () => listed(api));
  await step('batchResults', results, () => batchResults(api));
  await step('upload', results, () => uploaded(sdk, fault));
  await step('download', results, () => downloaded(fault, 'file_runtime'));
  await step('abort', results, () => aborted(sdk, fault));
  await step('retry', results, () => retried(fault));
  await step('mock', results, async () => {
    const message = await mock.messages.create(ask('claude-sonnet-4-5'));
    return { type: message.type, role: message.role };
  });
  return results;
}

/** For command-line launchers: runs with the JSON arguments and prints one `RESULT <json>` line. */
export async function main(sdk, argsJson) {
  const { urls, runId } = JSON.parse(argsJson);
  const results = await run(sdk, urls, runId);
  console.log(`RESULT ${JSON.stringify(results)}`);
}

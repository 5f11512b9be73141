// The page the browser test loads. `?api=<url>&mode=stream|refuse` picks what it does; the outcome is rendered
// into #out and summarized on <body data-state>, which the test waits for.
import Anthropic, { AnthropicError } from '@sdkgen/anthropic';

const query = new URLSearchParams(location.search);
const out = document.getElementById('out')!;
const baseURL = query.get('api') ?? '';

async function stream(): Promise<void> {
  const client = new Anthropic({
    apiKey: 'browser-test-key',
    baseURL,
    maxRetries: 0,
    dangerouslyAllowBrowser: true,
  });
  const stream = client.messages.stream({
    model: 'claude-test',
    max_tokens: 32,
    messages: [{ role: 'user', content: 'Say hello' }],
  });
  stream.on('text', (delta) => {
    out.textContent += delta;
  });
  const final = await stream.finalMessage();
  document.body.dataset.stopReason = final.stop_reason ?? '';
}

function refuse(): void {
  // No dangerouslyAllowBrowser: the constructor must throw before any request is made.
  new Anthropic({ apiKey: 'browser-test-key', baseURL });
  out.textContent = 'constructed without error';
}

async function main(): Promise<void> {
  try {
    if (query.get('mode') === 'refuse') refuse();
    else await stream();
    document.body.dataset.state = 'done';
  } catch (err) {
    const kind = err instanceof AnthropicError ? 'AnthropicError' : (err as Error).name;
    out.textContent = `${kind}: ${(err as Error).message}`;
    document.body.dataset.state = 'error';
  }
}

void main();

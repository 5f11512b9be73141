/**
 * Prism compiles an operation's request and response validators on the first request that reaches it; for the
 * large Messages schemas that takes seconds (tens of seconds on a loaded two-core machine), which would land in
 * the first test's time budget. Touching every operation once during global setup moves that cost out of the
 * tests. Responses are ignored: any answer, even a 422, means the validators are built.
 */
type Doc = { paths?: Record<string, Record<string, { requestBody?: unknown }>> };

const METHODS = new Set(['get', 'post', 'put', 'patch', 'delete']);

/** Sends one request to every operation of `doc` at `baseURL`, two at a time, each bounded by `perRequestMs`. */
export async function warmUp(baseURL: string, doc: Doc, perRequestMs = 60_000): Promise<void> {
  const calls: Array<() => Promise<void>> = [];
  for (const [key, item] of Object.entries(doc.paths ?? {})) {
    const path = key.replace(/\{[^}]+\}/g, 'warm_up');
    for (const method of Object.keys(item).filter((m) => METHODS.has(m))) {
      calls.push(() => touch(`${baseURL}${path}`, method, perRequestMs));
    }
  }
  const lane = async () => {
    for (let call = calls.shift(); call; call = calls.shift()) await call();
  };
  await Promise.all([lane(), lane()]);
}

async function touch(url: string, method: string, timeoutMs: number): Promise<void> {
  const hasBody = method !== 'get' && method !== 'delete';
  try {
    const res = await fetch(url, {
      method: method.toUpperCase(),
      headers: {
        'content-type': 'application/json',
        'x-api-key': 'warm-up',
        'anthropic-version': '2023-06-01',
      },
      ...(hasBody ? { body: '{}' } : {}),
      signal: AbortSignal.timeout(timeoutMs),
    });
    await res.arrayBuffer();
  } catch {
    // A failed warm-up request only means the first real test pays the compile cost; the tests still decide.
  }
}

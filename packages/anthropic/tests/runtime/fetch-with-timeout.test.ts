import Anthropic from '@sdkgen/anthropic';
import { describe, expect, it } from 'vitest';

/** A fetch that answers after `delayMs`, or rejects when its signal aborts first. */
function slowFetch(delayMs: number, seen: RequestInit[] = []) {
  return (_url: string | URL | Request, init?: RequestInit) =>
    new Promise<Response>((resolve, reject) => {
      seen.push(init ?? {});
      const timer = setTimeout(() => resolve(new Response('ok')), delayMs);
      init?.signal?.addEventListener('abort', () => {
        clearTimeout(timer);
        reject(Object.assign(new Error('aborted'), { name: 'AbortError' }));
      });
    });
}

describe('client.fetchWithTimeout (0.74.0 signature)', () => {
  it("answers through the client's fetch, with the controller's signal", async () => {
    const seen: RequestInit[] = [];
    const client = new Anthropic({ apiKey: 'k', fetch: slowFetch(5, seen) });
    const controller = new AbortController();
    const res = await client.fetchWithTimeout('http://x/', { method: 'POST', body: 'b' }, 1_000, controller);
    expect(await res.text()).toBe('ok');
    expect(seen[0]).toMatchObject({ method: 'POST', body: 'b', signal: controller.signal });
    expect(controller.signal.aborted).toBe(false);
  });

  it('aborts the controller once the timeout passes', async () => {
    const client = new Anthropic({ apiKey: 'k', fetch: slowFetch(5_000) });
    const controller = new AbortController();
    await expect(client.fetchWithTimeout('http://x/', undefined, 20, controller)).rejects.toThrow('aborted');
    expect(controller.signal.aborted).toBe(true);
  });

  it("aborts when the caller's own signal aborts", async () => {
    const client = new Anthropic({ apiKey: 'k', fetch: slowFetch(5_000) });
    const own = new AbortController();
    const pending = client.fetchWithTimeout(
      'http://x/',
      { signal: own.signal },
      5_000,
      new AbortController(),
    );
    own.abort();
    await expect(pending).rejects.toThrow('aborted');
  });
});

import { afterEach, describe, expect, it, vi } from 'vitest';
import { TestClient } from './client.js';

afterEach(() => {
  vi.unstubAllGlobals();
  vi.unstubAllEnvs();
});

/** An environment that throws on every read, as Deno's does without `--allow-env`. */
const deniedEnv = () =>
  new Proxy(
    {},
    {
      get(_target, name) {
        throw Object.assign(new Error(`Requires env access to "${String(name)}"`), { name: 'NotCapable' });
      },
    },
  );

describe('environment variables', () => {
  it('are read and trimmed; empty counts as unset', () => {
    vi.stubEnv('EXAMPLE_API_KEY', '  sk-from-env  ');
    vi.stubEnv('EXAMPLE_AUTH_TOKEN', '');
    const client = new TestClient({ baseURL: 'http://127.0.0.1:1' });
    expect(client.apiKey).toBe('sk-from-env');
    expect(client.authToken).toBeNull();
  });

  it('an environment the client may not read counts as unset, so explicit options need no permission', () => {
    const { env } = process;
    vi.stubGlobal('process', { ...process, env: deniedEnv() });
    let client: TestClient | undefined;
    try {
      client = new TestClient({ apiKey: 'sk-explicit', baseURL: 'http://127.0.0.1:1' });
    } finally {
      vi.stubGlobal('process', { ...process, env });
    }
    expect(client.apiKey).toBe('sk-explicit');
    expect(client.authToken).toBeNull();
  });
});

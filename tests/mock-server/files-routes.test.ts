import Anthropic, { toFile } from '@sdkgen/anthropic';
import { describe, expect, test } from 'vitest';

/** A client whose fetch records each request's method and URL and answers with a canned JSON body. */
function recordingClient(): { client: Anthropic; seen: string[] } {
  const seen: string[] = [];
  const fetch = async (input: string | URL | Request, init?: RequestInit): Promise<Response> => {
    const url = new URL(input instanceof Request ? input.url : String(input));
    seen.push(`${init?.method ?? 'GET'} ${url.pathname}${url.search}`);
    const body = url.pathname.endsWith('/content')
      ? 'raw bytes'
      : JSON.stringify({ data: [], has_more: false, first_id: null, last_id: null, id: 'file_1' });
    return new Response(body, { status: 200, headers: { 'content-type': 'application/json' } });
  };
  const client = new Anthropic({ apiKey: 'k', baseURL: 'http://127.0.0.1:9', fetch, maxRetries: 0 });
  return { client, seen };
}

// 0.74.0 sends the Files API without `?beta=true` (only the `anthropic-beta` header selects it).
describe('beta.files request URLs match 0.74.0', () => {
  test('every method', async () => {
    const { client, seen } = recordingClient();
    await client.beta.files.list({ limit: 2 });
    await client.beta.files.retrieveMetadata('file_1');
    await client.beta.files.download('file_1');
    await client.beta.files.delete('file_1');
    await client.beta.files.upload({ file: await toFile(Buffer.from('hi'), 'a.txt') });
    expect(seen).toEqual([
      'GET /v1/files?limit=2',
      'GET /v1/files/file_1',
      'GET /v1/files/file_1/content',
      'DELETE /v1/files/file_1',
      'POST /v1/files',
    ]);
  });

  test('other beta resources keep ?beta=true', async () => {
    const { client, seen } = recordingClient();
    await client.beta.models.retrieve('claude-sonnet-4-5');
    expect(seen).toEqual(['GET /v1/models/claude-sonnet-4-5?beta=true']);
  });
});

import Anthropic from '@sdkgen/anthropic';
import { mcpResourceToFile } from '@sdkgen/anthropic/helpers/beta/mcp';
import { afterEach, describe, expect, it } from 'vitest';
import { type FaultServer, startServer } from '../../../tests/helpers/fault-server.js';
import { AnthropicFoundry } from '../src/index.js';

let server: FaultServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

// The official client's beta is the SDK's Beta, whose files.upload names helper-made files.
describe('AnthropicFoundry beta.files', () => {
  it("is the main client's overlay class", () => {
    const client = new AnthropicFoundry({ resource: 'my-resource', apiKey: 'k' });
    expect(Object.getPrototypeOf(client.beta.files)).toBe(Anthropic.Beta.Files.prototype);
    expect(client.beta).toBeInstanceOf(Anthropic.Beta);
  });

  it('sends x-stainless-helper for a file made by mcpResourceToFile', async () => {
    server = await startServer(() => ({
      body: { id: 'file_1', type: 'file', filename: 'a.txt', mime_type: 'text/plain', size_bytes: 5 },
    }));
    const client = new AnthropicFoundry({ baseURL: `${server.url}/anthropic/`, apiKey: 'k', maxRetries: 0 });
    const file = mcpResourceToFile({ contents: [{ uri: 'file:///notes/a.txt', text: 'notes' }] });
    await client.beta.files.upload({ file });
    const [request] = server.requests;
    expect(request!.url).toBe('/anthropic/v1/files');
    expect(request!.headers['x-stainless-helper']).toBe('mcpResourceToFile');
    expect(request!.headers['x-api-key']).toBe('k');
  });
});

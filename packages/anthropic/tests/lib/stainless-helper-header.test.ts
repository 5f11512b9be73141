// `x-stainless-helper` on messages.create (GA and beta, and the helpers built on it) and beta.files.upload, as
// @anthropic-ai/sdk@0.74.0 sends it (issue 11 item 7). Expected values were measured against 0.74.0's built JS
// with the same requests: helper names in first-seen order (tools, then each message and its content blocks),
// deduplicated, joined by ', '; a caller's header (or null) in options.headers wins; no helper, no header.
import Anthropic from '@sdkgen/anthropic';
import {
  mcpContent,
  mcpMessage,
  mcpResourceToContent,
  mcpResourceToFile,
  mcpTool,
} from '@sdkgen/anthropic/helpers/beta/mcp';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { type FaultServer, startServer } from '../../../../tests/helpers/fault-server.js';
import { assistant, messageToSSE } from './scripted-api.js';

let server: FaultServer;
const fileMetadata = {
  id: 'file_1',
  type: 'file',
  filename: 'a.txt',
  mime_type: 'text/plain',
  size_bytes: 1,
  created_at: '2025-01-01T00:00:00Z',
};

beforeAll(async () => {
  server = await startServer((req) => {
    if (req.url.startsWith('/v1/files')) return { body: fileMetadata };
    if (req.url.startsWith('/v1/messages/count_tokens')) return { body: { input_tokens: 1 } };
    const message = assistant([{ type: 'text', text: '{"a":1}' }]);
    if (req.json().stream)
      return { headers: { 'content-type': 'text/event-stream' }, body: messageToSSE(message) };
    return { body: message };
  });
});
afterAll(() => server.close());
beforeEach(() => {
  server.requests.length = 0;
});

const client = () => new Anthropic({ apiKey: 'sk-test', baseURL: server.url, maxRetries: 0 });
/** The `x-stainless-helper` header of each request received so far. */
const sent = () => server.requests.map((r) => r.headers['x-stainless-helper']);

const mcpClient = { callTool: async () => ({ content: [{ type: 'text' as const, text: 'done' }] }) };
const tool = () => mcpTool({ name: 'lookup', inputSchema: { type: 'object' } }, mcpClient);
const promptMessage = () => mcpMessage({ role: 'user', content: { type: 'text', text: 'Hi' } });
const base = { model: 'claude-sonnet-4-5', max_tokens: 64 };
const plain = { role: 'user' as const, content: 'Hi' };

const cases: Array<{ name: string; params: () => any; header: string | undefined }> = [
  { name: 'no helper objects', params: () => ({ ...base, messages: [plain] }), header: undefined },
  {
    name: 'an mcpTool tool',
    params: () => ({ ...base, tools: [tool()], messages: [plain] }),
    header: 'mcpTool',
  },
  {
    name: 'an mcpMessage message (its block is mcpContent)',
    params: () => ({ ...base, messages: [promptMessage()] }),
    header: 'mcpMessage, mcpContent',
  },
  {
    name: 'tools and messages together, each name once',
    params: () => ({ ...base, tools: [tool(), tool()], messages: [promptMessage(), promptMessage()] }),
    header: 'mcpTool, mcpMessage, mcpContent',
  },
  {
    name: 'helper-made content blocks in a plain message',
    params: () => ({
      ...base,
      messages: [
        {
          role: 'user',
          content: [
            mcpResourceToContent({ contents: [{ uri: 'file:///a.txt', text: 'notes' }] }),
            mcpContent({ type: 'text', text: 'x' }),
          ],
        },
      ],
    }),
    header: 'mcpResourceToContent, mcpContent',
  },
];

describe.each([
  ['messages.create', (c: Anthropic, p: any, o?: any) => c.messages.create(p, o)],
  ['beta.messages.create', (c: Anthropic, p: any, o?: any) => c.beta.messages.create(p, o)],
])('%s sends x-stainless-helper as 0.74.0 does', (_method, create) => {
  it.each(cases)('$name', async ({ params, header }) => {
    await create(client(), params());
    expect(sent()).toEqual([header]);
  });

  it("a caller's header wins, and null removes it", async () => {
    const both = (): any => ({ ...base, tools: [tool()], messages: [promptMessage()] });
    await create(client(), both(), { headers: { 'X-Stainless-Helper': 'mine' } });
    await create(client(), both(), { headers: { 'x-stainless-helper': null } });
    await create(
      client(),
      { ...base, messages: [plain] },
      { headers: { 'x-stainless-helper': 'only-mine' } },
    );
    expect(sent()).toEqual(['mine', undefined, 'only-mine']);
  });
});

describe('methods built on create() send it too', () => {
  const both = (): any => ({ ...base, tools: [tool()], messages: [promptMessage()] });
  const all = 'mcpTool, mcpMessage, mcpContent';
  const tagged = () => ({ tools: [tool() as any], messages: [promptMessage() as any] });

  it('stream(), parse() and create({ stream: true }), GA and beta; countTokens() does not', async () => {
    const c = client();
    await c.messages.stream(both()).finalMessage();
    await c.beta.messages.stream(both()).finalMessage();
    await c.messages.parse(both());
    await c.beta.messages.parse(both());
    for await (const _ of await c.messages.create({ ...base, ...tagged(), stream: true }));
    for await (const _ of await c.beta.messages.create({ ...base, ...tagged(), stream: true }));
    await c.messages.countTokens(both());
    await c.beta.messages.countTokens(both());
    expect(sent()).toEqual([all, all, all, all, all, all, undefined, undefined]);
    expect(server.requests[0]!.headers['x-stainless-helper-method']).toBe('stream');
  });

  it('the tool runner puts its own name first', async () => {
    await client().beta.messages.toolRunner(both());
    expect(sent()).toEqual([`BetaToolRunner, ${all}`]);
  });
});

describe('beta.files.upload sends it for a helper-made file', () => {
  const file = () => mcpResourceToFile({ contents: [{ uri: 'file:///notes/a.txt', text: 'notes' }] });

  it('mcpResourceToFile, a plain File, and a caller header', async () => {
    const c = client();
    await c.beta.files.upload({ file: file() });
    await c.beta.files.upload({ file: new File(['x'], 'a.txt') });
    await c.beta.files.upload({ file: file() }, { headers: { 'x-stainless-helper': 'mine' } });
    expect(sent()).toEqual(['mcpResourceToFile', undefined, 'mine']);
    expect(server.requests[0]!.headers['anthropic-beta']).toBe('files-api-2025-04-14');
  });
});

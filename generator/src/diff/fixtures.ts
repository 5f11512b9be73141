import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * A small but complete spec for the diff tests: a request schema, a response schema with a union, a paginated
 * list with a query parameter. Each test clones it, edits one thing, and diffs the pair.
 */
export function baseSpec(): Record<string, any> {
  const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });
  return {
    openapi: '3.1.0',
    info: { title: 'Diff fixture', version: '1' },
    paths: {
      '/v1/messages': {
        post: {
          operationId: 'messages-create',
          summary: 'Create a message',
          requestBody: {
            required: true,
            content: { 'application/json': { schema: ref('MessageCreateParams') } },
          },
          responses: {
            '200': { description: 'ok', content: { 'application/json': { schema: ref('Message') } } },
          },
        },
      },
      '/v1/models': {
        get: {
          operationId: 'models-list',
          parameters: [{ name: 'limit', in: 'query', required: false, schema: { type: 'integer' } }],
          responses: {
            '200': { description: 'ok', content: { 'application/json': { schema: ref('ModelList') } } },
          },
        },
      },
    },
    components: {
      schemas: {
        MessageCreateParams: {
          type: 'object',
          required: ['model', 'max_tokens'],
          properties: {
            model: { type: 'string', description: 'The model to use.' },
            max_tokens: { type: 'integer' },
            temperature: { type: 'number' },
            service_tier: { type: 'string', enum: ['auto', 'standard_only'] },
          },
        },
        Message: {
          type: 'object',
          required: ['id', 'content', 'stop_reason'],
          properties: {
            id: { type: 'string', description: 'Unique object identifier.' },
            content: { type: 'array', items: ref('ContentBlock') },
            stop_reason: { type: 'string', enum: ['end_turn', 'max_tokens'] },
          },
        },
        ContentBlock: { oneOf: [ref('TextBlock'), ref('ToolUseBlock')] },
        TextBlock: {
          type: 'object',
          required: ['type', 'text'],
          properties: { type: { const: 'text' }, text: { type: 'string' } },
        },
        ToolUseBlock: {
          type: 'object',
          required: ['type', 'id'],
          properties: { type: { const: 'tool_use' }, id: { type: 'string' } },
        },
        ModelInfo: {
          type: 'object',
          required: ['id'],
          properties: { id: { type: 'string' }, display_name: { type: 'string' } },
        },
        ModelList: {
          type: 'object',
          required: ['data'],
          properties: { data: { type: 'array', items: ref('ModelInfo') }, has_more: { type: 'boolean' } },
        },
      },
    },
  };
}

const created: string[] = [];

/** Removes every temp folder `writeSpec` and `tempDir` created (call from `afterAll`). */
export function removeTempDirs(): void {
  for (const dir of created.splice(0)) rmSync(dir, { recursive: true, force: true });
}

/** A fresh temp folder, removed by `removeTempDirs`. */
export function tempDir(prefix: string): string {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  created.push(dir);
  return dir;
}

/** Writes `spec` as `openapi.json` into a fresh temp folder (under `root` when given) and returns the folder. */
export function writeSpec(spec: Record<string, any>, root?: string): string {
  const dir = root ?? tempDir('sdkgen-diff-test-');
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'openapi.json'), `${JSON.stringify(spec, null, 2)}\n`);
  return dir;
}

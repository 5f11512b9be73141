import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, test } from 'vitest';
import { Warnings } from '../src/errors.js';
import { init } from '../src/init/index.js';
import { detectPage } from '../src/init/pages.js';

const PETSTORE = fileURLToPath(new URL('../../tests/golden/petstore/', import.meta.url));

describe('sdkgen init', () => {
  test('the petstore golden config is what init writes for its spec, byte for byte', async () => {
    const configPath = join(PETSTORE, 'sdk.config.yaml');
    const text = await init({ specPath: join(PETSTORE, 'openapi.yaml'), configPath }, new Warnings());
    expect(text).toBe(readFileSync(configPath, 'utf8'));
  });

  const list = (props: object, params: string[]) => ({
    parameters: params.map((name) => ({ name, in: 'query', schema: { type: 'string' } })),
    responses: {
      '200': { content: { 'application/json': { schema: { type: 'object', properties: props } } } },
    },
  });
  const arr = { type: 'array', items: {} };
  const str = { type: 'string' };

  test.each([
    {
      shape: 'id cursors',
      op: list({ data: arr, has_more: {}, first_id: str, last_id: str }, ['after_id', 'before_id', 'limit']),
      want: { kind: 'Page', next: { param: 'after_id', from: 'last_id' } },
    },
    {
      shape: 'opaque cursor',
      op: list({ items: arr, next_cursor: str }, ['cursor', 'limit']),
      want: { kind: 'CursorPage', next: { param: 'cursor', from: 'next_cursor' } },
    },
    {
      shape: 'next link',
      op: list({ results: arr, next: str }, ['page']),
      want: { kind: 'LinkPage', response: { items: 'results', nextUrl: 'next' } },
    },
  ])('detects $shape pages', ({ op, want }) => {
    expect(detectPage({}, op, {})).toMatchObject(want);
  });

  test('a plain object response is not a page', () => {
    expect(detectPage({}, list({ id: str }, []), {})).toBeUndefined();
  });
});

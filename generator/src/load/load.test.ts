import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { bundle, createConfig } from '@redocly/openapi-core';
import { afterAll, describe, expect, test } from 'vitest';
import { GeneratorError, Warnings } from '../errors.js';
import { load } from './index.js';
import { bundleSelfContained } from './self-contained.js';

const MULTI = fileURLToPath(new URL('../../test/fixtures/multi-file/openapi.yaml', import.meta.url));
const dir = mkdtempSync(join(tmpdir(), 'sdkgen-load-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('load', () => {
  test('bundles cross-file refs into local component refs and records each schema source file', async () => {
    const spec = await load(MULTI, new Warnings());
    expect(spec.document.components.schemas.Pet.properties.owner.$ref).toBe('#/components/schemas/Owner');
    expect(spec.schemaSources).toEqual({ Pet: 'schemas/pets.yaml', Owner: 'schemas/pets.yaml' });
    expect(spec.hash).toMatch(/^[0-9a-f]{64}$/);
    expect((await load(MULTI, new Warnings())).hash).toBe(spec.hash);
  });

  test.each([
    ['swagger 2', { swagger: '2.0', info: { title: 't', version: '1' }, paths: {} }, /load: #\/openapi: /],
    ['no paths', { openapi: '3.1.0', info: { title: 't', version: '1' } }, /load: #\/paths: /],
  ])('%s is a load error', async (name, doc, message) => {
    const file = join(dir, `${name.replace(/\W/g, '')}.json`);
    writeFileSync(file, JSON.stringify(doc));
    const err = await load(file, new Warnings()).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(GeneratorError);
    expect(String((err as Error).message)).toMatch(message);
  });

  test('a JSON document with a key twice is refused as the YAML parser refuses it', async () => {
    const file = join(dir, 'duplicate.json');
    writeFileSync(
      file,
      '{"openapi": "3.1.0", "info": {"title": "t", "version": "1"}, "paths": {}, "paths": {}}',
    );
    const err = await load(file, new Warnings()).catch((e: unknown) => e);
    expect(String((err as Error).message)).toMatch(
      /load: .*duplicate\.json#: invalid YAML\/JSON: Map keys must be unique/,
    );
  });
});

describe('one-file JSON documents skip the bundler when it would return them unchanged', () => {
  const example = { $ref: '#/components/examples/E' };
  const doc = (extra: (d: any) => void) => {
    const d: any = {
      openapi: '3.1.0',
      info: { title: 't', version: '1' },
      paths: {
        '/a': {
          get: {
            operationId: 'a',
            parameters: [{ name: 'q', in: 'query', schema: { type: 'string' }, example }],
            responses: {
              '200': {
                description: 'ok',
                content: { 'application/json': { schema: { $ref: '#/components/schemas/Y' }, example } },
              },
            },
          },
        },
      },
      components: {
        schemas: {
          Y: {
            type: 'object',
            properties: { id: { type: 'string' }, self: { $ref: '#/components/schemas/Y' } },
          },
          Z: {
            oneOf: [{ $ref: '#/components/schemas/Y' }],
            discriminator: { propertyName: 'id', mapping: { y: '#/components/schemas/Y', plain: 'Y' } },
          },
        },
        examples: { E: { value: { a: 1 } } },
      },
    };
    extra(d);
    return d;
  };
  test.each<[string, (d: any) => void]>([
    ['as written', () => {}],
    [
      'without components',
      (d) => {
        d.components = undefined;
        d.paths['/a'].get = { responses: { '200': { description: 'ok' } } };
      },
    ],
    [
      'a schema example $ref with keys beside it',
      (d) => {
        d.components.schemas.Y.example = { $ref: '#/components/examples/E/value', note: 'kept' };
      },
    ],
    [
      'a fifty-deep chain of $ref aliases',
      (d) => {
        for (let i = 0; i < 50; i++)
          d.components.schemas[`A${i}`] = { $ref: `#/components/schemas/A${i + 1}` };
        d.components.schemas.A50 = { $ref: '#/components/schemas/Y' };
        d.paths['/a'].get.responses['200'].content['application/json'].schema = {
          $ref: '#/components/schemas/A0',
        };
      },
    ],
    [
      'an OpenAPI 3.0 document',
      (d) => {
        d.openapi = '3.0.3';
      },
    ],
  ])('%s: the same document as the bundler', async (name, change) => {
    const d = doc(change);
    const file = join(dir, `${name.replace(/\W/g, '')}.json`);
    writeFileSync(file, JSON.stringify(d));
    const bundled = await bundle({ ref: file, config: await createConfig({}), dereference: false });
    expect(bundled.problems).toEqual([]);
    const fast = await bundleSelfContained(JSON.parse(JSON.stringify(d)));
    expect(fast).toBeDefined();
    expect(JSON.stringify(fast)).toBe(JSON.stringify(bundled.bundle.parsed));
  });

  test.each<[string, (d: any) => void]>([
    [
      'a dangling $ref',
      (d) => {
        d.components.schemas.Y.properties.id = { $ref: '#/components/schemas/Nope' };
      },
    ],
    [
      'a $ref to another file',
      (d) => {
        d.components.schemas.Y.properties.id = { $ref: 'other.json#/Id' };
      },
    ],
    [
      'a $ref chain that loops',
      (d) => {
        d.components.schemas.A = { $ref: '#/components/schemas/B' };
        d.components.schemas.B = { $ref: '#/components/schemas/A' };
      },
    ],
    [
      'an example $ref to something holding a $ref',
      (d) => {
        d.components.examples.E.value = { $ref: '#/components/schemas/Y' };
      },
    ],
    [
      'an example $ref to a string',
      (d) => {
        d.components.schemas.Y.example = { $ref: '#/info/title' };
      },
    ],
    [
      'a mapping into a schema',
      (d) => {
        d.components.schemas.Z.discriminator.mapping.y = '#/components/schemas/Y/properties/id';
      },
    ],
    [
      'an externalValue',
      (d) => {
        d.components.examples.X = { externalValue: 'x.json' };
      },
    ],
  ])('%s: the bundler runs', async (_name, change) => {
    expect(await bundleSelfContained(doc(change))).toBeUndefined();
  });
});

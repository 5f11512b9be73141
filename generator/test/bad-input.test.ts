import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, test, vi } from 'vitest';
import { main } from '../src/cli.js';
import { GeneratorError } from '../src/errors.js';
import { generate } from '../src/pipeline.js';

const dirs: string[] = [];
afterAll(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

const item = { type: 'object', properties: { id: { type: 'string' } } };
const ok = (schema: object) => ({
  '200': { description: 'ok', content: { 'application/json': { schema } } },
});

function spec(paths: object, schemas: object = { Item: item }): string {
  return JSON.stringify({
    openapi: '3.1.0',
    info: { title: 't', version: '1' },
    paths,
    components: { schemas },
  });
}

function config(extra = '', method = 'get_item'): string {
  return `version: 1
spec: ./openapi.json
package: { name: '@t/sdk' }
client: { className: T, baseClassName: BaseT }
${extra}
resources:
  items:
    className: Items
    module: items
    methods:
      retrieve: { operation: ${method} }
`;
}

const getItem = {
  '/items/{id}': {
    get: {
      operationId: 'get_item',
      parameters: [{ name: 'id', in: 'path', required: true, schema: { type: 'string' } }],
      responses: ok({ $ref: '#/components/schemas/Item' }),
    },
  },
};

/** Writes a scenario to a temp dir; returns its config path and (empty) output dir. */
function scenario(specText: string, configText: string): { configPath: string; outDir: string } {
  const dir = mkdtempSync(join(tmpdir(), 'sdkgen-bad-'));
  dirs.push(dir);
  writeFileSync(join(dir, 'openapi.json'), specText);
  writeFileSync(join(dir, 'sdk.config.yaml'), configText);
  mkdirSync(join(dir, 'out'));
  return { configPath: join(dir, 'sdk.config.yaml'), outDir: join(dir, 'out') };
}

const cases: {
  name: string;
  spec: string;
  config: string;
  stage: string;
  pointer: RegExp;
  message: RegExp;
}[] = [
  {
    name: 'dangling $ref',
    spec: spec({
      '/items/{id}': {
        get: { ...getItem['/items/{id}'].get, responses: ok({ $ref: '#/components/schemas/Missing' }) },
      },
    }),
    config: config(),
    stage: 'load',
    pointer: /^#\/paths\/~1items~1\{id\}\/get\/responses\/200\/content\/application~1json\/schema$/,
    message: /resolve/i,
  },
  {
    name: 'alias cycle the emitter cannot express',
    spec: spec(getItem, {
      Item: item,
      A: { $ref: '#/components/schemas/B' },
      B: { anyOf: [{ $ref: '#/components/schemas/A' }, { type: 'string' }] },
    }),
    config: config(),
    stage: 'normalize',
    pointer: /^#\/components\/schemas\/A$/,
    message: /cycle .*A -> B -> A/,
  },
  {
    name: 'name collision',
    spec: spec(getItem, { Item: item, Other: item }),
    config: config('typeNames: { Other: Item }\ntypeModules: [{ files: "**", module: items }]'),
    stage: 'plan',
    pointer: /^#\/components\/schemas\/(Item|Other)$/,
    message: /name "Item" collides in module "items"/,
  },
  {
    name: 'typeRefs naming a type that does not exist',
    spec: spec(getItem),
    config: config('typeRefs: { Item.id: NoSuchType }'),
    stage: 'plan',
    pointer: /sdk\.config\.yaml#\/typeRefs\/Item\.id$/,
    message: /no SDK type named "NoSuchType"/,
  },
  {
    name: 'config entry pointing at a missing operation',
    spec: spec(getItem),
    config: config('', 'no_such_op'),
    stage: 'plan',
    pointer: /sdk\.config\.yaml#\/resources\/items\/methods\/retrieve\/operation$/,
    message: /no operation "no_such_op"/,
  },
  {
    name: 'misspelled top-level config key',
    spec: spec(getItem),
    config: config('autoResourcez: {}'),
    stage: 'config',
    pointer: /sdk\.config\.yaml#\/autoResourcez$/,
    message: /unknown key \(did you mean autoResources\?\)/,
  },
  {
    name: 'unknown nested config key (a method entry)',
    spec: spec(getItem),
    config: config().replace('{ operation: get_item }', '{ operation: get_item, pagnation: Page }'),
    stage: 'config',
    pointer: /sdk\.config\.yaml#\/resources\/items\/methods\/retrieve\/pagnation$/,
    message: /unknown key \(did you mean pagination\?\)/,
  },
];

describe('bad input -> GeneratorError with stage and pointer, nothing written', () => {
  test.each(cases)('$name', async (c) => {
    const s = scenario(c.spec, c.config);
    const err = await generate({ ...s, mode: 'write' }).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(err).toBeInstanceOf(GeneratorError);
    const g = err as GeneratorError;
    expect(g.stage).toBe(c.stage);
    expect(g.pointer).toMatch(c.pointer);
    expect(g.message).toMatch(c.message);
    expect(g.message.startsWith(`${c.stage}: ${g.pointer}: `)).toBe(true);
    expect(readdirSync(s.outDir)).toEqual([]);
  });

  test('the CLI exits 2 and writes nothing', async () => {
    const s = scenario(cases[2]!.spec, cases[2]!.config);
    const code = await main(['generate', '--config', s.configPath, '--out', s.outDir]);
    expect(code).toBe(2);
    expect(existsSync(join(s.outDir, '.sdkgen.json'))).toBe(false);
  });

  test('a misspelled config key: exit 2, the pointer and a suggestion on stderr, nothing written', async () => {
    const s = scenario(spec(getItem), config('autoResourcez: {}'));
    let stderr = '';
    const spy = vi.spyOn(process.stderr, 'write').mockImplementation((chunk: string | Uint8Array) => {
      stderr += String(chunk);
      return true;
    });
    try {
      expect(await main(['generate', '--config', s.configPath, '--out', s.outDir])).toBe(2);
    } finally {
      spy.mockRestore();
    }
    expect(stderr).toMatch(
      /^sdkgen: config: \S*sdk\.config\.yaml#\/autoResourcez: unknown key \(did you mean autoResources\?\)$/m,
    );
    expect(readdirSync(s.outDir)).toEqual([]);
  });
});

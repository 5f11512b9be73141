import { describe, expect, it } from 'vitest';
import { userConfigSchema } from '../../generator/src/config/schema.js';
import { bundled, deref, operations, sdkConfig } from './helpers.js';

type Obj = Record<string, any>;
const config = sdkConfig();
const methods = (): [string, string, Obj][] =>
  Object.entries(config.resources as Obj).flatMap(([res, r]) =>
    Object.entries((r as Obj).methods as Obj).map(
      ([m, spec]) => [res, m, spec as Obj] as [string, string, Obj],
    ),
  );

describe('sdk.config.yaml', () => {
  it('validates against the config schema the generator owns', () => {
    const result = userConfigSchema.safeParse(config);
    expect(result.success ? [] : result.error.issues).toEqual([]);
  });

  it('maps every spec operation to exactly one method', async () => {
    const ids = methods().map(([, , m]) => m.operation);
    expect(new Set(ids).size).toBe(ids.length);
    expect([...ids].sort()).toEqual([...operations(await bundled()).keys()].sort());
  });

  it('names the resource tree and overlays of the brief', () => {
    expect(Object.keys(config.resources)).toEqual(
      expect.arrayContaining([
        'messages',
        'messages.batches',
        'models',
        'completions',
        'beta',
        'beta.messages',
        'beta.messages.batches',
        'beta.models',
        'beta.files',
        'beta.skills',
        'beta.skills.versions',
      ]),
    );
    expect(config.overlays.messages).toEqual({
      class: 'lib/MessagesOverlay#MessagesOverlay',
      methods: ['stream', 'parse'],
      exports: ['lib/MessagesOverlay#MessageStreamParams'],
    });
    expect(config.overlays['beta.messages'].methods).toEqual(['stream', 'parse', 'toolRunner']);
  });

  it('agrees with the spec on streaming, JSONL, binary and multipart', async () => {
    const doc = await bundled();
    const ops = operations(doc);
    for (const [res, name, m] of methods()) {
      const { op } = ops.get(m.operation) as { op: Obj };
      const ok = op.responses['200'].content as Obj;
      const where = `${res}.${name}`;
      if (m.stream) {
        expect(ok['text/event-stream']?.schema.$ref, where).toBe(`#/components/schemas/${m.stream.event}`);
        expect(
          deref(doc, op.requestBody.content['application/json'].schema).properties[m.stream.param],
          where,
        ).toBeDefined();
      }
      if (m.jsonl)
        expect(ok['application/x-jsonl']?.schema.$ref, where).toBe(`#/components/schemas/${m.jsonl.item}`);
      if (m.binary)
        expect(ok['application/octet-stream']?.schema, where).toEqual({ type: 'string', format: 'binary' });
      expect(Boolean(op.requestBody?.content['multipart/form-data']), where).toBe(Boolean(m.multipart));
    }
  });

  it('pages list methods with the query params of their scheme', async () => {
    const doc = await bundled();
    const ops = operations(doc);
    for (const [res, name, m] of methods()) {
      if (!m.pagination) continue;
      const scheme = config.pagination[m.pagination];
      const { op } = ops.get(m.operation) as { op: Obj };
      const params = op.parameters.map((p: Obj) => deref(doc, p).name);
      expect(params, `${res}.${name}`).toEqual(expect.arrayContaining(Object.keys(scheme.request)));
    }
  });

  it('only sets default betas where the operation takes the anthropic-beta header', async () => {
    const ops = operations(await bundled());
    for (const [res, r] of Object.entries(config.resources as Obj)) {
      for (const [name, m] of Object.entries((r as Obj).methods as Obj)) {
        if (!(r as Obj).defaultBetas && !(m as Obj).defaultBetas) continue;
        const { op } = ops.get((m as Obj).operation) as { op: Obj };
        const refs = op.parameters.map((p: Obj) => p.$ref);
        expect(refs, `${res}.${name}`).toContain('#/components/parameters/AnthropicBetaHeader');
      }
    }
  });

  it('renames only schemas that exist', async () => {
    const schemas = (await bundled()).components.schemas as Obj;
    for (const name of Object.keys(config.typeNames)) expect(schemas[name], name).toBeDefined();
  });
});

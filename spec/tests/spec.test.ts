import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { bundleDefects } from '../scripts/lib/bundle.js';
import { lintSpec } from '../scripts/lib/lint.js';
import { ROOT_DOC } from '../scripts/lib/paths.js';
import { runFactCheck } from '../scripts/lib/run-facts.js';
import { collectSchemas, renderIndex, replaceIndex } from '../scripts/lib/schema-index.js';
import { bundled, deref, operations } from './helpers.js';

const EXPECTED_OPERATIONS = [
  'messages_create',
  'messages_count_tokens',
  'message_batches_create',
  'message_batches_retrieve',
  'message_batches_list',
  'message_batches_cancel',
  'message_batches_delete',
  'message_batches_results',
  'models_list',
  'models_retrieve',
  'completions_create',
  'beta_messages_create',
  'beta_messages_count_tokens',
  'beta_message_batches_create',
  'beta_message_batches_retrieve',
  'beta_message_batches_list',
  'beta_message_batches_cancel',
  'beta_message_batches_delete',
  'beta_message_batches_results',
  'beta_models_list',
  'beta_models_retrieve',
  'beta_files_upload',
  'beta_files_list',
  'beta_files_download',
  'beta_files_retrieve_metadata',
  'beta_files_delete',
  'beta_skills_create',
  'beta_skills_list',
  'beta_skills_retrieve',
  'beta_skills_delete',
  'beta_skills_versions_create',
  'beta_skills_versions_list',
  'beta_skills_versions_retrieve',
  'beta_skills_versions_delete',
];

describe('spec document', () => {
  it('passes redocly lint with no errors, and every JSON example matches its schema', async () => {
    const findings = await lintSpec();
    expect(findings.filter((f) => f.severity === 'error')).toEqual([]);
    expect(findings.filter((f) => f.ruleId === 'no-invalid-media-type-examples')).toEqual([]);
  });

  it('bundles to plain component refs with the original names', async () => {
    expect(bundleDefects(await bundled())).toEqual([]);
  });

  it('has a fresh schema index', () => {
    const root = readFileSync(ROOT_DOC, 'utf8');
    expect(replaceIndex(root, renderIndex(collectSchemas()))).toBe(root);
  });

  it('has exactly the 34 operations, with unique ids', async () => {
    const ids = [...operations(await bundled()).keys()].sort();
    expect(ids).toEqual([...EXPECTED_OPERATIONS].sort());
  });

  it('puts beta operations (except Files, as 0.74.0) on `?beta=true` path keys, with beta errors', async () => {
    for (const [id, { path, op }] of operations(await bundled())) {
      const beta = id.startsWith('beta_');
      const files = id.startsWith('beta_files_');
      expect(path.endsWith('?beta=true'), id).toBe(beta && !files);
      if (files) expect(path.startsWith('/v1/files'), id).toBe(true);
      const error = op.responses['4XX'].$ref;
      expect(error, id).toBe(beta ? '#/components/responses/BetaError' : '#/components/responses/Error');
    }
  });

  it('gives every operation a request example (when it has a body) and a success example', async () => {
    const doc = await bundled();
    for (const [id, { op }] of operations(doc)) {
      for (const media of Object.values((op.requestBody?.content ?? {}) as Record<string, any>)) {
        expect(Object.keys(media.examples ?? {}).length, `${id} request`).toBeGreaterThan(0);
      }
      for (const media of Object.values(op.responses['200'].content as Record<string, any>)) {
        expect(Object.keys(media.examples ?? {}).length, `${id} response`).toBeGreaterThan(0);
      }
    }
  });

  it('has SSE examples whose events are JSON with a `type` matching the event name', async () => {
    let streams = 0;
    for (const [id, { op }] of operations(await bundled())) {
      const sse = op.responses['200'].content['text/event-stream'];
      if (!sse) continue;
      streams++;
      const body = sse.examples.default.value as string;
      const events = body.split('\n\n').filter((chunk) => chunk.trim() !== '');
      expect(events.length, id).toBeGreaterThan(1);
      for (const chunk of events) {
        const [, name] = /^event: (\S+)$/m.exec(chunk) ?? [];
        const [, data] = /^data: (.*)$/m.exec(chunk) ?? [];
        expect(JSON.parse(data ?? 'null')?.type, `${id}: ${chunk}`).toBe(name);
      }
    }
    expect(streams).toBe(3);
  });

  it('declares the version header everywhere and the beta header as an array of AnthropicBeta', async () => {
    const doc = await bundled();
    const beta = deref(doc, { $ref: '#/components/parameters/AnthropicBetaHeader' });
    expect(beta).toMatchObject({ name: 'anthropic-beta', in: 'header', schema: { type: 'array' } });
    expect(beta.schema.items.$ref).toBe('#/components/schemas/AnthropicBeta');
    for (const [id, { op }] of operations(doc)) {
      const refs = op.parameters.map((p: { $ref?: string }) => p.$ref);
      expect(refs, id).toContain('#/components/parameters/AnthropicVersionHeader');
    }
  });
});

describe('fact check against the seed reference', () => {
  it('finds every seed class and field with the right requiredness', async () => {
    const report = await runFactCheck();
    const failures = report.results.flatMap((r) => r.problems.map((p) => `${r.name}: ${p}`));
    expect(failures).toEqual([]);
    expect(report.classCount).toBeGreaterThan(150);
    expect(report.gaCount).toBeGreaterThan(50);
    expect(report.passed).toBe(report.classCount + report.aliasCount + report.gaCount);
  });
});

import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, test } from 'vitest';
import { GeneratorError, Warnings } from '../errors.js';
import { load } from './index.js';

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
});

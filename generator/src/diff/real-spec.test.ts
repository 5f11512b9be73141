import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseDocument } from 'yaml';
import { generate } from '../pipeline.js';
import { diffSpecs, locateSpec, maxBump, renderChangeset } from './index.js';

const REPO = fileURLToPath(new URL('../../../', import.meta.url));
const SPEC = join(REPO, 'spec');

// The release path's promise, on the real spec: removing a field is a major change, and the committed SDK no
// longer matches until it is regenerated.
describe('removing a field from the real spec', () => {
  let copy = '';

  beforeAll(() => {
    copy = mkdtempSync(join(tmpdir(), 'sdkgen-real-spec-'));
    cpSync(SPEC, copy, { recursive: true });
    const file = join(copy, 'schemas', 'messages', 'message.yaml');
    const doc = parseDocument(readFileSync(file, 'utf8'));
    expect(doc.deleteIn(['Message', 'properties', 'stop_sequence'])).toBe(true);
    const required = doc.getIn(['Message', 'required']) as { items: { value: string }[] };
    required.items = required.items.filter((item) => item.value !== 'stop_sequence');
    writeFileSync(file, doc.toString());
  });

  afterAll(() => {
    if (copy) rmSync(copy, { recursive: true, force: true });
  });

  it('is classified major and yields a major changeset', async () => {
    const changes = await diffSpecs(locateSpec(SPEC), locateSpec(copy));
    expect(changes).toContainEqual(
      expect.objectContaining({
        bump: 'major',
        kind: 'removed',
        subject: 'property `Message.stop_sequence`',
      }),
    );
    expect(maxBump(changes)).toBe('major');
    expect(renderChangeset(changes, '@sdkgen/anthropic')?.content).toContain('"@sdkgen/anthropic": major');
  });

  it('makes `generate --check` report drift in the generated messages types', async () => {
    const result = await generate({
      configPath: join(copy, 'sdk.config.yaml'),
      specPath: join(copy, 'openapi.yaml'),
      outDir: join(REPO, 'packages', 'anthropic'),
      mode: 'check',
    });
    const drifted = result.write?.changed ?? [];
    const messages = drifted.find((d) => d.path.endsWith('resources/messages/messages-types.ts'));
    expect(messages?.diff).toMatch(/^-\s+stop_sequence: string \| null;$/m);
  });
});

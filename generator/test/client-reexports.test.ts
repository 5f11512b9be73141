import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { generate } from '../src/pipeline.js';

const KITCHEN = fileURLToPath(new URL('../../tests/golden/kitchen/', import.meta.url));
const work = mkdtempSync(join(tmpdir(), 'sdkgen-reexports-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

/** The kitchen scenario's config with hand-written re-exports, overlay exports and a namespaced alias added. */
function config(): string {
  const base = readFileSync(join(KITCHEN, 'sdk.config.yaml'), 'utf8')
    .replace('spec: ./openapi.yaml', `spec: ${join(KITCHEN, 'openapi.yaml')}`)
    .replace(
      'client: { className: Kitchen, baseClassName: BaseAnthropic, errorClass: AnthropicError }',
      `client:
  className: Kitchen
  baseClassName: BaseAnthropic
  errorClass: AnthropicError
  reexports: { types: ['core/base-client#Logger'], namespace: ['core/pagination#PageCursorResponse'] }`,
    )
    .replace('methods: [first] }', "methods: [first], exports: ['lib/ItemsOverlay#ItemsOverlay'] }");
  return `${base}typeAliases:\n  - { module: stores/stores, name: Store.Entry, target: Item }\n`;
}

let rendered: Promise<Record<string, string>> | undefined;

/** The rendered package (dry run), generated once for the file. */
function files(): Promise<Record<string, string>> {
  rendered ??= render();
  return rendered;
}

async function render(): Promise<Record<string, string>> {
  const configPath = join(work, 'sdk.config.yaml');
  writeFileSync(configPath, config());
  const result = await generate({ configPath, outDir: join(work, 'out'), mode: 'dry-run' });
  return Object.fromEntries((result.files ?? []).map((f) => [f.path, f.content]));
}

describe('hand-written names reached through the generated client', () => {
  it('client.reexports: type re-exports from the client module and members of its namespace', async () => {
    const client = (await files())['src/client.ts']!;
    expect(client).toContain("export type { Logger } from './core/base-client.js';");
    expect(client).toContain("import * as CorePaginationModule from './core/pagination.js';");
    expect(client).toContain('  export import PageCursorResponse = CorePaginationModule.PageCursorResponse;');
  });

  it("overlay exports join the overlaid resource's namespace", async () => {
    const client = (await files())['src/client.ts']!;
    expect(client).toContain("import * as LibItemsOverlayModule from './lib/ItemsOverlay.js';");
    expect(client).toMatch(
      /namespace Items \{[^}]*export import ItemsOverlay = LibItemsOverlayModule\.ItemsOverlay;/,
    );
  });

  it('a dotted typeAliases name becomes a member of the owner type namespace, referencing the target home', async () => {
    const stores = (await files())['src/resources/stores/stores.ts']!;
    expect(stores).toMatch(/export namespace Store \{\s*export type Entry = ItemsAPI\.Item;/);
  });
});

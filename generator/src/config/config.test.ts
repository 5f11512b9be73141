import { describe, expect, test } from 'vitest';
import { config } from './index.js';

const base = `version: 1
package: { name: x }
client: { className: X }
resources:
  items: { className: Items, module: items, methods: { list: { operation: list_items } } }
`;

describe('config', () => {
  test('applies defaults and resolves the spec next to the config', () => {
    const c = config({ configPath: '/tmp/cfg/sdk.config.yaml', source: base });
    expect(c.specPath).toBe('/tmp/cfg/openapi.yaml');
    expect(c.client.baseModule).toBe('core/base-client');
    expect(c.pathParams.positional).toBe('last');
    expect(c.hash).toMatch(/^[0-9a-f]{64}$/);
  });

  test.each([
    ['version: 2', base.replace('version: 1', 'version: 2'), /#\/version: /],
    [
      'bad overlay',
      `${base}overlays: { items: { class: nohash } }`,
      /#\/overlays\/items\/class: expected "<module>#<ExportName>"/,
    ],
    [
      'method without operation',
      base.replace('{ operation: list_items }', '{ }'),
      /#\/resources\/items\/methods\/list\/operation: /,
    ],
    ['not YAML', 'a: [', /config: .*#: invalid YAML/],
  ])('%s is a config error with a pointer', (_name, source, message) => {
    expect(() => config({ configPath: '/tmp/cfg/sdk.config.yaml', source })).toThrow(message);
  });
});

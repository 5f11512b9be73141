import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { assemble, typecheck } from '../corpus/typecheck.js';
import { generate } from '../src/pipeline.js';

// One small spec with every failure class the corpus found (test/fixtures/real-world/openapi.yaml), generated
// with the corpus's minimal config and type-checked with and without exactOptionalPropertyTypes.
const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const SPEC = join(ROOT, 'generator/test/fixtures/real-world/openapi.yaml');
const dir = mkdtempSync(join(tmpdir(), 'sdkgen-real-world-'));
const out = join(dir, 'out');
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const read = (p: string) => readFileSync(join(out, 'src', p), 'utf8');

beforeAll(async () => {
  const config = join(dir, 'sdk.config.yaml');
  writeFileSync(
    config,
    `version: 1
package: { name: '@golden/real-world' }
client: { className: Api, baseClassName: BaseAnthropic, errorClass: AnthropicError }
autoResources: {}
`,
  );
  cpSync(SPEC, join(dir, 'openapi.yaml'));
  await generate({ configPath: config, specPath: join(dir, 'openapi.yaml'), outDir: out, mode: 'write' });
  assemble(out);
}, 60_000);

describe('real-world failure classes', () => {
  test.each([true, false])(
    'type-checks (exactOptionalPropertyTypes: %s)',
    async (exact) => {
      const errors = await typecheck(dir, [out], exact, 120_000);
      expect(errors.get(out)).toBeUndefined();
    },
    120_000,
  );

  test.each([
    ['resources from path segments, none named after a verb', 'client.ts', /get pets\(\)/],
    ['a tag naming a base client member is renamed', 'client.ts', /get requestResource\(\)/],
    [
      'CRUD names from method and path shape',
      'resources/pets/pets.ts',
      /\n {2}retrieve\([\s\S]*\n {2}delete\([\s\S]*\n {2}adopt\(/,
    ],
    ['a collection under an item is a sub-resource', 'resources/pets/pets.ts', /get toys\(\)/],
    ['an operation at `/` gets a name', 'resources/default.ts', /\n {2}list\(/],
    ['an operationId starting with a digit', 'resources/reports.ts', /\n {2}_547636a6\(/],
    ['non-identifier query names are quoted keys', 'resources/reports.ts', /'api-version': api_version/],
    [
      'one name in query and body: the query one is renamed',
      'resources/reports.ts',
      /maxResults: query_maxResults/,
    ],
    ['a query param named like a positional one', 'resources/tokens.ts', /token: tokenParam/],
    [
      '`allOf` with a conflicting property is an intersection',
      'resources/pets/pets-types.ts',
      /export type Pet = Base & /,
    ],
    ['a builtin type name is suffixed', 'resources/pets/pets-types.ts', /export interface ObjectType/],
    [
      'the index signature admits its siblings',
      'resources/pets/pets-types.ts',
      /\[key: string\]: boolean \| number \| string \| undefined/,
    ],
    [
      'paths that differ only in parameter names',
      'resources/collection.ts',
      /retrieve\([\s\S]*\n {2}getRetrieve\(/,
    ],
    ['`?view=` path keys', 'resources/items.ts', /\n {2}list\([\s\S]*\n {2}getList\(/],
    [
      'an import alias for a module that starts with a digit',
      'resources/pets/pets.ts',
      /import \* as _2faAPI from/,
    ],
    [
      '`*/` in an example does not close the comment',
      'resources/pets/-2fa.ts',
      /crontab: '\*\\\/5 \* \* \* \*'/,
    ],
    [
      'a dot in a spec schema name is punctuation: a declared type, extended by an allOf',
      'resources/pets/-2fa.ts',
      /export interface Tracked extends OrderProduct \{/,
    ],
    [
      'dotted schemas that refer to each other are declared once, not printed at each use',
      'resources/deep.ts',
      /export interface DeepL0 \{\n {2}a\?: DeepL1;\n {2}b\?: DeepL1;/,
    ],
    [
      'a resource type named like the client class is imported under an alias',
      'client.ts',
      /type Api as ApiType/,
    ],
    ['and keeps its name in the client namespace', 'client.ts', /type ApiType as Api[,\s}]/],
    [
      "a name two modules export is the namespace's once",
      'client.ts',
      /^(?![\s\S]*as OrderCancelled[,;][\s\S]*(as|type) OrderCancelled\b)[\s\S]*as OrderCancelled,/,
    ],
  ])('%s', (_name, file, want) => {
    expect(read(file)).toMatch(want);
  });
});

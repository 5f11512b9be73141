import type { Plan, PlannedMethod } from '../plan/types.js';
import { renderValue } from './example-code.js';
import type { RenderedFile } from './rendered-file.js';

/**
 * Per-endpoint tests in the Stainless shape: for each method, one call with only the required params
 * (checking the raw response, the parsed data and `withResponse()`) and, when there are optional params,
 * one call with all of them. They run against the mock server the test setup starts from the spec.
 * JSON-lines methods also get a test that decodes the spec's example lines; methods that fetch a URL found in
 * another response (`urlFrom`) get only that one (the mock points the URL back at itself).
 */
export function endpointTests(plan: Plan, header: string, packageName: string): RenderedFile[] {
  const files: RenderedFile[] = [];
  for (const mod of plan.modules) {
    const methods = mod.resource?.methods ?? [];
    if (methods.length === 0) continue;
    const usesFile = methods.some((m) =>
      JSON.stringify([m.exampleArgs, m.minimalArgs]).includes('$sdkgen:file'),
    );
    const c = plan.client;
    const lines = [
      header,
      '',
      `import ${c.className}${usesFile ? ', { toFile }' : ''} from '${packageName}';`,
      `import { describe, expect, inject, test } from 'vitest';`,
      '',
      `const client = new ${c.className}({ ${c.authOption ? `${c.authOption}: 'my-test-key', ` : ''}baseURL: inject('mockBaseURL') });`,
      '',
      `describe('resource ${mod.resource!.dottedPath}', () => {`,
      ...methods.flatMap((m) => methodTests(m)),
      '});',
      '',
    ];
    files.push({ path: `tests/api-resources/${mod.path}.test.ts`, content: lines.join('\n') });
  }
  files.push({ path: 'tests/api-resources/provided-context.d.ts', content: `${header}\n\n${PROVIDED}` });
  return files;
}

const PROVIDED = `// The mock server's base URL, provided by the test setup (tests/mock-server/global-setup.ts).
declare module 'vitest' {
  export interface ProvidedContext {
    mockBaseURL: string;
  }
}

export {};
`;

function callText(m: PlannedMethod, args: unknown[]): string {
  const rendered = args.map((a) => renderValue(a, 'test', '    ', 90)).join(', ');
  return `${m.clientPath}.${m.name}(${rendered})`;
}

function methodTests(m: PlannedMethod): string[] {
  if (m.urlFrom) return jsonlTest(m);
  const out = [
    '',
    `  test('${m.name}: only required params', async () => {`,
    `    const responsePromise = ${callText(m, m.minimalArgs)};`,
    '    const rawResponse = await responsePromise.asResponse();',
    '    expect(rawResponse).toBeInstanceOf(Response);',
    '    expect(rawResponse.ok).toBe(true);',
  ];
  if (m.response.kind === 'binary') {
    out.push('    const response = await responsePromise;', '    expect(response).toBeInstanceOf(Response);');
  } else {
    out.push(
      '    const response = await responsePromise;',
      '    expect(response).not.toBeInstanceOf(Response);',
      '    const dataAndResponse = await responsePromise.withResponse();',
      '    expect(dataAndResponse.response.status).toBe(rawResponse.status);',
    );
  }
  out.push('  });');
  out.push(...streamTest(m), ...jsonlTest(m));
  if (JSON.stringify(m.exampleArgs) !== JSON.stringify(m.minimalArgs)) {
    out.push(
      '',
      `  test('${m.name}: required and optional params', async () => {`,
      `    const response = await ${callText(m, m.exampleArgs)};`,
      `    expect(response).toBeDefined();`,
      '  });',
    );
  }
  return out;
}

/** For `stream: true` methods: the mock serves the spec's SSE example, which must decode to events. */
function streamTest(m: PlannedMethod): string[] {
  if (!m.streaming && m.response.kind !== 'sse') return [];
  const args = m.streaming ? withStream(m.minimalArgs, m.streaming.param) : m.minimalArgs;
  return [
    '',
    `  test('${m.name}: streaming', async () => {`,
    `    const stream = await ${callText(m, args)};`,
    '    let events = 0;',
    '    for await (const event of stream) {',
    "      expect(event).toHaveProperty('type');",
    '      events++;',
    '    }',
    '    expect(events).toBeGreaterThan(0);',
    '  });',
  ];
}

function withStream(args: unknown[], param: string): unknown[] {
  const last = args[args.length - 1];
  const obj = typeof last === 'object' && last !== null && !Array.isArray(last) ? last : {};
  return [
    ...args.slice(0, typeof last === 'object' && last !== null ? -1 : args.length),
    { ...obj, [param]: true },
  ];
}

/** For JSON-lines methods: every line the mock serves decodes to an item (the spec's examples, when given). */
function jsonlTest(m: PlannedMethod): string[] {
  if (m.response.kind !== 'jsonl') return [];
  const examples = m.response.examples;
  const check = examples
    ? `    expect(items).toEqual(${renderValue(examples, 'test', '    ', 90)});`
    : '    expect(items.length).toBeGreaterThan(0);';
  return [
    '',
    `  test('${m.name}: decodes JSON lines', async () => {`,
    `    const decoder = await ${callText(m, m.minimalArgs)};`,
    '    const items: unknown[] = [];',
    '    for await (const item of decoder) items.push(item);',
    check,
    '  });',
  ];
}

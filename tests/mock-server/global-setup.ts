import { mkdirSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { TestProject } from 'vitest/node';
import { mockSpec } from './mock-spec.js';
import { startPrism } from './prism.js';
import { startProxy } from './proxy.js';
import { warmUp } from './warm-up.js';

const SPEC = fileURLToPath(new URL('../../spec/openapi.yaml', import.meta.url));
const TMP = fileURLToPath(new URL('../.tmp/', import.meta.url));

/**
 * Vitest global setup: a Prism mock server built from `spec/` plus the query-alias proxy, both on
 * 127.0.0.1 random ports. Tests read the base URL with `inject('mockBaseURL')`. Stopped on teardown.
 */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const doc = await mockSpec(SPEC);
  const queries = [...new Set(collectQueries(Object.keys(doc.paths as object)))];
  mkdirSync(TMP, { recursive: true });
  const file = `${TMP}mock-spec-${process.pid}.json`;
  writeFileSync(file, JSON.stringify(doc));
  const prism = await startPrism(file, `${TMP}prism-${process.pid}.log`);
  await warmUp(prism.url, doc as Parameters<typeof warmUp>[1]);
  const server = (doc.servers as Array<{ url: string }> | undefined)?.[0]?.url?.replace(/\/$/, '');
  const proxy = await startProxy(prism.url, queries, server);
  project.provide('mockBaseURL', proxy.url);
  return async () => {
    await proxy.close();
    await prism.close();
  };
}

/** Alias segments in the rewritten spec (`/__q/beta%3Dtrue/...`) -> the query strings they stand for. */
function collectQueries(keys: string[]): string[] {
  return keys.flatMap((k) => {
    const m = /^\/__q\/([^/]+)\//.exec(k);
    return m ? [decodeURIComponent(m[1]!)] : [];
  });
}

declare module 'vitest' {
  export interface ProvidedContext {
    mockBaseURL: string;
  }
}

import { readFileSync, writeFileSync } from 'node:fs';

const camel = (s: string) => s.replace(/[-_./]+([a-z0-9])/gi, (_, c: string) => c.toUpperCase());
const pascal = (s: string) => camel(s).replace(/^./, (c) => c.toUpperCase());

/**
 * Writes an sdkgen config for GitHub's spec, derived mechanically: one resource per `operationId` prefix
 * (`repos/get-content` -> `repos.getContent`), no pagination, streaming or overlays. JSON is valid YAML.
 */
export function writeGithubConfig(specPath: string, outPath: string): void {
  const spec = JSON.parse(readFileSync(specPath, 'utf8')) as {
    paths: Record<string, Record<string, { operationId?: string }>>;
  };
  const resources: Record<
    string,
    { className: string; module: string; methods: Record<string, { operation: string }> }
  > = {};
  for (const item of Object.values(spec.paths)) {
    for (const op of Object.values(item)) {
      const id = op?.operationId;
      if (typeof id !== 'string' || !id.includes('/')) continue;
      const [group, name] = id.split('/') as [string, string];
      const key = camel(group);
      // The suffix keeps resource classes clear of schema type names (`rate-limit` is both).
      resources[key] ??= { className: `${pascal(group)}Resource`, module: group, methods: {} };
      resources[key].methods[camel(name)] = { operation: id };
    }
  }
  const config = {
    version: 1,
    package: { name: 'github-sdk-bench', description: 'Benchmark output only.' },
    client: { className: 'GitHub' },
    resources,
  };
  writeFileSync(outPath, JSON.stringify(config, null, 1));
}

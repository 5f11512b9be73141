import type { ResolvedConfig } from '../config/index.js';
import type { IR } from '../ir/types.js';
import type { Plan, PlannedMethod } from './types.js';

/** Packages the emitted runtime (`core/`, `internal/`) needs: the transport, and the compiler for the build. */
const RUNTIME_DEPENDENCIES: Record<string, string> = { ky: '^1.14.3' };
const BUILD_DEPENDENCIES: Record<string, string> = { '@types/node': '^20.19.0', typescript: '^5.9.3' };

/** One `exports` entry: the subpath and the module (relative to src/, no extension, `*` allowed). */
export interface PlannedSubpath {
  subpath: string;
  module: string;
}

/** What the package files (package.json, README, build config, entry) say, decided from config and plan. */
export interface PlannedPackage {
  name: string;
  version: string;
  description: string;
  files: ResolvedConfig['package']['files'];
  /** `exports` entries; each has a `.js`-suffixed twin when it names a module. */
  subpaths: PlannedSubpath[];
  dependencies: Record<string, string>;
  devDependencies: Record<string, string>;
  readme: PlannedReadme;
}

/** The README's facts. Methods are picked from the plan: one plain call, one paginated, one streaming. */
export interface PlannedReadme {
  title: string;
  className: string;
  errorClass: string;
  baseURL?: NonNullable<ResolvedConfig['client']['baseURL']>;
  auth: ResolvedConfig['client']['auth'];
  options: { timeoutMs?: number; maxRetries?: number; logLevelEnv?: string };
  example?: PlannedMethod;
  paginated?: { method: PlannedMethod; rule: string };
  streaming?: PlannedMethod;
  longRequests?: { maxTimeMs: number; tokensPerMaxTime: number; defaultMs: number; errorMessage?: string };
}

/**
 * Plans the package files, or returns undefined when the config turns all of them off (a package whose
 * package.json and README are hand-written).
 */
export function planPackage(ir: IR, config: ResolvedConfig, plan: Plan): PlannedPackage | undefined {
  const pkg = config.package;
  if (!Object.values(pkg.files).some(Boolean)) return undefined;
  const subpaths: PlannedSubpath[] = [
    { subpath: '.', module: 'index' },
    { subpath: './index', module: 'index' },
    { subpath: './client', module: 'client' },
    { subpath: './resources', module: 'resources/index' },
    { subpath: './resources/*', module: 'resources/*' },
    { subpath: './core/*', module: 'core/*' },
    ...(Object.keys(config.overlays).length > 0 ? [{ subpath: './lib/*', module: 'lib/*' }] : []),
  ];
  return {
    name: pkg.name,
    version: pkg.version,
    description: pkg.description ?? `TypeScript client for the ${ir.title || config.client.className} API.`,
    files: pkg.files,
    subpaths,
    dependencies: RUNTIME_DEPENDENCIES,
    devDependencies: BUILD_DEPENDENCIES,
    readme: planReadme(ir, config, plan),
  };
}

function planReadme(ir: IR, config: ResolvedConfig, plan: Plan): PlannedReadme {
  const c = config.client;
  const methods = plan.modules.flatMap((m) => m.resource?.methods ?? []);
  const plain = methods.filter((m) => !m.page && m.response.kind === 'json' && !m.urlFrom);
  const example = plain.find((m) => m.httpMethod === 'post') ?? plain[0] ?? methods[0];
  const paged = methods.find((m) => m.page);
  const streaming = methods.find((m) => m.response.kind === 'sse' || m.response.kind === 'json+sse');
  const options: PlannedReadme['options'] = {};
  if (c.timeoutMs !== undefined) options.timeoutMs = c.timeoutMs;
  if (c.maxRetries !== undefined) options.maxRetries = c.maxRetries;
  if (c.logLevelEnv !== undefined) options.logLevelEnv = c.logLevelEnv;
  const readme: PlannedReadme = {
    title: ir.title || c.className,
    className: c.className,
    errorClass: c.errorClass ?? `${c.className}Error`,
    auth: c.auth,
    options,
  };
  if (c.baseURL) readme.baseURL = c.baseURL;
  if (example) readme.example = example;
  if (paged) readme.paginated = { method: paged, rule: pageRule(config, paged.page!.scheme) };
  if (streaming) readme.streaming = streaming;
  const long = longRequests(config);
  if (long) readme.longRequests = long;
  return readme;
}

/** How a scheme moves to the next page, in words (`the cursor param from next_cursor`). */
function pageRule(config: ResolvedConfig, scheme: string): string {
  const pc = config.pagination[scheme];
  if (!pc) return '';
  const r = pc.response;
  if (pc.next) return `\`${pc.next.param}\` is set from the response's \`${pc.next.from}\``;
  if (r.nextUrl) return `the next page is fetched from the response's \`${r.nextUrl}\` URL`;
  if (r.nextPage) return `the response's \`${r.nextPage}\` cursor is sent back`;
  if (r.lastId)
    return `the response's \`${r.lastId}\` (or \`${r.firstId ?? r.lastId}\` backwards) is sent back`;
  return r.hasMore ? `pages continue while \`${r.hasMore}\` is true` : '';
}

/** The first timeout policy that refuses long non-streaming requests, for the README's note. */
function longRequests(config: ResolvedConfig): PlannedReadme['longRequests'] {
  for (const t of Object.values(config.timeouts)) {
    if (t.maxTimeMs === undefined || t.tokensPerMaxTime === undefined) continue;
    return {
      maxTimeMs: t.maxTimeMs,
      tokensPerMaxTime: t.tokensPerMaxTime,
      defaultMs: t.defaultMs ?? 600_000,
      ...(t.errorMessage ? { errorMessage: t.errorMessage } : {}),
    };
  }
  return undefined;
}

import { StructureKind } from 'ts-morph';
import type { PlannedPackage } from '../plan/package.js';
import type { Plan, PlannedMethod } from '../plan/types.js';
import { methodExample } from './example-code.js';
import { printSource } from './print.js';
import type { RenderedFile } from './rendered-file.js';
import { render } from './templates.js';

/** Output paths of each `package.files` switch (the write stage owns exactly the ones turned on). */
export const PACKAGE_FILE_PATHS: Record<keyof PlannedPackage['files'], string[]> = {
  packageJson: ['package.json'],
  readme: ['README.md'],
  build: ['tsconfig.json', 'tsconfig.build.json', 'tsconfig.build.cjs.json', 'scripts/build.mjs'],
  index: ['src/index.ts'],
};

/**
 * The package around the sources, as far as `package.files` asks: package.json (ESM + CJS + types `exports`
 * over `dist/esm` and `dist/cjs`), README.md, the build config and `src/index.ts`.
 */
export function packageFiles(plan: Plan, pkg: PlannedPackage, header: string): RenderedFile[] {
  const files: RenderedFile[] = [];
  if (pkg.files.packageJson)
    files.push({ path: 'package.json', content: render('package.json', packageJson(pkg)) });
  if (pkg.files.readme)
    files.push({ path: 'README.md', content: render('README.md', readme(plan, pkg, header)) });
  if (pkg.files.build)
    for (const path of PACKAGE_FILE_PATHS.build) {
      const template = path.replace(/^scripts\//, '');
      files.push({ path, content: render(template, { header }) });
    }
  if (pkg.files.index) files.push({ path: 'src/index.ts', content: indexModule(plan, header) });
  return files;
}

function packageJson(pkg: PlannedPackage): object {
  const exports = pkg.subpaths.flatMap((s) =>
    s.subpath === '.' ? [s] : [s, { subpath: `${s.subpath}.js`, module: s.module }],
  );
  const typesVersions = pkg.subpaths
    .filter((s) => s.subpath !== '.')
    .map((s) => ({
      key: s.subpath.slice(2),
      target: s.module.endsWith('*') ? `dist/cjs/${s.module}` : `dist/cjs/${s.module}.d.ts`,
    }));
  const deps = (m: Record<string, string>) => Object.entries(m).map(([name, range]) => ({ name, range }));
  return {
    name: JSON.stringify(pkg.name),
    version: JSON.stringify(pkg.version),
    description: JSON.stringify(pkg.description),
    exports,
    typesVersions,
    dependencies: deps(pkg.dependencies),
    devDependencies: deps(pkg.devDependencies),
  };
}

function readme(plan: Plan, pkg: PlannedPackage, header: string): object {
  const r = pkg.readme;
  const example = (m: PlannedMethod | undefined) => (m ? methodExample(m, resultType(plan, m)) : false);
  const first = r.auth[0];
  const options = [
    r.options.timeoutMs !== undefined ? `\`timeout\`: ${r.options.timeoutMs} ms by default.` : '',
    r.options.maxRetries !== undefined ? `\`maxRetries\`: ${r.options.maxRetries} by default.` : '',
    r.options.logLevelEnv
      ? `Logging: set \`${r.options.logLevelEnv}\` (\`debug\`, \`info\`, \`warn\`, \`error\`, \`off\`) or pass \`logLevel\`.`
      : '',
  ].filter(Boolean);
  return {
    header: header.trim().replace(/^\/\/ /, ''),
    title: r.title,
    description: pkg.description,
    name: pkg.name,
    className: r.className,
    clientArgs: first
      ? `{ ${first.option}: ${first.env ? `process.env['${first.env}']` : "'My API Key'"} }`
      : '',
    example: example(r.example),
    auth: r.auth,
    baseURL: r.baseURL ?? false,
    paginated: example(r.paginated?.method),
    pageRule: r.paginated?.rule ?? false,
    streaming: example(r.streaming),
    options: options.length > 0 ? options : false,
    longRequests: r.longRequests ?? false,
    errorClass: r.errorClass,
  };
}

/** The SDK name of a method's result (or page item) type, for the example's variable name. */
function resultType(plan: Plan, m: PlannedMethod): string | undefined {
  const t = m.page?.item ?? m.response.type;
  return t?.kind === 'ref' ? plan.typeHomes[t.name]?.name : undefined;
}

/** `src/index.ts`: the client as default and named export, its options type, and the public runtime. */
function indexModule(plan: Plan, header: string): string {
  const c = plan.client;
  const exp = (specifier: string, names?: string[]) => ({
    kind: StructureKind.ExportDeclaration as const,
    moduleSpecifier: specifier,
    ...(names ? { namedExports: names } : {}),
  });
  const constants = c.constants.map((k) => k.name);
  return printSource('index.ts', header, {
    statements: [
      exp('./client.js', [
        `${c.className} as default`,
        c.className,
        c.baseClassName,
        'type ClientOptions',
        ...constants,
      ]),
      exp('./core/api-promise.js', ['APIPromise']),
      exp('./core/error.js'),
      exp('./core/middleware.js', ['type Middleware', 'type MiddlewareContext', 'type MiddlewareNext']),
      // The runtime's page promise: there whether or not the config declares page schemes (core/pagination.ts).
      exp('./core/abstract-page.js', ['PagePromise']),
      exp('./core/uploads.js', ['toFile', 'type Uploadable']),
    ],
  });
}

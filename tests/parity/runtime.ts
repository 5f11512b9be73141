/**
 * Reads the runtime exports of an installed package: `Object.keys(require(subpath))` and
 * `Object.keys(await import(subpath))` for each subpath, in a child Node process started in the consumer project.
 */
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';

const execFileAsync = promisify(execFile);

/**
 * Subpath -> sorted export keys plus, for each exported class or function, its static member names (own and
 * inherited from parent constructors, as `Name.static`), or the error that loading it raised.
 */
export type RuntimeSurface = Record<string, { keys: string[] } | { error: string }>;

/** Both loaders' views of one package. */
export interface RuntimeSurfaces {
  require: RuntimeSurface;
  import: RuntimeSurface;
}

// Runs inside the child: argv[1] is the package name, argv[2] a JSON list of subpaths.
const SCRIPT = `
import { createRequire } from 'node:module';
const [pkg, subs] = [process.argv[1], JSON.parse(process.argv[2])];
const require = createRequire(process.cwd() + '/');
const spec = (sub) => (sub === '' ? pkg : pkg + '/' + sub);
const FN = new Set(Object.getOwnPropertyNames(Function.prototype).concat('length', 'name', 'prototype'));
const staticsOf = (fn) => {
  const names = new Set();
  for (let c = fn; c && c !== Function.prototype; c = Object.getPrototypeOf(c))
    for (const n of Object.getOwnPropertyNames(c)) if (!FN.has(n)) names.add(n);
  return [...names];
};
const keysOf = (m) => {
  const keys = Object.keys(m).filter((k) => k !== '__esModule');
  const statics = keys.flatMap((k) => (typeof m[k] === 'function' ? staticsOf(m[k]).map((s) => k + '.' + s) : []));
  return [...keys, ...statics].sort();
};
const out = { require: {}, import: {} };
for (const sub of subs) {
  try { out.require[sub] = { keys: keysOf(require(spec(sub))) }; }
  catch (e) { out.require[sub] = { error: String(e.code ?? e.message).slice(0, 200) }; }
  try { out.import[sub] = { keys: keysOf(await import(spec(sub))) }; }
  catch (e) { out.import[sub] = { error: String(e.code ?? e.message).slice(0, 200) }; }
}
process.stdout.write(JSON.stringify(out));
`;

/** Loads every subpath of `pkg` from `root` with `require` and with `import`. */
export async function readRuntime(root: string, pkg: string, subpaths: string[]): Promise<RuntimeSurfaces> {
  const { stdout } = await execFileAsync(
    process.execPath,
    ['--input-type=module', '-e', SCRIPT, pkg, JSON.stringify(subpaths)],
    { cwd: root, maxBuffer: 64 << 20, timeout: 120_000, env: { ...process.env, ANTHROPIC_API_KEY: 'x' } },
  );
  return JSON.parse(stdout) as RuntimeSurfaces;
}

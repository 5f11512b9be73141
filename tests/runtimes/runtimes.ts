/**
 * The runtime matrix: which registry packages bring each runtime's binary, where the binary lands in
 * node_modules, and how each one runs the scenario. Install scripts stay off (as in tests/install), so each
 * binary is taken straight from its platform package rather than through the wrapper's postinstall.
 */
import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';

const exec = promisify(execFile);
const RUN_TIMEOUT_MS = 90_000;

type Platform = { node: string; deno: string; bun: string; workerd: string };

/** Platform package names per `process.platform-process.arch`; other platforms are not in the matrix. */
const PLATFORMS: Record<string, Platform> = {
  'linux-x64': { node: 'linux-x64', deno: 'linux-x64-glibc', bun: 'linux-x64', workerd: 'linux-64' },
  'linux-arm64': {
    node: 'linux-arm64',
    deno: 'linux-arm64-glibc',
    bun: 'linux-aarch64',
    workerd: 'linux-arm64',
  },
  'darwin-arm64': {
    node: 'darwin-arm64',
    deno: 'darwin-arm64',
    bun: 'darwin-aarch64',
    workerd: 'darwin-arm64',
  },
};

function platform(): Platform {
  const key = `${process.platform}-${process.arch}`;
  const found = PLATFORMS[key];
  if (!found) throw new Error(`runtimes: no runtime packages known for ${key}`);
  return found;
}

/**
 * What to `npm install` next to the SDK. Node 22 comes as `node-<platform>` directly: the `node@22` wrapper only
 * runs `npm install node-<platform>` from a postinstall script, which install scripts being off would skip.
 */
export function runtimePackages(): string[] {
  const p = platform();
  return ['deno@^2', 'bun@^1', 'workerd@^1', `node-${p.node}@^22`];
}

/** Paths of the installed binaries under `project`. */
export function binaries(project: string) {
  const p = platform();
  const modules = join(project, 'node_modules');
  return {
    node20: process.execPath,
    node22: join(modules, `node-${p.node}`, 'bin', 'node'),
    deno: join(modules, '@deno', p.deno, 'deno'),
    bun: join(modules, '@oven', `bun-${p.bun}`, 'bin', 'bun'),
    workerd: join(modules, '@cloudflare', `workerd-${p.workerd}`, 'bin', 'workerd'),
  };
}

/** One row of the matrix that runs as a command: `binary ...args <json>` in the project folder. */
export type CommandRuntime = { id: string; binary: keyof ReturnType<typeof binaries>; args: string[] };

// Deno gets the network to loopback only and env access (the SDK reads ANTHROPIC_* in its constructor,
// as 0.74.0 does: without --allow-env Deno throws NotCapable there even when apiKey and baseURL are passed).
const DENO_FLAGS = ['run', '--node-modules-dir=manual', '--allow-net=127.0.0.1', '--allow-env'];

/** Every command-line runtime. workerd is served instead (workerd.ts). */
export const COMMAND_RUNTIMES: CommandRuntime[] = [
  { id: 'node20-esm', binary: 'node20', args: ['launch-esm.mjs'] },
  { id: 'node20-cjs', binary: 'node20', args: ['launch-cjs.cjs'] },
  { id: 'node22-esm', binary: 'node22', args: ['launch-esm.mjs'] },
  { id: 'node22-cjs', binary: 'node22', args: ['launch-cjs.cjs'] },
  { id: 'deno-npm', binary: 'deno', args: [...DENO_FLAGS, 'launch-deno-npm.mjs'] },
  { id: 'deno-esm', binary: 'deno', args: [...DENO_FLAGS, 'launch-deno-esm.mjs'] },
  { id: 'bun-esm', binary: 'bun', args: ['run', 'launch-esm.mjs'] },
  { id: 'bun-cjs', binary: 'bun', args: ['run', 'launch-cjs.cjs'] },
];

/** What a run printed, and its parsed `RESULT` line (undefined when there was none). */
export type RunOutput = { results?: Record<string, any>; stdout: string; stderr: string; failure?: string };

/** Pulls the `RESULT <json>` line out of a launcher's stdout. */
export function parseResult(stdout: string): Record<string, any> | undefined {
  const line = stdout.split('\n').find((l) => l.startsWith('RESULT '));
  return line ? JSON.parse(line.slice('RESULT '.length)) : undefined;
}

/**
 * Runs one command runtime. Caches and Deno's npm registry point into `scratch` and at a closed port, so the run
 * reads nothing outside the project and reaches no registry (an npm specifier must resolve from node_modules).
 */
export async function runCommand(rt: CommandRuntime, project: string, scratch: string, argsJson: string) {
  const env = {
    ...process.env,
    DENO_DIR: join(scratch, 'deno'),
    XDG_CACHE_HOME: join(scratch, 'cache'),
    BUN_INSTALL_CACHE_DIR: join(scratch, 'bun'),
    NPM_CONFIG_REGISTRY: 'http://127.0.0.1:9/',
    NO_COLOR: '1',
  };
  const file = binaries(project)[rt.binary];
  try {
    const { stdout, stderr } = await exec(file, [...rt.args, argsJson], {
      cwd: project,
      env,
      timeout: RUN_TIMEOUT_MS,
      encoding: 'utf8',
      maxBuffer: 16 << 20,
    });
    return { results: parseResult(stdout), stdout, stderr } satisfies RunOutput;
  } catch (err: any) {
    const failure = `run: ${file} ${rt.args.join(' ')} failed: ${err.message}`;
    return { stdout: err.stdout ?? '', stderr: err.stderr ?? '', failure } satisfies RunOutput;
  }
}

/** `<binary> --version` reduced to the version number (workerd prints its build date). */
export async function version(file: string): Promise<string> {
  try {
    const { stdout } = await exec(file, ['--version'], { encoding: 'utf8', timeout: 20_000 });
    return /\d+[.-]\d+[.-]\d+/.exec(stdout)?.[0] ?? stdout.trim();
  } catch (err: any) {
    return `unknown (${err.message.split('\n')[0]})`;
  }
}

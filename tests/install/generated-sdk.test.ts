/**
 * The generator's whole job for an API that is not Anthropic's, the way its owner runs it: `sdkgen init` writes a
 * config for the petstore spec, `sdkgen generate` writes the package (runtime included), `npm pack` builds it, and a
 * fresh npm project installs the tarball and calls the API (a real local server) through it, from ESM and CJS.
 * Nothing of packages/anthropic is copied in.
 */
import { execFile } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type FaultServer, json, startServer } from '../helpers/fault-server.js';
import { REPO } from './pack.js';

const exec = promisify(execFile);
const SDKGEN = join(REPO, 'generator/bin/sdkgen.js');
const PETSTORE = join(REPO, 'tests/golden/petstore');

let work: string;
let project: string;
let server: FaultServer;

async function sh(cmd: string, args: string[], cwd: string, env: Record<string, string> = {}) {
  return exec(cmd, args, { cwd, encoding: 'utf8', maxBuffer: 64 << 20, env: { ...process.env, ...env } });
}

beforeAll(async () => {
  work = mkdtempSync(join(tmpdir(), 'sdkgen-e2e-'));
  cpSync(join(PETSTORE, 'openapi.yaml'), join(work, 'openapi.yaml'));
  await sh(process.execPath, [SDKGEN, 'init', '--spec', 'openapi.yaml', '--out', 'sdk.config.yaml'], work);
  await sh(process.execPath, [SDKGEN, 'generate', '--config', 'sdk.config.yaml', '--out', 'sdk'], work);
  // The build needs TypeScript and the types of ky and node; link the workspace's copies instead of downloading.
  const modules = join(work, 'sdk/node_modules');
  mkdirSync(join(modules, '@types'), { recursive: true });
  symlinkSync(join(REPO, 'node_modules/typescript'), join(modules, 'typescript'));
  symlinkSync(join(REPO, 'node_modules/@types/node'), join(modules, '@types/node'));
  symlinkSync(join(REPO, 'runtime/node_modules/ky'), join(modules, 'ky'));
  await sh('npm', ['pack', '--silent', '--pack-destination', work], join(work, 'sdk'));
  const tarball = readdirSync(work).find((f) => f.endsWith('.tgz'))!;
  project = join(work, 'consumer');
  mkdirSync(project);
  writeFileSync(join(project, 'package.json'), JSON.stringify({ name: 'consumer', private: true }));
  await sh('npm', ['install', '--no-audit', '--no-fund', '--silent', join(work, tarball)], project);
  server = await startServer([
    json({ items: [{ id: 'pet_1', name: 'Rex' }], next_cursor: 'c2' }),
    json({ items: [{ id: 'pet_2', name: 'Tom' }], next_cursor: null }),
    json({ id: 'pet_1', name: 'Rex' }),
    json({ type: 'not_found', message: 'no pet' }, { status: 404 }),
  ]);
}, 300_000);

afterAll(async () => {
  await server?.close();
  if (work) rmSync(work, { recursive: true, force: true });
});

describe('init -> generate -> pack -> install -> call, for a spec that is not Anthropic', () => {
  it('the installed package lists every page, retrieves a pet and throws its own error class', async () => {
    writeFileSync(
      join(project, 'main.mjs'),
      `import Petstore, { PetstoreError, NotFoundError } from 'petstore';
const client = new Petstore({ maxRetries: 0 });
const names = [];
for await (const pet of client.pets.list({ limit: 1 })) names.push(pet.name);
const pet = await client.pets.retrieve('pet_1');
let failure;
try { await client.pets.retrieve('pet_9'); } catch (err) {
  failure = { own: err instanceof PetstoreError, notFound: err instanceof NotFoundError, status: err.status };
}
console.log(JSON.stringify({ names, pet: pet.name, failure }));
`,
    );
    const { stdout } = await sh(process.execPath, ['main.mjs'], project, {
      PETSTORE_API_KEY: 'pk-123',
      PETSTORE_BASE_URL: server.url,
    });
    expect(JSON.parse(stdout)).toEqual({
      names: ['Rex', 'Tom'],
      pet: 'Rex',
      failure: { own: true, notFound: true, status: 404 },
    });
    const [first, second, retrieve] = server.requests;
    expect(first!.url).toBe('/pets?limit=1');
    expect(second!.url).toBe('/pets?limit=1&cursor=c2');
    expect(retrieve!.url).toBe('/pets/pet_1');
    // The spec's security scheme, through the config init wrote: `Authorization: Bearer <PETSTORE_API_KEY>`.
    expect(first!.headers.authorization).toBe('Bearer pk-123');
    expect(first!.headers['user-agent']).toMatch(/^Petstore\/JS 0\.1\.0$/);
    expect(Object.keys(first!.headers).some((h) => h.startsWith('anthropic'))).toBe(false);
  });

  it('require() works too, and a missing credential names the spec-derived env var', async () => {
    writeFileSync(
      join(project, 'main.cjs'),
      `const { Petstore } = require('petstore');
new Petstore({ baseURL: 'http://127.0.0.1:9', maxRetries: 0 }).pets.retrieve('x').then(
  () => console.log('no error'),
  (err) => console.log(err.message),
);
`,
    );
    const { stdout } = await sh(process.execPath, ['main.cjs'], project, { PETSTORE_API_KEY: '' });
    expect(stdout).toMatch(/set `apiKey` \(or PETSTORE_API_KEY\)/);
  });

  it('carries the runtime middleware: a client middleware can answer a call without the network', async () => {
    writeFileSync(
      join(project, 'middleware.mjs'),
      `import Petstore from 'petstore';
const seen = [];
const client = new Petstore({
  baseURL: 'http://127.0.0.1:9',
  maxRetries: 0,
  middleware: [async (request, next, ctx) => {
    seen.push(request.method + ' ' + request.url + ' ' + ctx.retryCount);
    return Response.json({ id: 'pet_m', name: 'from middleware' });
  }],
});
const pet = await client.pets.retrieve('pet_m');
console.log(JSON.stringify({ pet: pet.name, seen }));
`,
    );
    const { stdout } = await sh(process.execPath, ['middleware.mjs'], project, { PETSTORE_API_KEY: 'pk-1' });
    expect(JSON.parse(stdout)).toEqual({
      pet: 'from middleware',
      seen: ['GET http://127.0.0.1:9/pets/pet_m 0'],
    });
  });
});

/**
 * The SDK in a real browser: the page in `page/` is bundled with esbuild, served from one 127.0.0.1 origin, and
 * talks to the API double on another (so CORS is exercised as with the real API). Debian's Chromium runs headless
 * under playwright-core. Outside CI a machine without Chromium skips this file, saying so; in CI it must be there.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { type BrowserContext, chromium, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type FaultServer, startServer } from '../helpers/fault-server.js';
import { MESSAGE_TEXT, startApiDouble } from '../install/api-double.js';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const IN_CI = Boolean(process.env.CI) && process.env.CI !== 'false';
const HAVE_CHROMIUM = existsSync(CHROMIUM);
const FLAGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];
const PAGE = fileURLToPath(new URL('./page/', import.meta.url));
const SDK_ENTRY = fileURLToPath(new URL('../../packages/anthropic/src/index.ts', import.meta.url));

if (!HAVE_CHROMIUM && !IN_CI) {
  console.warn(
    `browser test skipped: ${CHROMIUM} not found (apt-get install chromium); CI=true makes this a failure`,
  );
}

/** Bundles the page for the browser; the SDK is taken from its sources, as a bundler would from the package. */
async function bundlePage(): Promise<string> {
  const result = await build({
    entryPoints: [join(PAGE, 'main.ts')],
    bundle: true,
    write: false,
    format: 'esm',
    platform: 'browser',
    target: 'es2022',
    logLevel: 'silent',
    plugins: [
      {
        name: 'sdk-source',
        setup(b) {
          b.onResolve({ filter: /^@sdkgen\/anthropic$/ }, () => ({ path: SDK_ENTRY }));
        },
      },
    ],
  });
  return result.outputFiles[0]!.text;
}

/** Loads the page in `mode` and waits until it reports done or error; returns what it rendered. */
async function visit(
  context: BrowserContext,
  url: string,
): Promise<{ state: string | undefined; text: string; page: Page }> {
  const page = await context.newPage();
  const problems: string[] = [];
  page.on('pageerror', (err) => problems.push(err.message));
  await page.goto(url);
  await page
    .waitForFunction(() => document.body.dataset.state !== 'loading', null, { timeout: 30_000 })
    .catch((err: Error) => {
      throw new Error(`page never finished: ${err.message}\npage errors: ${problems.join('\n')}`);
    });
  const state = await page.evaluate(() => document.body.dataset.state);
  return { state, text: (await page.textContent('#out')) ?? '', page };
}

describe.skipIf(!HAVE_CHROMIUM && !IN_CI)('the SDK in headless Chromium', () => {
  let api: FaultServer | undefined;
  let site: FaultServer | undefined;
  let context: BrowserContext | undefined;
  let userDataDir = '';

  beforeAll(async () => {
    if (!HAVE_CHROMIUM) throw new Error(`CI: ${CHROMIUM} is missing; .ci/run must apt-get install chromium`);
    const bundle = await bundlePage();
    const html = readFileSync(join(PAGE, 'index.html'), 'utf8');
    api = await startApiDouble();
    site = await startServer((req) => {
      const path = new URL(req.url, 'http://x').pathname;
      if (path === '/main.js') return { headers: { 'content-type': 'text/javascript' }, body: bundle };
      if (path === '/') return { headers: { 'content-type': 'text/html' }, body: html };
      return { status: 404, body: 'not found' };
    });
    userDataDir = mkdtempSync(join(tmpdir(), 'sdkgen-chromium-'));
    context = await chromium.launchPersistentContext(userDataDir, {
      executablePath: CHROMIUM,
      headless: true,
      args: FLAGS,
      timeout: 60_000,
    });
  }, 120_000);

  afterAll(async () => {
    await context?.close();
    await Promise.all([api?.close(), site?.close()]);
    if (userDataDir) rmSync(userDataDir, { recursive: true, force: true });
  });

  it('streams a message across origins and renders its text', async () => {
    const { state, text, page } = await visit(
      context!,
      `${site!.url}/?mode=stream&api=${encodeURIComponent(api!.url)}`,
    );
    expect(text).toBe(MESSAGE_TEXT);
    expect(state).toBe('done');
    expect(await page.evaluate(() => document.body.dataset.stopReason)).toBe('end_turn');
    const post = api!.requests.find((r) => r.method === 'POST' && r.url === '/v1/messages');
    expect(post?.json()).toMatchObject({ stream: true, model: 'claude-test' });
    expect(post?.headers['anthropic-dangerous-direct-browser-access']).toBe('true');
    expect(post?.headers['x-api-key']).toBe('browser-test-key');
  }, 60_000);

  it('refuses to construct a client without dangerouslyAllowBrowser, with a clear error', async () => {
    const before = api!.requests.length;
    const { state, text } = await visit(
      context!,
      `${site!.url}/?mode=refuse&api=${encodeURIComponent(api!.url)}`,
    );
    expect(state).toBe('error');
    // The text 0.74.0 throws, word for word: people match on it.
    expect(text).toBe(
      "AnthropicError: It looks like you're running in a browser-like environment.\n\n" +
        'This is disabled by default, as it risks exposing your secret API credentials to attackers.\n' +
        'If you understand the risks and have appropriate mitigations in place,\n' +
        'you can set the `dangerouslyAllowBrowser` option to `true`, e.g.,\n\n' +
        'new Anthropic({ apiKey, dangerouslyAllowBrowser: true });\n',
    );
    expect(api!.requests.length).toBe(before);
  }, 60_000);
});

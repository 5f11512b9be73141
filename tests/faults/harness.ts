/**
 * The fault matrix runner: each scenario is data (the fault server's script, a call, the expected outcome), and
 * `runScenario` checks, after every one, the three invariants the matrix exists for: no unhandled rejection, no
 * socket or timer left behind, and the API key in no error and no log line.
 */
import { randomUUID } from 'node:crypto';
import { format, inspect } from 'node:util';
import Anthropic, { type ClientOptions } from '@sdkgen/anthropic';
import { expect } from 'vitest';
import { type FaultServer, type Handler, type Reply, startServer } from '../helpers/fault-server.js';
import { activeHandles, trackHandles } from './handles.js';

/** What a scenario's call and checks get. */
export type Ctx = {
  client: Anthropic;
  server: FaultServer;
  /** A second origin (another 127.0.0.1 port), when the scenario scripts one. */
  other: FaultServer | undefined;
  key: string;
  /** Every log line, formatted (level first). */
  logs: string[];
};

type ErrorClass = abstract new (...args: any[]) => Error;

/** The expected outcome of one scenario. */
export type Expectation = {
  /** The call resolves; a function checks the value, anything else is matched with `toMatchObject`. */
  resolves?: unknown;
  /** The call rejects with an instance of this class. */
  rejects?: ErrorClass;
  /** The rejection's message. */
  message?: RegExp;
  /** Fields of the rejection (`status`, `requestID`, ...), matched with `toMatchObject`. */
  error?: Record<string, unknown>;
  /** Requests the main server received. */
  requests?: number;
  /** Requests the other origin received. */
  otherRequests?: number;
  /** Some log line matches. */
  logged?: RegExp;
  /** The call settles within this many ms. */
  withinMs?: number;
  /** The call takes at least this many ms. */
  slowerThanMs?: number;
  /** Anything else, after the outcome checks. */
  check?: (ctx: Ctx, outcome: Outcome) => void | Promise<void>;
};

/** One row of the matrix. */
export type Scenario = {
  name: string;
  /** The main server's replies; a function of the other origin when they must point there. */
  replies: Reply[] | Handler | { to: (other: FaultServer) => Reply[] | Handler };
  /** Replies of a second origin; `options` and `call` see it as `ctx.other`. */
  other?: Reply[] | Handler;
  /** Client options on top of the matrix defaults (fast retries, debug logging, the scenario's key). */
  options?: (ctx: Omit<Ctx, 'client'>) => ClientOptions;
  call: (ctx: Ctx) => Promise<unknown>;
  expect: Expectation;
};

type Tracked = ReturnType<typeof trackHandles>;

export type Outcome = { ok: true; value: unknown } | { ok: false; error: unknown };

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * Every reply closes its connection, so a keep-alive pool never looks like a leaked socket. Not a reply that drops
 * its connection: undici reads a cut `connection: close` body as complete, and the drop must stay a drop.
 */
function closing(replies: Reply[] | Handler): Handler {
  return async (req, ctx) => {
    const reply =
      typeof replies === 'function'
        ? await replies(req, ctx)
        : (replies[ctx.index] ?? { status: 500, body: { error: `no scripted reply #${ctx.index}` } });
    if (!ctx.res.headersSent && !reply?.dropAfterBody) ctx.res.setHeader('connection', 'close');
    return reply;
  };
}

function capturingLogger(logs: string[]) {
  const at =
    (level: string) =>
    (...args: unknown[]) =>
      logs.push(`${level} ${format(...args)} ${inspect(args, { depth: 8 })}`);
  return { error: at('error'), warn: at('warn'), info: at('info'), debug: at('debug') };
}

/** Everything a caller could print from an outcome: message, stack, inspection (with causes). */
function printable(outcome: Outcome): string {
  if (outcome.ok) return inspect(outcome.value, { depth: 4 });
  const err = outcome.error as Error;
  return [String(err), err?.message, err?.stack, inspect(err, { depth: 8 })].join('\n');
}

async function settle<T>(promise: Promise<T>): Promise<Outcome> {
  return promise.then(
    (value) => ({ ok: true as const, value }),
    (error: unknown) => ({ ok: false as const, error }),
  );
}

function checkOutcome(outcome: Outcome, want: Expectation): void {
  if (want.rejects || want.message || want.error) {
    expect(outcome.ok, `expected a rejection, got ${printable(outcome)}`).toBe(false);
    const error = (outcome as { error: Error }).error;
    if (want.rejects) expect(error).toBeInstanceOf(want.rejects);
    if (want.message) expect(error.message).toMatch(want.message);
    if (want.error) expect(error).toMatchObject(want.error);
    return;
  }
  expect(outcome.ok, `expected success, got ${printable(outcome)}`).toBe(true);
  const value = (outcome as { value: unknown }).value;
  if (typeof want.resolves === 'function') want.resolves(value);
  else if (want.resolves !== undefined) expect(value).toMatchObject(want.resolves as object);
}

/** Runs one scenario against fresh servers and checks its outcome and the matrix invariants. */
export async function runScenario(row: Scenario): Promise<void> {
  const baseline = activeHandles();
  const tracked = trackHandles();
  const unhandled: unknown[] = [];
  const onUnhandled = (reason: unknown) => unhandled.push(reason);
  process.on('unhandledRejection', onUnhandled);
  const other = row.other ? await startServer(closing(row.other)) : undefined;
  const replies = 'to' in row.replies ? row.replies.to(other!) : row.replies;
  const server = await startServer(closing(replies));
  try {
    const logs: string[] = [];
    const base = { server, other, key: `sk-ant-fault-KEY-${randomUUID()}`, logs };
    const client = new Anthropic({
      apiKey: base.key,
      baseURL: server.url,
      maxRetries: 2,
      logLevel: 'debug',
      logger: capturingLogger(logs),
      ...row.options?.(base),
    });
    const ctx: Ctx = { ...base, client };
    const start = Date.now();
    // A call may throw before returning its promise (path parameters are checked synchronously).
    const outcome = await settle((async () => row.call(ctx))());
    const elapsed = Date.now() - start;
    checkOutcome(outcome, row.expect);
    await checkAfter(ctx, row.expect, outcome, elapsed);
    await checkInvariants(ctx, outcome, unhandled, tracked);
  } finally {
    tracked.stop();
    process.off('unhandledRejection', onUnhandled);
    await Promise.all([server.close(), other?.close()]);
  }
  // Counted once the servers are closed: their own sockets are not the client's to free.
  for (let i = 0; i < 25 && activeHandles() > baseline; i++) await sleep(20);
  expect(activeHandles(), inspect(process.getActiveResourcesInfo())).toBeLessThanOrEqual(baseline);
}

async function checkAfter(ctx: Ctx, want: Expectation, outcome: Outcome, elapsed: number): Promise<void> {
  if (want.requests !== undefined) expect(ctx.server.requests).toHaveLength(want.requests);
  if (want.otherRequests !== undefined) expect(ctx.other?.requests).toHaveLength(want.otherRequests);
  if (want.withinMs !== undefined) expect(elapsed).toBeLessThan(want.withinMs);
  if (want.slowerThanMs !== undefined) expect(elapsed).toBeGreaterThanOrEqual(want.slowerThanMs);
  if (want.logged)
    expect(
      ctx.logs.some((line) => want.logged!.test(line)),
      ctx.logs.join('\n'),
    ).toBe(true);
  await want.check?.(ctx, outcome);
}

async function checkInvariants(ctx: Ctx, outcome: Outcome, unhandled: unknown[], tracked: Tracked) {
  // Stream errors nobody listened to are reported on a later tick; give them (and socket closes) time.
  await sleep(20);
  await ctx.server.waitForNoSockets();
  await ctx.other?.waitForNoSockets();
  await sleep(20);
  expect(
    unhandled.map((r) => inspect(r)),
    'unhandled rejections',
  ).toEqual([]);
  for (let i = 0; i < 25 && tracked.open().length; i++) await sleep(20);
  expect(tracked.open(), 'timers or sockets the scenario left open').toEqual([]);
  expect(printable(outcome), 'the outcome quotes the key').not.toContain(ctx.key);
  for (const line of ctx.logs) expect(line, 'a log line quotes the key').not.toContain(ctx.key);
}

import { SDK } from '../sdk-facts.js';
import { hasOwn } from './values.js';

type LogFn = (message: string, ...rest: unknown[]) => void;

/** The logger shape the client accepts: `console` fits. */
export type Logger = { error: LogFn; warn: LogFn; info: LogFn; debug: LogFn };

/** Log levels, most to least severe; `off` silences the client. */
export type LogLevel = 'off' | 'error' | 'warn' | 'info' | 'debug';

const LEVELS: Record<LogLevel, number> = { off: 0, error: 200, warn: 300, info: 400, debug: 500 };

/** Header names whose values are never logged. */
export const SECRET_HEADERS: ReadonlySet<string> = new Set([
  ...SDK.credentials.map((c) => c.header.toLowerCase()),
  'authorization',
  'cookie',
  'set-cookie',
]);

const REDACTED = '***';

/** What `loggerFor` needs from a client. */
export type LogSource = {
  logger?: Logger | undefined;
  logLevel?: LogLevel | undefined;
  /** Secret strings (API key, auth token) to mask wherever they appear in a log argument. */
  _secrets?(): string[];
};

/** Validates a level from options or the SDK's log-level env var, warning (once per call) about bad values. */
export function parseLogLevel(
  value: string | undefined,
  source: string,
  client: LogSource,
): LogLevel | undefined {
  if (!value) return undefined;
  if (hasOwn(LEVELS, value)) return value as LogLevel;
  loggerFor(client).warn(
    `${source} was set to ${JSON.stringify(value)}, expected one of ${JSON.stringify(Object.keys(LEVELS))}`,
  );
  return undefined;
}

/** Replaces every occurrence of each secret in strings nested inside `value`. */
export function redactSecrets(value: unknown, secrets: readonly string[], depth = 0): unknown {
  if (!secrets.length || depth > 6) return value;
  if (typeof value === 'string') {
    let out = value;
    for (const secret of secrets) if (out.includes(secret)) out = out.split(secret).join(REDACTED);
    return out;
  }
  if (Array.isArray(value)) return value.map((v) => redactSecrets(v, secrets, depth + 1));
  if (value && typeof value === 'object' && Object.getPrototypeOf(value) === Object.prototype) {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) out[k] = redactSecrets(v, secrets, depth + 1);
    return out;
  }
  return value;
}

const cache = new WeakMap<LogSource, { logger: Logger; level: LogLevel; value: Logger }>();

function noop() {}
const NOOP_LOGGER: Logger = { error: noop, warn: noop, info: noop, debug: noop };

function levelFn(level: keyof Logger, client: LogSource, threshold: LogLevel): LogFn {
  const logger = client.logger;
  if (!logger || LEVELS[level] > LEVELS[threshold]) return noop;
  return (message, ...rest) => {
    const secrets = (client._secrets?.() ?? []).filter((s) => s.length >= 4);
    const args = [message, ...rest].map((arg) => redactSecrets(arg, secrets));
    logger[level](...(args as [string, ...unknown[]]));
  };
}

/**
 * The client's logger filtered by its level. Every argument passes through `redactSecrets`, so the
 * API key or auth token never reaches a log line even if a message or body echoes it.
 */
export function loggerFor(client: LogSource): Logger {
  const threshold = client.logLevel ?? 'off';
  if (!client.logger || threshold === 'off') return NOOP_LOGGER;
  const cached = cache.get(client);
  if (cached && cached.logger === client.logger && cached.level === threshold) return cached.value;
  const value: Logger = {
    error: levelFn('error', client, threshold),
    warn: levelFn('warn', client, threshold),
    info: levelFn('info', client, threshold),
    debug: levelFn('debug', client, threshold),
  };
  cache.set(client, { logger: client.logger, level: threshold, value });
  return value;
}

/**
 * Whether `loggerFor(client)[level]` prints anything, so hot paths can skip building log
 * arguments (header copies, string formatting) on every request when logging is off.
 */
export function logLevelEnabled(client: LogSource, level: keyof Logger): boolean {
  return !!client.logger && LEVELS[level] <= LEVELS[client.logLevel ?? 'off'];
}

/** Fields of a request/response log record. */
export type RequestDetails = {
  options?: object | undefined;
  headers?: Headers | Record<string, string> | undefined;
  retryOfRequestLogID?: string | undefined;
  retryOf?: string | undefined;
  url?: string | undefined;
  status?: number | undefined;
  method?: string | undefined;
  durationMs?: number | undefined;
  message?: unknown;
  body?: unknown;
};

/** Copies `details` for logging with secret headers masked and `options.headers` dropped. */
export function formatRequestDetails(details: RequestDetails): RequestDetails {
  const out: RequestDetails = { ...details };
  if (details.options) {
    const { headers: _omit, ...rest } = details.options as { headers?: unknown };
    out.options = rest;
  }
  if (details.headers) {
    const entries =
      details.headers instanceof Headers ? [...details.headers] : Object.entries(details.headers);
    out.headers = Object.fromEntries(
      entries.map(([name, value]) => [name, SECRET_HEADERS.has(name.toLowerCase()) ? REDACTED : value]),
    );
  }
  if ('retryOfRequestLogID' in out) {
    if (out.retryOfRequestLogID) out.retryOf = out.retryOfRequestLogID;
    delete out.retryOfRequestLogID;
  }
  return out;
}

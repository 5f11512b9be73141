import {
  createServer,
  type IncomingHttpHeaders,
  type IncomingMessage,
  request,
  type Server,
} from 'node:http';
import type { AddressInfo } from 'node:net';
import { aliasFor } from './mock-spec.js';

/** Fixed query strings that select an aliased operation (from the spec's path keys). */
export type AliasQueries = string[];

interface Upstream {
  host: string;
  port: string;
}

function forward(
  up: Upstream,
  method: string,
  path: string,
  headers: IncomingHttpHeaders,
  body: Buffer,
): Promise<{ res: IncomingMessage; body: Buffer }> {
  return new Promise((ok, fail) => {
    const out = request({ host: up.host, port: up.port, method, path, headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => ok({ res, body: Buffer.concat(chunks) }));
      res.on('error', fail);
    });
    out.on('error', fail);
    out.end(body);
  });
}

/**
 * Points absolute links the API returns (a batch's `results_url`) back at the proxy: every JSON string that
 * starts with `from` (the spec's server URL) gets `to` instead, plus the request's alias query, if any, so the
 * follow-up request reaches the same (beta) operation group.
 */
export function rewriteLinks(body: Buffer, from: string, to: string, query?: string): Buffer {
  const text = body.toString('utf8');
  if (!text.includes(from)) return body;
  let doc: unknown;
  try {
    doc = JSON.parse(text);
  } catch {
    return body;
  }
  const walk = (v: unknown): unknown => {
    if (typeof v === 'string' && v.startsWith(`${from}/`)) {
      const link = `${to}${v.slice(from.length)}`;
      return query && !link.includes('?') ? `${link}?${query}` : link;
    }
    if (Array.isArray(v)) return v.map(walk);
    if (v && typeof v === 'object')
      return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, walk(x)]));
    return v;
  };
  return Buffer.from(JSON.stringify(walk(doc)));
}

function hasQuery(url: URL, query: string): boolean {
  return query.split('&').every((kv) => {
    const [k, v = ''] = kv.split('=');
    return url.searchParams.getAll(k!).includes(v);
  });
}

/**
 * A loopback proxy in front of Prism. Requests carrying one of `queries` (e.g. `beta=true`) go to the
 * aliased path; a JSON body with `"stream": true` asks Prism for the `text/event-stream` example. The SDK (like 0.74.0) drops the path's fixed query when it sends other query params, so a
 * request Prism cannot route is retried under each alias. `Accept: application/binary` becomes `*\/*`.
 * With `links` (the spec's server URL), JSON responses' links to it point at the proxy (`rewriteLinks`).
 */
export async function startProxy(
  target: string,
  queries: AliasQueries,
  links?: string,
): Promise<{ url: string; close(): Promise<void> }> {
  let self = '';
  const u = new URL(target);
  const up: Upstream = { host: u.hostname, port: u.port };
  const server: Server = createServer(async (req, res) => {
    try {
      const chunks: Buffer[] = [];
      for await (const c of req) chunks.push(c as Buffer);
      const body = Buffer.concat(chunks);
      const url = new URL(req.url ?? '/', 'http://placeholder');
      const headers = { ...req.headers, host: u.host };
      if (headers.accept === 'application/binary') headers.accept = '*/*';
      // The SDK asks for JSON even when it streams; Prism picks the response media type from Accept.
      if (/"stream"\s*:\s*true/.test(body.toString('utf8', 0, Math.min(body.length, 1 << 16))))
        headers.accept = 'text/event-stream';
      const plain = `${url.pathname}${url.search}`;
      const matched = queries.find((q) => hasQuery(url, q));
      const candidates = matched
        ? [`${aliasFor(matched)}${plain}`]
        : [plain, ...queries.map((q) => `${aliasFor(q)}${plain}`)];
      let result = await forward(up, req.method ?? 'GET', candidates[0]!, headers, body);
      for (const path of candidates.slice(1)) {
        if (result.res.statusCode !== 404 || !result.body.includes('NO_PATH_MATCHED')) break;
        result = await forward(up, req.method ?? 'GET', path, headers, body);
      }
      const out = links ? rewriteLinks(result.body, links, self, matched) : result.body;
      const outHeaders = { ...result.res.headers };
      if (out !== result.body) {
        delete outHeaders['transfer-encoding'];
        outHeaders['content-length'] = String(out.length);
      }
      res.writeHead(result.res.statusCode ?? 502, outHeaders);
      res.end(out);
    } catch (err) {
      res.writeHead(502, { 'content-type': 'text/plain' });
      res.end(`mock proxy: ${(err as Error).message}`);
    }
  });
  await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
  const { port } = server.address() as AddressInfo;
  self = `http://127.0.0.1:${port}`;
  return {
    url: self,
    close: () => new Promise<void>((ok) => server.close(() => ok())),
  };
}

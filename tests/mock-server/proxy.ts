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
 */
export async function startProxy(
  target: string,
  queries: AliasQueries,
): Promise<{ url: string; close(): Promise<void> }> {
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
      res.writeHead(result.res.statusCode ?? 502, result.res.headers);
      res.end(result.body);
    } catch (err) {
      res.writeHead(502, { 'content-type': 'text/plain' });
      res.end(`mock proxy: ${(err as Error).message}`);
    }
  });
  await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    close: () => new Promise<void>((ok) => server.close(() => ok())),
  };
}

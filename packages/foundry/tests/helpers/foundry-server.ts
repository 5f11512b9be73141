import { createServer, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';

/** A request as the server saw it. */
export type FoundryRequest = { method: string; target: string; headers: IncomingHttpHeaders; json: any };

/** Which credential the server accepts. */
export type FoundryAuthCheck = { apiKey: string } | { bearer: (token: string) => boolean };

/**
 * A local stand-in for `https://{resource}.services.ai.azure.com` on 127.0.0.1 (random port):
 * 404 outside `/anthropic/v1/...`, 401 unless the `x-api-key` (or the Entra bearer token)
 * checks out, otherwise the handler's JSON or SSE reply.
 */
export async function startFoundryServer(opts: {
  auth: FoundryAuthCheck;
  handler: (req: FoundryRequest) => { status?: number; json?: unknown; sse?: { type: string }[] };
}) {
  const requests: FoundryRequest[] = [];
  const server = createServer(async (req, res) => {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const text = Buffer.concat(chunks).toString('utf8');
    const seen = {
      method: req.method ?? 'GET',
      target: req.url ?? '/',
      headers: req.headers,
      json: text ? JSON.parse(text) : undefined,
    };
    requests.push(seen);
    const send = (status: number, body: unknown) => {
      res.writeHead(status, { 'content-type': 'application/json' });
      res.end(JSON.stringify(body));
    };
    if (!seen.target.startsWith('/anthropic/v1/'))
      return send(404, { error: { code: '404', message: 'Resource not found' } });
    const bearer = req.headers.authorization?.match(/^Bearer (.+)$/)?.[1];
    const authorized =
      'apiKey' in opts.auth
        ? req.headers['x-api-key'] === opts.auth.apiKey
        : !!bearer && opts.auth.bearer(bearer);
    if (!authorized) {
      return send(401, {
        type: 'error',
        error: { type: 'authentication_error', message: 'invalid credentials' },
      });
    }
    const reply = opts.handler(seen);
    if (!reply.sse) return send(reply.status ?? 200, reply.json);
    res.writeHead(200, { 'content-type': 'text/event-stream' });
    res.end(reply.sse.map((e) => `event: ${e.type}\ndata: ${JSON.stringify(e)}\n\n`).join(''));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';

/** A request as the server saw it, with the parsed URL shape. */
export type VertexRequest = {
  method: string;
  target: string;
  headers: Record<string, string | string[] | undefined>;
  json: any;
  /** Parsed from `/v1/projects/{project}/locations/{region}/publishers/anthropic/models/{model}:{verb}`. */
  route: { project: string; region: string; model: string; verb: string } | undefined;
};

/** What the handler tells the server to send back. */
export type VertexReply =
  | { kind: 'json'; status?: number; body: unknown }
  | { kind: 'sse'; events: { type: string }[]; chunkSize?: number };

const ROUTE = /^\/v1\/projects\/([^/]+)\/locations\/([^/]+)\/publishers\/anthropic\/models\/([^/:]+):(\w+)$/;

async function readJSON(req: IncomingMessage): Promise<any> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  const text = Buffer.concat(chunks).toString('utf8');
  return text ? JSON.parse(text) : undefined;
}

function routeOf(target: string): VertexRequest['route'] {
  const m = new URL(target, 'http://x').pathname.match(ROUTE);
  return m ? { project: m[1]!, region: m[2]!, model: decodeURIComponent(m[3]!), verb: m[4]! } : undefined;
}

/**
 * A local stand-in for `{region}-aiplatform.googleapis.com` on 127.0.0.1 (random port). It
 * answers 401 unless `Authorization: Bearer <token>` matches, 404 unless the path has the
 * publisher-model shape with a `rawPredict`, `streamRawPredict` verb, and otherwise whatever
 * the handler returns (SSE replies are cut into small pieces).
 */
export async function startVertexServer(opts: {
  token: string;
  handler: (req: VertexRequest) => VertexReply;
}) {
  const requests: VertexRequest[] = [];
  const server = createServer(async (req, res) => {
    const target = req.url ?? '/';
    const seen: VertexRequest = {
      method: req.method ?? 'GET',
      target,
      headers: req.headers,
      json: await readJSON(req),
      route: routeOf(target),
    };
    requests.push(seen);
    const json = (status: number, body: unknown) => {
      res.writeHead(status, { 'content-type': 'application/json' });
      res.end(JSON.stringify(body));
    };
    if (req.headers.authorization !== `Bearer ${opts.token}`) {
      return json(401, { error: { code: 401, message: 'Request had invalid authentication credentials.' } });
    }
    if (!seen.route || !['rawPredict', 'streamRawPredict'].includes(seen.route.verb)) {
      return json(404, { error: { code: 404, message: `no route for ${target}` } });
    }
    const reply = opts.handler(seen);
    if (reply.kind === 'json') return json(reply.status ?? 200, reply.body);
    res.writeHead(200, { 'content-type': 'text/event-stream' });
    const text = reply.events.map((e) => `event: ${e.type}\ndata: ${JSON.stringify(e)}\n\n`).join('');
    for (let i = 0; i < text.length; i += reply.chunkSize ?? 7) {
      res.write(text.slice(i, i + (reply.chunkSize ?? 7)));
      await new Promise((resolve) => setImmediate(resolve));
    }
    res.end();
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

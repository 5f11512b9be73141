// Loopback server process: builds every payload once, then serves the bytes in chunks of a fixed size.
// Started by harness/server.ts; prints `{"origin": ...}` on stdout once listening.
import { createServer, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { builders, type Payload } from '../payloads/index.js';
import type { ServerSpec } from './types.js';

const spec = JSON.parse(process.argv[2] ?? '{}') as ServerSpec;
const table = new Map<string, Payload>();

async function send(res: ServerResponse, payload: Payload): Promise<void> {
  const { body } = payload;
  const streamed = payload.contentType !== 'application/json';
  res.writeHead(200, {
    'content-type': payload.contentType,
    'request-id': 'req_bench',
    ...(streamed ? {} : { 'content-length': String(body.length) }),
  });
  for (let off = 0; off < body.length && !res.destroyed; off += spec.chunkSize) {
    if (!res.write(body.subarray(off, off + spec.chunkSize))) {
      await new Promise<void>((resolve) => {
        const done = () => {
          res.off('drain', done);
          res.off('close', done);
          resolve();
        };
        res.on('drain', done);
        res.on('close', done);
      });
    }
  }
  res.end();
}

const server = createServer((req, res) => {
  req.resume();
  req.on('end', () => {
    const payload = table.get((req.url ?? '/').split('?')[0]!);
    if (!payload) {
      res.writeHead(404, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ type: 'error', error: { type: 'not_found_error', message: req.url } }));
      return;
    }
    send(res, payload).catch(() => res.destroy());
  });
});
server.keepAliveTimeout = 30_000;

server.listen(0, '127.0.0.1', () => {
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  for (const [prefix, route] of Object.entries(spec.routes)) {
    const base = `${origin}/${prefix}`;
    const built = builders[route.kind]!(route.params, base);
    for (const [sub, payload] of Object.entries(built)) table.set(`/${prefix}${sub}`, payload);
  }
  const sizes = Object.fromEntries(
    [...table].map(([path, p]) => [path, { bytes: p.body.length, units: p.units }]),
  );
  process.stdout.write(`${JSON.stringify({ origin, sizes })}\n`);
});

// The parent closes stdin (or dies) to stop us: never outlive the harness.
process.stdin.on('end', () => process.exit(0));
process.stdin.resume();

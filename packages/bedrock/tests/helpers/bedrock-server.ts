import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { AwsCredentialIdentity } from '@smithy/types';
import { chunkFrame, exceptionFrame, joinFrames, splitAwkwardly } from './event-stream-frames.js';
import { type ReceivedRequest, verifySigV4 } from './sigv4-verify.js';

/** Known test credentials the server accepts. Not real keys. */
export const TEST_CREDENTIALS: AwsCredentialIdentity = {
  accessKeyId: 'AKIDTESTPLATFORM01',
  secretAccessKey: 'test/secret+Key/0123456789abcdefTESTONLY',
};

/** What the handler tells the server to send back. */
export type BedrockReply =
  | { kind: 'json'; status?: number; body: unknown; headers?: Record<string, string> }
  | {
      kind: 'stream';
      events: unknown[];
      /** An exception frame sent after the events. */
      exception?: { type: string; message: string };
      /** Sizes the framed bytes are cut into before writing. */
      chunkSizes?: number[];
    };

/** A request that passed (or failed) verification, with its JSON body parsed. */
export type SeenRequest = ReceivedRequest & { json: any; verdict: Awaited<ReturnType<typeof verifySigV4>> };

/** Options of {@link startBedrockServer}. */
export type BedrockServerOptions = {
  handler: (req: SeenRequest) => BedrockReply;
  credentials?: AwsCredentialIdentity;
  region?: string;
  /** Added to the server's clock, to make fresh signatures look expired. */
  clockSkewMs?: number;
};

async function readBody(req: IncomingMessage): Promise<Uint8Array> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return new Uint8Array(Buffer.concat(chunks));
}

async function writeStream(res: ServerResponse, reply: Extract<BedrockReply, { kind: 'stream' }>) {
  const frames = reply.events.map((event) => chunkFrame(event));
  if (reply.exception) frames.push(exceptionFrame(reply.exception.type, reply.exception.message));
  res.writeHead(200, {
    'content-type': 'application/vnd.amazon.eventstream',
    'x-amzn-requestid': 'req-bdrk',
  });
  for (const piece of splitAwkwardly(joinFrames(frames), reply.chunkSizes)) {
    res.write(piece);
    // Yield to the event loop so pieces tend to leave as separate TCP segments.
    await new Promise((resolve) => setImmediate(resolve));
  }
  res.end();
}

function headersOf(req: IncomingMessage): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, value] of Object.entries(req.headers)) {
    if (value !== undefined) out[name] = Array.isArray(value) ? value.join(',') : value;
  }
  return out;
}

/**
 * A local stand-in for `bedrock-runtime.{region}.amazonaws.com` on 127.0.0.1 (random port):
 * every request's SigV4 signature is verified against `credentials` (403 with an AWS-style
 * body otherwise); replies are JSON or genuine event-stream frames cut at awkward boundaries.
 */
export async function startBedrockServer(opts: BedrockServerOptions) {
  const credentials = opts.credentials ?? TEST_CREDENTIALS;
  const requests: SeenRequest[] = [];
  const server = createServer(async (req, res) => {
    const received: ReceivedRequest = {
      method: req.method ?? 'GET',
      target: req.url ?? '/',
      headers: headersOf(req),
      body: await readBody(req),
    };
    const verdict = await verifySigV4(received, {
      credentials,
      region: opts.region ?? 'us-east-1',
      service: 'bedrock',
      now: Date.now() + (opts.clockSkewMs ?? 0),
    });
    const text = Buffer.from(received.body).toString('utf8');
    const seen: SeenRequest = { ...received, json: text ? JSON.parse(text) : undefined, verdict };
    requests.push(seen);
    if (!verdict.ok) {
      res.writeHead(403, { 'content-type': 'application/json', 'x-amzn-errortype': verdict.code });
      res.end(JSON.stringify({ message: `${verdict.code}: ${verdict.reason}` }));
      return;
    }
    const reply = opts.handler(seen);
    if (reply.kind === 'stream') return writeStream(res, reply);
    res.writeHead(reply.status ?? 200, { 'content-type': 'application/json', ...reply.headers });
    res.end(JSON.stringify(reply.body));
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

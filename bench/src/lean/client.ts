import { LineSplitter } from './lines.js';

const HEADERS = {
  'content-type': 'application/json',
  'x-api-key': 'bench',
  'anthropic-version': '2023-06-01',
};

function body(res: Response): ReadableStream<Uint8Array> {
  if (!res.ok || !res.body) throw new Error(`lean: HTTP ${res.status}`);
  return res.body;
}

/**
 * Lean SSE reader: one generator over the network chunks; `data:` lines joined and one `JSON.parse` per
 * event at the blank line. No event classes, no retries, no validation: the floor the SDKs are compared to.
 */
export async function* leanEvents(res: Response): AsyncGenerator<any> {
  const splitter = new LineSplitter();
  let data: string[] = [];
  const stream = body(res);
  for await (const chunk of stream as unknown as AsyncIterable<Uint8Array>) {
    for (const line of splitter.push(chunk)) {
      if (line === '') {
        if (data.length > 0) yield JSON.parse(data.length === 1 ? data[0]! : data.join('\n'));
        data = [];
      } else if (line.startsWith('data:')) {
        data.push(line.charCodeAt(5) === 32 ? line.slice(6) : line.slice(5));
      }
    }
  }
}

/** Lean JSONL reader: one `JSON.parse` per non-empty line. */
export async function* leanJSONL(res: Response): AsyncGenerator<any> {
  const splitter = new LineSplitter();
  for await (const chunk of body(res) as unknown as AsyncIterable<Uint8Array>) {
    for (const line of splitter.push(chunk)) if (line !== '') yield JSON.parse(line);
  }
  for (const line of splitter.flush()) if (line !== '') yield JSON.parse(line);
}

/** `POST {base}/v1/messages` with raw `fetch`. */
export function leanPost(base: string, body: unknown, signal?: AbortSignal): Promise<Response> {
  const init: RequestInit = { method: 'POST', headers: HEADERS, body: JSON.stringify(body) };
  if (signal) init.signal = signal;
  return fetch(`${base}/v1/messages`, init);
}

/** Non-streaming create: POST and `res.json()`. */
export async function leanCreate(base: string, body: unknown): Promise<any> {
  const res = await leanPost(base, body);
  if (!res.ok) throw new Error(`lean: HTTP ${res.status}`);
  return res.json();
}

let kyModule: Promise<typeof import('ky')> | undefined;

/**
 * The same call through ky alone, driven as the SDK's transport drives it: ky gets the URL, method, a timeout and
 * the retry policy, no body; the fetch it calls sends the body itself on ky's signal. What the transport library
 * costs per request before any SDK code runs.
 */
export async function kyCreate(base: string, body: unknown): Promise<any> {
  const { default: ky } = await (kyModule ??= import('ky'));
  const url = `${base}/v1/messages`;
  const init: RequestInit = { method: 'POST', headers: HEADERS, body: JSON.stringify(body) };
  const res = await ky(url, {
    method: 'post',
    timeout: 600_000,
    throwHttpErrors: false,
    retry: { limit: 2, methods: ['post'], statusCodes: [], afterStatusCodes: [], delay: () => 0 },
    fetch: ((request: Request) => fetch(url, { ...init, signal: request.signal })) as typeof fetch,
  });
  if (!res.ok) throw new Error(`ky: HTTP ${res.status}`);
  return res.json();
}

/** Batch results: GET the batch, then stream its `results_url` as JSONL. */
export async function leanBatchResults(base: string, id: string): Promise<AsyncGenerator<any>> {
  const batch = (await (await fetch(`${base}/v1/messages/batches/${id}`, { headers: HEADERS })).json()) as {
    results_url: string;
  };
  return leanJSONL(await fetch(batch.results_url, { headers: HEADERS }));
}

/**
 * Credentials stay on the origin they were made for. A request to another origin than the client's (a batch
 * `results_url` on another host, say) is sent without its credential headers, and redirects are followed here
 * rather than by `fetch`, so that a hop to another origin drops them as well: `fetch` itself keeps custom
 * headers such as `x-api-key` across origins and only drops `Authorization`.
 *
 * Browsers cannot follow redirects by hand (`redirect: 'manual'` gives an opaque response there), so in a browser,
 * and whenever the caller chose a `redirect` mode in `fetchOptions`, `fetch` follows them as usual.
 */

import { SDK } from './sdk-facts.js';

/** The `fetch` shape used here (the transport's `Fetch`). */
type Fetch = (input: string, init?: RequestInit) => Promise<Response>;

/** Header names that carry credentials: the SDK's own, and the usual ones of gateways and platform clients. */
export const CREDENTIAL_HEADERS: readonly string[] = [
  ...SDK.credentials.map((c) => c.header.toLowerCase()),
  'authorization',
  'proxy-authorization',
  'cookie',
  'x-amz-security-token',
  'api-key',
];

const MAX_REDIRECTS = 20;
const REDIRECT_STATUSES = new Set([301, 302, 303, 307, 308]);
const inBrowser = (): boolean =>
  typeof (globalThis as { window?: { document?: unknown } }).window?.document !== 'undefined';

/** `init` with the credential headers removed (a copy; `init` is unchanged). */
function withoutCredentials(init: RequestInit): RequestInit {
  const headers = new Headers(init.headers);
  for (const name of CREDENTIAL_HEADERS) headers.delete(name);
  return { ...init, headers };
}

/** The request for the next hop, as `fetch` would build it; undefined when the body cannot be sent again. */
function nextHop(init: RequestInit, status: number): RequestInit | undefined {
  const method = (init.method ?? 'GET').toUpperCase();
  if (status === 303 ? method !== 'HEAD' : (status === 301 || status === 302) && method === 'POST') {
    const headers = new Headers(init.headers);
    for (const name of ['content-type', 'content-length', 'content-encoding']) headers.delete(name);
    const { body: _body, duplex: _duplex, ...rest } = init as RequestInit & { duplex?: unknown };
    return { ...rest, method: 'GET', headers };
  }
  // 307/308 resend method and body; a stream body has been consumed and cannot be.
  return init.body instanceof ReadableStream ? undefined : init;
}

/**
 * `fetch(url, init)` with the credential headers only ever sent to `trustedOrigin`, following up to 20
 * redirects itself. `onStrip` is told each time credentials are withheld from an origin.
 */
export async function fetchPinned(
  fetch: Fetch,
  url: string,
  init: RequestInit,
  trustedOrigin: string,
  onStrip?: (origin: string) => void,
): Promise<Response> {
  let request = init;
  const strip = (origin: string) => {
    if (origin === trustedOrigin) return;
    onStrip?.(origin);
    request = withoutCredentials(request);
  };
  // The client's own URLs start with its origin: no need to parse them (once per request) to know.
  if (!startsWithOrigin(url, trustedOrigin)) strip(new URL(url).origin);
  if (init.redirect !== undefined || inBrowser()) return fetch.call(undefined, url, request);
  let target: string | URL = url;
  for (let hops = 0; ; hops++) {
    const response: Response = await fetch.call(undefined, target.toString(), {
      ...request,
      redirect: 'manual',
    });
    const location = response.headers.get('location');
    if (!REDIRECT_STATUSES.has(response.status) || !location) return response;
    if (hops === MAX_REDIRECTS) {
      await response.body?.cancel();
      throw new TypeError(`too many redirects (more than ${MAX_REDIRECTS}) from ${url}`);
    }
    const next = nextHop(request, response.status);
    if (!next) return response;
    await response.body?.cancel();
    target = new URL(location, target);
    request = next;
    strip(target.origin);
  }
}

/**
 * True when `url` is on `origin` by its text alone: `origin` (already normalized) followed by the end, a path, a
 * query or a fragment. Anything else (another port, a longer host, different case) is left to URL parsing.
 */
function startsWithOrigin(url: string, origin: string): boolean {
  if (!url.startsWith(origin)) return false;
  const next = url.charCodeAt(origin.length);
  return Number.isNaN(next) || next === 0x2f || next === 0x3f || next === 0x23;
}

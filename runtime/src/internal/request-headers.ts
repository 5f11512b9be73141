import { buildHeaders, type HeadersLike, type NullableHeaders } from './headers.js';
import type { SDKFacts } from './sdk-facts.js';

/** Inputs of {@link composeRequestHeaders}, lowest precedence first. */
export type HeaderSources = {
  idempotency?: [name: string, key: string] | undefined;
  userAgent: string;
  retryCount: number;
  timeoutMs: number;
  browser: boolean;
  sdk: Pick<SDKFacts, 'browserAccessHeader' | 'defaultHeaders'>;
  auth: NullableHeaders | undefined;
  defaults: HeadersLike;
  body: HeadersLike;
  request: HeadersLike;
};

/**
 * The headers of one attempt: SDK defaults (the SDK's own `defaultHeaders` among them), then auth, the client's `defaultHeaders`, the body's
 * content type and finally the per-request headers (a `null` there removes any earlier value).
 */
export function composeRequestHeaders(s: HeaderSources): NullableHeaders {
  return buildHeaders([
    s.idempotency ? { [s.idempotency[0]]: s.idempotency[1] } : undefined,
    {
      Accept: 'application/json',
      'User-Agent': s.userAgent,
      'X-Stainless-Retry-Count': String(s.retryCount),
      'X-Stainless-Timeout': String(Math.trunc(s.timeoutMs / 1000)),
      ...(s.browser && s.sdk.browserAccessHeader ? { [s.sdk.browserAccessHeader]: 'true' } : {}),
      ...s.sdk.defaultHeaders,
    },
    s.auth,
    s.defaults,
    s.body,
    s.request,
  ]);
}

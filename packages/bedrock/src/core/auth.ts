import { Sha256 } from '@aws-crypto/sha256-js';
import type { ClientOptions } from '@sdkgen/anthropic/core/client-options';
import { SignatureV4 } from '@smithy/signature-v4';
import type { AwsCredentialIdentity } from '@smithy/types';
import { type ProviderChainResolver, resolveCredentials } from './credentials.js';

/** The AWS service name Bedrock's runtime endpoints are signed for. */
export const BEDROCK_SIGNING_SERVICE = 'bedrock';

/** A request as it will go over the wire: what SigV4 covers. */
export type SignableRequest = {
  method: string;
  url: string;
  headers: Headers;
  body?: string | Uint8Array | undefined;
};

/** What `getAuthHeaders` needs besides the request: where it goes and the credentials to use. */
export type AuthProps = {
  /** The final URL of the request. */
  url: string;
  /** The AWS region the signature is scoped to. */
  regionName: string;
  awsAccessKey: string | null | undefined;
  awsSecretKey: string | null | undefined;
  awsSessionToken: string | null | undefined;
  /** The client's `fetchOptions`; passed for custom signers, unused here. */
  fetchOptions?: ClientOptions['fetchOptions'] | undefined;
  providerChainResolver?: ProviderChainResolver | null;
};

function signableBody(body: RequestInit['body']): string | Uint8Array | undefined {
  if (typeof body === 'string' || body instanceof Uint8Array) return body;
  if (body instanceof ArrayBuffer) return new Uint8Array(body);
  return undefined;
}

/**
 * The headers of `req` signed with AWS SigV4 for Bedrock: the request's own headers plus
 * `authorization`, `x-amz-date`, `x-amz-content-sha256` and, for temporary credentials,
 * `x-amz-security-token`. Credentials are the static keys when both are given, otherwise the
 * provider chain's. `AnthropicBedrock` calls it for every attempt unless `skipAuth` is set, through
 * this module's export, so replacing the module (e.g. `jest.mock('.../core/auth')`) replaces signing.
 *
 * @example
 * ```ts
 * const headers = await getAuthHeaders(
 *   { method: 'POST', headers: { 'content-type': 'application/json' }, body },
 *   { url, regionName: 'us-east-1', awsAccessKey: 'AK', awsSecretKey: 'SK', awsSessionToken: null },
 * );
 * ```
 */
export const getAuthHeaders = async (req: RequestInit, props: AuthProps): Promise<Record<string, string>> => {
  if (!req.method) throw new Error('Expected request method property to be set');
  const credentials = await resolveCredentials(props);
  return signRequest(
    { method: req.method, url: props.url, headers: new Headers(req.headers), body: signableBody(req.body) },
    { region: props.regionName, credentials },
  );
};

/**
 * Computes SigV4 headers (`authorization`, `x-amz-date`, `x-amz-content-sha256`, and
 * `x-amz-security-token` for temporary credentials) for `request` as it will be sent.
 *
 * @example
 * ```ts
 * const headers = await signRequest(req, { region: 'us-east-1', credentials });
 * ```
 */
export async function signRequest(
  request: SignableRequest,
  opts: { region: string; credentials: AwsCredentialIdentity; signingDate?: Date },
): Promise<Record<string, string>> {
  const signer = new SignatureV4({
    service: BEDROCK_SIGNING_SERVICE,
    region: opts.region,
    credentials: opts.credentials,
    sha256: Sha256,
  });
  const url = new URL(request.url);
  const headers: Record<string, string> = {};
  request.headers.forEach((value, name) => {
    headers[name] = value;
  });
  // Proxies may drop or rewrite `connection`, so it must not be part of the signature.
  delete headers.connection;
  headers.host = url.host;
  const query: Record<string, string> = {};
  url.searchParams.forEach((value, key) => {
    query[key] = value;
  });
  const signed = await signer.sign(
    {
      method: request.method.toUpperCase(),
      protocol: url.protocol,
      hostname: url.hostname,
      ...(url.port ? { port: Number(url.port) } : {}),
      path: url.pathname,
      query,
      headers,
      body: request.body,
    },
    opts.signingDate ? { signingDate: opts.signingDate } : {},
  );
  const out: Record<string, string> = {};
  for (const [name, value] of Object.entries(signed.headers)) {
    // `host` is set by fetch itself and is a forbidden request header.
    if (name.toLowerCase() !== 'host') out[name] = value;
  }
  return out;
}

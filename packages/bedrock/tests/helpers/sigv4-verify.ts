import { Sha256 } from '@aws-crypto/sha256-js';
import { SignatureV4 } from '@smithy/signature-v4';
import type { AwsCredentialIdentity } from '@smithy/types';

/** What the server received, as it came off the socket. */
export type ReceivedRequest = {
  method: string;
  /** Raw request target, e.g. `/model/x/invoke?a=b`. */
  target: string;
  headers: Record<string, string>;
  body: Uint8Array;
};

/** Outcome of a verification: `ok`, or the reason AWS would give for a 403. */
export type Verdict = { ok: true } | { ok: false; code: string; reason: string };

const AUTH_RE =
  /^AWS4-HMAC-SHA256 Credential=([^/]+)\/(\d{8})\/([^/]+)\/([^/]+)\/aws4_request, ?SignedHeaders=([^,]+), ?Signature=([0-9a-f]{64})$/;

/** Parses `x-amz-date` (`YYYYMMDDTHHMMSSZ`). */
function parseAmzDate(value: string | undefined): Date | undefined {
  const m = value?.match(/^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z$/);
  if (!m) return undefined;
  return new Date(Date.UTC(+m[1]!, +m[2]! - 1, +m[3]!, +m[4]!, +m[5]!, +m[6]!));
}

async function sha256Hex(body: Uint8Array): Promise<string> {
  const hash = new Sha256();
  hash.update(body);
  return Buffer.from(await hash.digest()).toString('hex');
}

function fail(code: string, reason: string): Verdict {
  return { ok: false, code, reason };
}

/**
 * Verifies a SigV4-signed request the way AWS does: known access key, scope (date, region,
 * service), a timestamp within `maxSkewMs` of `now`, a payload hash matching the body actually
 * received, and a signature recomputed over exactly the signed headers.
 */
export async function verifySigV4(
  req: ReceivedRequest,
  opts: {
    credentials: AwsCredentialIdentity;
    region: string;
    service: string;
    now: number;
    maxSkewMs?: number;
  },
): Promise<Verdict> {
  const auth = req.headers.authorization?.match(AUTH_RE);
  if (!auth) return fail('MissingAuthenticationToken', 'missing or malformed Authorization header');
  const [, accessKey, scopeDate, region, service, signedHeaderList, signature] = auth;
  if (accessKey !== opts.credentials.accessKeyId) return fail('UnrecognizedClientException', 'unknown key');
  if (region !== opts.region || service !== opts.service)
    return fail('InvalidSignatureException', 'bad scope');
  const date = parseAmzDate(req.headers['x-amz-date']);
  if (!date || !scopeDate || !req.headers['x-amz-date']!.startsWith(scopeDate)) {
    return fail('InvalidSignatureException', 'bad x-amz-date');
  }
  if (Math.abs(opts.now - date.getTime()) > (opts.maxSkewMs ?? 5 * 60_000)) {
    return fail('InvalidSignatureException', 'Signature expired');
  }
  if ((opts.credentials.sessionToken ?? undefined) !== req.headers['x-amz-security-token']) {
    return fail('UnrecognizedClientException', 'bad security token');
  }
  const bodyHash = await sha256Hex(req.body);
  const claimed = req.headers['x-amz-content-sha256'];
  if (claimed !== undefined && claimed !== bodyHash)
    return fail('InvalidSignatureException', 'body hash mismatch');

  const signedNames = signedHeaderList!.split(';');
  const headers: Record<string, string> = {};
  for (const name of signedNames) {
    // The signer would trust a supplied hash header; drop it so the body is hashed afresh.
    if (name === 'x-amz-content-sha256') continue;
    const value = req.headers[name];
    if (value === undefined) return fail('InvalidSignatureException', `signed header ${name} missing`);
    headers[name] = value;
  }
  const url = new URL(req.target, `http://${req.headers.host}`);
  const query: Record<string, string> = {};
  url.searchParams.forEach((value, key) => {
    query[key] = value;
  });
  const signer = new SignatureV4({
    service: opts.service,
    region: opts.region,
    credentials: opts.credentials,
    sha256: Sha256,
  });
  const expected = await signer.sign(
    {
      method: req.method,
      protocol: 'http:',
      hostname: url.hostname,
      path: url.pathname,
      query,
      headers,
      body: req.body.length ? req.body : undefined,
    },
    { signingDate: date },
  );
  const expectedAuth = expected.headers.authorization ?? '';
  if (!expectedAuth.endsWith(`SignedHeaders=${signedHeaderList}, Signature=${signature}`)) {
    return fail('InvalidSignatureException', 'signature mismatch');
  }
  return { ok: true };
}

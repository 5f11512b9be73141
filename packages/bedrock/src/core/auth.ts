import { Sha256 } from '@aws-crypto/sha256-js';
import { AnthropicError } from '@sdkgen/anthropic/core/error';
import { SignatureV4 } from '@smithy/signature-v4';
import type { AwsCredentialIdentity, AwsCredentialIdentityProvider } from '@smithy/types';

/** The AWS service name Bedrock's runtime endpoints are signed for. */
export const BEDROCK_SIGNING_SERVICE = 'bedrock';

/** Returns a credential provider; lets edge runtimes replace the Node.js default chain. */
export type ProviderChainResolver = () => Promise<AwsCredentialIdentityProvider>;

/** Where credentials come from: static keys win, otherwise a (lazily built) provider chain. */
export type CredentialSource = {
  awsAccessKey: string | null;
  awsSecretKey: string | null;
  awsSessionToken: string | null;
  providerChainResolver: ProviderChainResolver | null;
};

/** A request as it will go over the wire: what SigV4 covers. */
export type SignableRequest = {
  method: string;
  url: string;
  headers: Headers;
  body?: string | Uint8Array | undefined;
};

/** Raised when no AWS credentials can be found; the message names the ways to supply them. */
export class BedrockCredentialsError extends AnthropicError {
  override name = 'BedrockCredentialsError';
}

async function defaultProviderChain(): Promise<AwsCredentialIdentityProvider> {
  // Imported on first use: the chain pulls in a large part of the AWS SDK, and callers
  // with static keys or their own resolver never need it.
  let mod: typeof import('@aws-sdk/credential-providers');
  try {
    mod = await import('@aws-sdk/credential-providers');
  } catch (err) {
    throw new BedrockCredentialsError(
      "Amazon Bedrock: could not load '@aws-sdk/credential-providers' for the default credential chain; " +
        'pass `awsAccessKey` and `awsSecretKey`, or a `providerChainResolver`.',
      { cause: err },
    );
  }
  return mod.fromNodeProviderChain();
}

/**
 * Resolves credentials once per client and memoizes the provider, so concurrent first requests
 * share one chain lookup instead of racing each other.
 */
export class CredentialResolver {
  #provider: Promise<AwsCredentialIdentityProvider> | undefined;

  constructor(private readonly source: CredentialSource) {}

  /** True when both static keys are present (the chain is then never consulted). */
  get hasStaticKeys(): boolean {
    return !!(this.source.awsAccessKey && this.source.awsSecretKey);
  }

  /** The credentials to sign the next request with. */
  async resolve(): Promise<AwsCredentialIdentity> {
    const { awsAccessKey, awsSecretKey, awsSessionToken } = this.source;
    if (awsAccessKey && awsSecretKey) {
      return {
        accessKeyId: awsAccessKey,
        secretAccessKey: awsSecretKey,
        ...(awsSessionToken ? { sessionToken: awsSessionToken } : {}),
      };
    }
    this.#provider ??= (this.source.providerChainResolver ?? defaultProviderChain)();
    const provider = await this.#provider.catch((err) => {
      this.#provider = undefined;
      throw err;
    });
    try {
      return await provider();
    } catch (err) {
      // The chain's own message can quote file paths or profile names, never key material;
      // it is kept as `cause` for debugging.
      throw new BedrockCredentialsError(
        'Amazon Bedrock: no AWS credentials found. Pass `awsAccessKey` and `awsSecretKey` to the client, ' +
          'or configure the default chain (AWS_ACCESS_KEY_ID/AWS_SECRET_ACCESS_KEY, AWS_PROFILE, SSO, ' +
          'web identity, or an instance/container role).',
        { cause: err },
      );
    }
  }
}

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

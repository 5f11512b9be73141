import { AnthropicError } from '@sdkgen/anthropic/core/error';
import { readEnv } from '@sdkgen/anthropic/core/platform';
import type { AwsCredentialIdentity, AwsCredentialIdentityProvider } from '@smithy/types';

/** Returns a credential provider; lets edge runtimes replace the Node.js default chain. */
export type ProviderChainResolver = () => Promise<AwsCredentialIdentityProvider>;

/** Where credentials come from: static keys win, otherwise a provider chain. */
export type CredentialSource = {
  awsAccessKey: string | null | undefined;
  awsSecretKey: string | null | undefined;
  awsSessionToken: string | null | undefined;
  providerChainResolver?: ProviderChainResolver | null | undefined;
};

/** Raised when the default credential chain cannot be loaded in this runtime. */
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
      "Failed to import '@aws-sdk/credential-providers'." +
        "You can provide a custom `providerChainResolver` in the client options if your runtime does not have access to '@aws-sdk/credential-providers': " +
        '`new AnthropicBedrock({ providerChainResolver })` ' +
        `Original error: ${(err as Error)?.message}`,
      { cause: err },
    );
  }
  return mod.fromNodeProviderChain();
}

// Providers are memoized so concurrent and later requests share one chain (which caches and
// refreshes credentials itself) instead of rebuilding it, and its lookups, per request.
const customProviders = new WeakMap<ProviderChainResolver, Promise<AwsCredentialIdentityProvider>>();
let defaultProvider: { envKey: string; provider: Promise<AwsCredentialIdentityProvider> } | undefined;

/** The AWS_* environment the default chain reads: when it changes, the chain is built anew. */
function awsEnvironmentKey(): string {
  const env = (globalThis as { process?: { env?: Record<string, string | undefined> } }).process?.env ?? {};
  return JSON.stringify(Object.entries(env).filter(([name]) => name.startsWith('AWS_')));
}

function memoizedProvider(resolver: ProviderChainResolver | null | undefined) {
  if (resolver) {
    let provider = customProviders.get(resolver);
    if (!provider) {
      provider = resolver();
      customProviders.set(resolver, provider);
      provider.catch(() => customProviders.delete(resolver));
    }
    return provider;
  }
  const envKey = awsEnvironmentKey();
  if (defaultProvider?.envKey !== envKey) {
    const provider = defaultProviderChain();
    defaultProvider = { envKey, provider };
    provider.catch(() => {
      if (defaultProvider?.provider === provider) defaultProvider = undefined;
    });
  }
  return defaultProvider.provider;
}

/**
 * The credentials to sign the next request with: the static keys when both are given (one given
 * alone is paired with its AWS_ACCESS_KEY_ID / AWS_SECRET_ACCESS_KEY counterpart), otherwise
 * what the provider chain (`providerChainResolver`, or Node.js's default chain) returns. Errors of
 * the chain (e.g. "Could not load credentials from any providers") reach the caller unchanged.
 *
 * @example
 * ```ts
 * const credentials = await resolveCredentials({ awsAccessKey: 'AK', awsSecretKey: 'SK', awsSessionToken: null });
 * ```
 */
export async function resolveCredentials(source: CredentialSource): Promise<AwsCredentialIdentity> {
  const { awsSessionToken } = source;
  // A key given alone is completed from the environment, as the official client's chain does.
  const awsAccessKey =
    source.awsAccessKey || (source.awsSecretKey ? readEnv('AWS_ACCESS_KEY_ID') : undefined);
  const awsSecretKey =
    source.awsSecretKey || (source.awsAccessKey ? readEnv('AWS_SECRET_ACCESS_KEY') : undefined);
  if (awsAccessKey && awsSecretKey) {
    return {
      accessKeyId: awsAccessKey,
      secretAccessKey: awsSecretKey,
      ...(awsSessionToken ? { sessionToken: awsSessionToken } : {}),
    };
  }
  const provider = await memoizedProvider(source.providerChainResolver);
  return provider();
}

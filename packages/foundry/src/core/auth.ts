import { AnthropicError } from '@sdkgen/anthropic/core/error';
import { readEnv } from '@sdkgen/anthropic/core/platform';

/** Returns a Microsoft Entra ID access token; called before every request. */
export type AzureADTokenProvider = () => Promise<string>;

/** The Foundry-specific options, before defaults from the environment. */
export type FoundryAuthOptions = {
  resource?: string | undefined;
  baseURL?: string | null | undefined;
  apiKey?: string | undefined;
  azureADTokenProvider?: AzureADTokenProvider | undefined;
};

/** Resolved endpoint and credential: exactly one of `apiKey` and `tokenProvider` is set. */
export type FoundryAuth = {
  baseURL: string;
  /** The resource name, when the endpoint was given as one. */
  resource: string | null;
  apiKey: string | null;
  tokenProvider: AzureADTokenProvider | null;
};

/** The endpoint of a Foundry resource: `https://{resource}.services.ai.azure.com/anthropic/`. */
export function foundryBaseURL(resource: string): string {
  return `https://${resource}.services.ai.azure.com/anthropic/`;
}

/**
 * Applies environment defaults (`ANTHROPIC_FOUNDRY_API_KEY`, `ANTHROPIC_FOUNDRY_RESOURCE`,
 * `ANTHROPIC_FOUNDRY_BASE_URL`, each read when its option is not given, as the official client
 * does) and checks the combination, in the official order and wording: credentials missing, then
 * both credentials, then no endpoint, then both endpoints.
 */
export function resolveFoundryAuth(opts: FoundryAuthOptions): FoundryAuth {
  const tokenProvider = opts.azureADTokenProvider ?? null;
  const apiKey = opts.apiKey === undefined ? readEnv('ANTHROPIC_FOUNDRY_API_KEY') : opts.apiKey;
  if (!tokenProvider && !apiKey) {
    throw new AnthropicError(
      'Missing credentials. Please pass one of `apiKey` and `azureTokenProvider`, or set the `ANTHROPIC_FOUNDRY_API_KEY` environment variable.',
    );
  }
  if (tokenProvider && apiKey) {
    throw new AnthropicError(
      'The `apiKey` and `azureADTokenProvider` arguments are mutually exclusive; only one can be passed at a time.',
    );
  }
  const baseURL = opts.baseURL === undefined ? readEnv('ANTHROPIC_FOUNDRY_BASE_URL') : opts.baseURL;
  const resource = opts.resource === undefined ? readEnv('ANTHROPIC_FOUNDRY_RESOURCE') : opts.resource;
  if (!baseURL && !resource) {
    throw new AnthropicError(
      'Must provide one of the `baseURL` or `resource` arguments, or the `ANTHROPIC_FOUNDRY_RESOURCE` environment variable',
    );
  }
  if (baseURL && resource) throw new AnthropicError('baseURL and resource are mutually exclusive');
  return {
    baseURL: baseURL || foundryBaseURL(resource!),
    resource: resource || null,
    apiKey: apiKey || null,
    tokenProvider,
  };
}

/** Calls the token provider and checks its result; provider failures keep their `cause`. */
export async function fetchEntraToken(provider: AzureADTokenProvider): Promise<string> {
  let token: unknown;
  try {
    token = await provider();
  } catch (err) {
    if (err instanceof AnthropicError) throw err;
    throw new AnthropicError(`Failed to get token from azureADTokenProvider: ${(err as Error)?.message}`, {
      cause: err,
    });
  }
  if (typeof token !== 'string' || !token) {
    throw new AnthropicError(
      `Expected azureADTokenProvider function argument to return a string but it returned ${token}`,
    );
  }
  return token;
}

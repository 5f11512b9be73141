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
 * `ANTHROPIC_FOUNDRY_BASE_URL`) and checks the combination, throwing a clear error before any
 * request when credentials or the endpoint are missing or ambiguous.
 */
export function resolveFoundryAuth(opts: FoundryAuthOptions): FoundryAuth {
  const tokenProvider = opts.azureADTokenProvider ?? null;
  const apiKey = opts.apiKey ?? (tokenProvider ? undefined : readEnv('ANTHROPIC_FOUNDRY_API_KEY'));
  if (tokenProvider && apiKey) {
    throw new AnthropicError(
      'Microsoft Foundry: `apiKey` and `azureADTokenProvider` are mutually exclusive; pass only one.',
    );
  }
  if (!tokenProvider && !apiKey) {
    throw new AnthropicError(
      'Microsoft Foundry: missing credentials. Pass `apiKey` or `azureADTokenProvider`, or set the ' +
        'ANTHROPIC_FOUNDRY_API_KEY environment variable.',
    );
  }
  const baseURL = opts.baseURL ?? readEnv('ANTHROPIC_FOUNDRY_BASE_URL');
  const resource = opts.resource ?? (baseURL ? undefined : readEnv('ANTHROPIC_FOUNDRY_RESOURCE'));
  if (baseURL && resource) {
    throw new AnthropicError(
      'Microsoft Foundry: `baseURL` and `resource` are mutually exclusive; pass only one.',
    );
  }
  if (!baseURL && !resource) {
    throw new AnthropicError(
      'Microsoft Foundry: no endpoint. Pass `resource` (your Foundry resource name) or `baseURL`, or set ' +
        'the ANTHROPIC_FOUNDRY_RESOURCE environment variable.',
    );
  }
  return {
    baseURL: baseURL ?? foundryBaseURL(resource!),
    resource: resource ?? null,
    apiKey: apiKey ?? null,
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
    throw new AnthropicError('Microsoft Foundry: `azureADTokenProvider` failed to return a token.', {
      cause: err,
    });
  }
  if (typeof token !== 'string' || !token) {
    throw new AnthropicError(
      `Microsoft Foundry: \`azureADTokenProvider\` must resolve to a non-empty string, got ${typeof token}.`,
    );
  }
  return token;
}

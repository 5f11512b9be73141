import { BaseAnthropic, type ClientOptions as CoreClientOptions } from '@sdkgen/anthropic/core/base-client';
import { authHeaders, type NullableHeaders } from '@sdkgen/anthropic/core/platform';
import { type AzureADTokenProvider, fetchEntraToken, resolveFoundryAuth } from './core/auth.js';

type FinalRequestOptions = Parameters<BaseAnthropic['buildRequest']>[0];

/** The platform name used in error messages. */
export const PLATFORM = 'Microsoft Foundry';

/**
 * Options of `new AnthropicFoundry(...)`: the main client's options plus the Foundry resource
 * and an API key or a Microsoft Entra ID token provider.
 */
export interface FoundryClientOptions extends CoreClientOptions {
  /**
   * Name of your Foundry resource; requests go to
   * `https://{resource}.services.ai.azure.com/anthropic/v1/...`. Mutually exclusive with `baseURL`.
   * @default process.env['ANTHROPIC_FOUNDRY_RESOURCE']
   */
  resource?: string | undefined;
  /**
   * Foundry API key, sent as `x-api-key`. Mutually exclusive with `azureADTokenProvider`.
   * @default process.env['ANTHROPIC_FOUNDRY_API_KEY']
   */
  apiKey?: string | undefined;
  /**
   * Returns a Microsoft Entra ID token (sent as `Authorization: Bearer`), called before every
   * request, e.g. `getBearerTokenProvider(new DefaultAzureCredential(), 'https://ai.azure.com/.default')`.
   */
  azureADTokenProvider?: AzureADTokenProvider | undefined;
}

/** Alias of {@link FoundryClientOptions}, named like the other platform packages' options. */
export type ClientOptions = FoundryClientOptions;

/**
 * The Foundry transport: a `BaseAnthropic` pointed at a Foundry resource's `/anthropic` path,
 * authenticating with an API key (`x-api-key`) or an Entra ID token (`Authorization: Bearer`).
 * Request and stream formats are the Anthropic API's own. As in the official client, the token
 * provider is kept as `_options.apiKey` (and `apiKey` is then `null`).
 */
export class FoundryBase extends BaseAnthropic {
  /** The Foundry resource name, when the endpoint was given that way. */
  resource: string | null;
  #tokenProvider: AzureADTokenProvider | null;
  #lastToken: string | null = null;

  /** @param opts see {@link ClientOptions}. */
  constructor(opts: ClientOptions = {}) {
    // `withOptions()` hands the token provider back as `apiKey`, where this constructor keeps it.
    const given = opts.apiKey as unknown;
    const { resource: _r, azureADTokenProvider: _t, baseURL: _b, apiKey: _k, ...rest } = opts;
    const { baseURL, resource, apiKey, tokenProvider } = resolveFoundryAuth(
      typeof given === 'function' && !opts.azureADTokenProvider
        ? { ...opts, apiKey: undefined, azureADTokenProvider: given as AzureADTokenProvider }
        : opts,
    );
    super({
      ...rest,
      apiKey: tokenProvider ?? apiKey,
      baseURL,
      // A token provider implies a browser-capable credential flow, as in the Azure SDKs.
      ...(tokenProvider ? { dangerouslyAllowBrowser: true } : {}),
    } as CoreClientOptions);
    this.resource = resource;
    this.#tokenProvider = tokenProvider;
  }

  /**
   * A new client with these options overriding the current ones. The endpoint is carried as
   * `baseURL`, so `ANTHROPIC_FOUNDRY_RESOURCE` is not read again (it would conflict with it).
   */
  override withOptions(options: Partial<ClientOptions>): this {
    return super.withOptions({ resource: null, ...options } as Partial<CoreClientOptions>);
  }

  protected override validateHeaders(): void {
    // Either credential is always present (the constructor insists), so there is nothing to check.
  }

  /** `Authorization: Bearer <token>` from the token provider, else the API key as the Anthropic client sends it; per attempt. */
  protected override async authHeaders(opts: FinalRequestOptions): Promise<NullableHeaders | undefined> {
    if (this.#tokenProvider) {
      const token = await fetchEntraToken(this.#tokenProvider);
      this.#lastToken = token;
      return authHeaders({ Authorization: `Bearer ${token}` });
    }
    return this.apiKey ? this.apiKeyAuth(opts) : undefined;
  }

  /** @internal The API key and the latest Entra token, masked in logs and error messages. */
  override _secrets(): string[] {
    return [...super._secrets(), ...(this.#lastToken ? [this.#lastToken] : [])];
  }
}

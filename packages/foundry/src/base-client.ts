import { BaseAnthropic, type ClientOptions as CoreClientOptions } from '@sdkgen/anthropic/core/base-client';
import { unsupportedEndpoint } from '@sdkgen/anthropic/core/platform';
import { type AzureADTokenProvider, fetchEntraToken, resolveFoundryAuth } from './core/auth.js';

/** The platform name used in error messages. */
export const PLATFORM = 'Microsoft Foundry';

/** Paths (before any `?beta=true`) that Foundry does not serve. */
const UNSERVED = [/^\/v1\/messages\/batches(\/|$)/, /^\/v1\/models(\/|$)/];

/**
 * Options of `new AnthropicFoundry(...)`: the main client's options plus the Foundry resource
 * and an API key or a Microsoft Entra ID token provider.
 */
export interface FoundryClientOptions extends Omit<CoreClientOptions, 'apiKey'> {
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

type FinalRequestOptions = Parameters<BaseAnthropic['buildRequest']>[0];

/**
 * The Foundry transport: a `BaseAnthropic` pointed at a Foundry resource's `/anthropic` path,
 * authenticating with an API key or an Entra ID token. Request and stream formats are the
 * Anthropic API's own.
 */
export class FoundryBase extends BaseAnthropic {
  /** The Foundry resource name, when the endpoint was given that way. */
  resource: string | null;
  #tokenProvider: AzureADTokenProvider | null;
  #lastToken: string | null = null;

  /** @param opts see {@link ClientOptions}. */
  constructor(opts: ClientOptions = {}) {
    const { baseURL, resource, apiKey, tokenProvider } = resolveFoundryAuth(opts);
    // `resource` is folded into `baseURL`, so `withOptions()` (which passes `baseURL`) stays valid.
    const { resource: _resource, ...rest } = opts;
    super({
      ...rest,
      baseURL,
      apiKey,
      authToken: null,
      // A token provider implies a browser-capable credential flow, as in the Azure SDKs.
      ...(tokenProvider ? { dangerouslyAllowBrowser: true } : {}),
    } as CoreClientOptions);
    this.resource = resource;
    this.#tokenProvider = tokenProvider;
  }

  protected override validateHeaders(headers: Parameters<BaseAnthropic['validateHeaders']>[0]): void {
    // With a token provider the bearer header is added later, in `prepareRequest`.
    if (!this.#tokenProvider) super.validateHeaders(headers);
  }

  /** @internal The API key and the latest Entra token, masked in logs and error messages. */
  override _secrets(): string[] {
    return [...super._secrets(), ...(this.#lastToken ? [this.#lastToken] : [])];
  }

  protected override async prepareOptions(options: FinalRequestOptions): Promise<void> {
    await super.prepareOptions(options);
    const path = options.path.split('?')[0]!;
    if (UNSERVED.some((re) => re.test(path)))
      throw unsupportedEndpoint(PLATFORM, options.method, options.path);
  }

  protected override async prepareRequest(
    request: RequestInit,
    context: { url: string; options: FinalRequestOptions },
  ): Promise<void> {
    await super.prepareRequest(request, context);
    if (!this.#tokenProvider) return;
    const headers = request.headers as Headers;
    const token = await fetchEntraToken(this.#tokenProvider);
    this.#lastToken = token;
    // An Authorization header the caller set explicitly takes precedence.
    if (!headers.has('authorization')) headers.set('authorization', `Bearer ${token}`);
  }
}

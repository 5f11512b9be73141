import { BaseAnthropic, type ClientOptions as CoreClientOptions } from '@sdkgen/anthropic/core/base-client';
import { readEnv } from '@sdkgen/anthropic/core/platform';
import type { AuthClient, GoogleAuth } from 'google-auth-library';
import { type VertexAuth, VertexAuthProvider } from './core/auth.js';
import { rewriteForVertex, vertexBaseURL } from './core/request.js';

/** The platform name used in error messages. */
export const PLATFORM = 'Google Vertex AI';

/**
 * Options of `new AnthropicVertex(...)`: the main client's options (without `apiKey` and
 * `authToken`) plus the Google Cloud region, project and credentials.
 */
export type ClientOptions = Omit<CoreClientOptions, 'apiKey' | 'authToken'> & {
  /**
   * Region of the Vertex AI endpoint, e.g. `us-east5`, `europe-west1`, or `global`.
   * @default process.env['CLOUD_ML_REGION']
   */
  region?: string | null | undefined;
  /**
   * Google Cloud project id; when unset it is taken from the Google credentials, if they name one.
   * @default process.env['ANTHROPIC_VERTEX_PROJECT_ID']
   */
  projectId?: string | null | undefined;
  /** An OAuth access token sent as `Authorization: Bearer`; skips `google-auth-library` entirely. */
  accessToken?: string | null | undefined;
  /**
   * A configured `GoogleAuth` from `google-auth-library`; it needs the cloud-platform scope:
   * `new GoogleAuth({ scopes: 'https://www.googleapis.com/auth/cloud-platform' })`.
   */
  googleAuth?: GoogleAuth | null | undefined;
  /** A ready `AuthClient` (e.g. impersonated credentials); an alternative to `googleAuth`. */
  authClient?: AuthClient | null | undefined;
};

type FinalRequestOptions = Parameters<BaseAnthropic['buildRequest']>[0];
type FinalizedRequestInit = Awaited<ReturnType<BaseAnthropic['buildRequest']>>['req'];

/**
 * The Vertex AI transport: a `BaseAnthropic` whose Messages requests go to the publisher model's
 * `:rawPredict` / `:streamRawPredict` endpoints with Google credentials. Streams are SSE, as on
 * the Anthropic API, so the main SDK's decoder is used unchanged.
 */
export class VertexBase extends BaseAnthropic {
  region: string;
  projectId: string | null;
  accessToken: string | null;
  #auth: VertexAuthProvider;
  #pending = new WeakMap<FinalRequestOptions, VertexAuth>();

  /** @param opts see {@link ClientOptions}. */
  constructor(opts: ClientOptions = {}) {
    const region = opts.region ?? readEnv('CLOUD_ML_REGION');
    if (!region) {
      throw new Error(
        'No region was given. The client should be instantiated with the `region` option or the `CLOUD_ML_REGION` environment variable should be set.',
      );
    }
    const baseURL = opts.baseURL || readEnv('ANTHROPIC_VERTEX_BASE_URL') || vertexBaseURL(region);
    // Pinned to null so an ANTHROPIC_API_KEY in the environment is never sent to Google.
    super({ ...opts, baseURL, apiKey: null, authToken: null } as CoreClientOptions);
    this.region = region;
    this.projectId = opts.projectId ?? readEnv('ANTHROPIC_VERTEX_PROJECT_ID') ?? null;
    this.accessToken = opts.accessToken ?? null;
    if (opts.authClient && opts.googleAuth) {
      throw new Error(
        'You cannot provide both `authClient` and `googleAuth`. Please provide only one of them.',
      );
    }
    this.#auth = new VertexAuthProvider({
      accessToken: this.accessToken,
      authClient: opts.authClient ?? null,
      googleAuth: opts.googleAuth ?? null,
    });
  }

  protected override validateHeaders(): void {
    // Google credentials are added in `prepareRequest`, after header validation runs.
  }

  protected override async authHeaders(): Promise<undefined> {
    return undefined;
  }

  /** @internal The access token, masked in logs and error messages. */
  override _secrets(): string[] {
    return [...super._secrets(), ...(this.accessToken ? [this.accessToken] : [])];
  }

  protected override async prepareOptions(options: FinalRequestOptions): Promise<void> {
    await super.prepareOptions(options);
    // Resolved once per request, as the official client does; the first attempt reuses it.
    const auth = await this.#auth.resolve();
    this.#pending.set(options, auth);
    // Credentials may name their project (service-account keys, ADC quota project).
    if (!this.projectId && auth.projectId) this.projectId = auth.projectId;
  }

  /**
   * Builds one attempt in Vertex AI's shape: `anthropic_version` in a copy of the body; messages
   * to `.../publishers/anthropic/models/{model}:rawPredict` (`:streamRawPredict` when streaming),
   * token counting to `.../models/count-tokens:rawPredict`. Other paths are sent as they are.
   */
  override async buildRequest(
    options: FinalRequestOptions,
    ctx?: { retryCount?: number },
  ): Promise<{ req: FinalizedRequestInit; url: string; timeout: number }> {
    const target = { region: this.region, projectId: this.projectId };
    return super.buildRequest(rewriteForVertex({ ...options }, target), ctx);
  }

  protected override async prepareRequest(
    request: RequestInit,
    context: { url: string; options: FinalRequestOptions },
  ): Promise<void> {
    await super.prepareRequest(request, context);
    const headers = request.headers as Headers;
    const auth = this.#pending.get(context.options) ?? (await this.#auth.resolve());
    this.#pending.delete(context.options);
    // Headers the caller set explicitly (e.g. their own Authorization) take precedence.
    auth.headers.forEach((value, name) => {
      if (!headers.has(name)) headers.set(name, value);
    });
  }
}

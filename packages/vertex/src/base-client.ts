import { BaseAnthropic, type ClientOptions as CoreClientOptions } from '@sdkgen/anthropic/core/base-client';
import { AnthropicError } from '@sdkgen/anthropic/core/error';
import { readEnv, unsupportedEndpoint } from '@sdkgen/anthropic/core/platform';
import type { AuthClient, GoogleAuth } from 'google-auth-library';
import { VertexAuthProvider } from './core/auth.js';
import { isServedByVertex, rewriteForVertex, vertexBaseURL } from './core/request.js';

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

  /** @param opts see {@link ClientOptions}. */
  constructor(opts: ClientOptions = {}) {
    const region = opts.region ?? readEnv('CLOUD_ML_REGION');
    if (!region) {
      throw new AnthropicError(
        'Google Vertex AI: no region. Pass `region` to the client (e.g. `us-east5` or `global`) or set ' +
          'the CLOUD_ML_REGION environment variable.',
      );
    }
    if (opts.authClient && opts.googleAuth) {
      throw new AnthropicError('Google Vertex AI: pass either `authClient` or `googleAuth`, not both.');
    }
    const baseURL = opts.baseURL ?? readEnv('ANTHROPIC_VERTEX_BASE_URL') ?? vertexBaseURL(region);
    // Pinned to null so an ANTHROPIC_API_KEY in the environment is never sent to Google.
    super({ ...opts, baseURL, apiKey: null, authToken: null } as CoreClientOptions);
    this.region = region;
    this.projectId = opts.projectId ?? readEnv('ANTHROPIC_VERTEX_PROJECT_ID') ?? null;
    this.accessToken = opts.accessToken ?? null;
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
    if (!isServedByVertex(options)) throw unsupportedEndpoint(PLATFORM, options.method, options.path);
    if (!this.projectId && !this.accessToken) {
      // Credentials may name their project (service-account keys, ADC quota project).
      this.projectId = (await this.#auth.resolve()).projectId;
    }
    rewriteForVertex(options, { region: this.region, projectId: this.projectId });
  }

  protected override async prepareRequest(
    request: RequestInit,
    context: { url: string; options: FinalRequestOptions },
  ): Promise<void> {
    await super.prepareRequest(request, context);
    const headers = request.headers as Headers;
    const auth = await this.#auth.resolve();
    // Headers the caller set explicitly (e.g. their own Authorization) take precedence.
    auth.headers.forEach((value, name) => {
      if (!headers.has(name)) headers.set(name, value);
    });
  }
}

import { BaseAnthropic, type ClientOptions as CoreClientOptions } from '@sdkgen/anthropic/core/base-client';
import { readEnv } from '@sdkgen/anthropic/core/platform';
import type { Stream as CoreStream } from '@sdkgen/anthropic/core/streaming';
// Only `getAuthHeaders` comes from `core/auth`, and it is looked up on the module at each call, so
// replacing that module (`jest.mock('@sdkgen/anthropic-bedrock/core/auth', ...)`) replaces signing.
import { getAuthHeaders } from './core/auth.js';
import type { ProviderChainResolver } from './core/credentials.js';
import { moveBetasIntoBody, rewriteForBedrock } from './core/request.js';
import { isEventStreamResponse, Stream } from './core/streaming.js';

/** The platform name used in error messages. */
export const PLATFORM = 'Amazon Bedrock';

/**
 * Options of `new AnthropicBedrock(...)`: the main client's options (without `apiKey` and
 * `authToken`, which Bedrock does not use) plus AWS region and credentials.
 */
export type ClientOptions = Omit<CoreClientOptions, 'apiKey' | 'authToken'> & {
  /** AWS secret access key; give it together with `awsAccessKey`, or neither to use the default chain. */
  awsSecretKey?: string | null | undefined;
  /** AWS access key id; give it together with `awsSecretKey`, or neither to use the default chain. */
  awsAccessKey?: string | null | undefined;
  /**
   * AWS region of the Bedrock runtime endpoint.
   * @default process.env['AWS_REGION'] ?? 'us-east-1'
   */
  awsRegion?: string | undefined;
  /** Session token of temporary credentials (STS), sent as `x-amz-security-token`. */
  awsSessionToken?: string | null | undefined;
  /**
   * Send requests unsigned, e.g. through a proxy that signs them.
   * @default false
   */
  skipAuth?: boolean;
  /**
   * Returns the credential provider used when no static keys are given; for runtimes without
   * Node.js's default chain (`fromNodeProviderChain` of `@aws-sdk/credential-providers`).
   */
  providerChainResolver?: ProviderChainResolver | null;
};

type FinalRequestOptions = Parameters<BaseAnthropic['buildRequest']>[0];
type FinalizedRequestInit = Awaited<ReturnType<BaseAnthropic['buildRequest']>>['req'];
type StreamProps = {
  response: Response;
  controller: AbortController;
  options: { __streamEnd?: string | undefined };
};

/**
 * The Bedrock transport: a `BaseAnthropic` whose requests are rewritten to Bedrock's invoke
 * endpoints, signed with SigV4, and whose streams are decoded from AWS event-stream framing.
 * `AnthropicBedrock` adds the API resources on top.
 */
export class BedrockBase extends BaseAnthropic {
  awsSecretKey: string | null;
  awsAccessKey: string | null;
  awsRegion: string;
  awsSessionToken: string | null;
  skipAuth: boolean;
  providerChainResolver: ProviderChainResolver | null;
  #chainSecrets: string[] = [];

  /** @param opts see {@link ClientOptions}. */
  constructor(opts: ClientOptions = {}) {
    const awsRegion = opts.awsRegion ?? readEnv('AWS_REGION') ?? 'us-east-1';
    const baseURL =
      opts.baseURL ??
      readEnv('ANTHROPIC_BEDROCK_BASE_URL') ??
      `https://bedrock-runtime.${awsRegion}.amazonaws.com`;
    // `apiKey`/`authToken` are pinned to null so an ANTHROPIC_API_KEY in the environment is never
    // sent to AWS; the AWS options stay in `_options` so `withOptions()` keeps them.
    super({ ...opts, baseURL, apiKey: null, authToken: null } as CoreClientOptions);
    this.awsSecretKey = opts.awsSecretKey ?? null;
    this.awsAccessKey = opts.awsAccessKey ?? null;
    this.awsRegion = awsRegion;
    this.awsSessionToken = opts.awsSessionToken ?? null;
    this.skipAuth = opts.skipAuth ?? false;
    this.providerChainResolver = opts.providerChainResolver ?? null;
  }

  protected override validateHeaders(): void {
    // Auth is added by SigV4 signing in `prepareRequest`, after header validation runs.
  }

  protected override async authHeaders(): Promise<undefined> {
    return undefined;
  }

  /** @internal Static and chain-resolved AWS secrets, masked in logs and error messages. */
  override _secrets(): string[] {
    const own = [this.awsSecretKey, this.awsSessionToken].filter((s): s is string => !!s);
    return [...super._secrets(), ...own, ...this.#chainSecrets];
  }

  /**
   * Builds one attempt in Bedrock's shape: `anthropic_version` in a copy of the body; for
   * messages and completions, `model` and `stream` moved into the path
   * (`/model/{model}/invoke[-with-response-stream]`); `anthropic-beta` flags copied into the
   * body's `anthropic_beta`. Other paths are sent as they are.
   */
  override async buildRequest(
    options: FinalRequestOptions,
    ctx?: { retryCount?: number },
  ): Promise<{ req: FinalizedRequestInit; url: string; timeout: number }> {
    const built = await super.buildRequest(rewriteForBedrock({ ...options }), ctx);
    const { req } = built;
    if (typeof req.body === 'string') {
      req.body = moveBetasIntoBody(req.body, (req.headers as Headers).get('anthropic-beta'));
    }
    return built;
  }

  protected override async prepareRequest(
    request: RequestInit,
    context: { url: string; options: FinalRequestOptions },
  ): Promise<void> {
    await super.prepareRequest(request, context);
    if (this.skipAuth) return;
    const regionName = this.awsRegion;
    if (!regionName) {
      throw new Error(
        'Expected `awsRegion` option to be passed to the client or the `AWS_REGION` environment variable to be present',
      );
    }
    const signed = await getAuthHeaders(request, {
      url: context.url,
      regionName,
      awsAccessKey: this.awsAccessKey,
      awsSecretKey: this.awsSecretKey,
      awsSessionToken: this.awsSessionToken,
      fetchOptions: this.fetchOptions,
      providerChainResolver: this.providerChainResolver,
    });
    const headers = request.headers as Headers;
    const token = signed['x-amz-security-token'];
    if (token && token !== this.awsSessionToken) this.#chainSecrets = [token];
    // Headers already on the request win, as in the official client.
    for (const [name, value] of Object.entries(signed)) if (!headers.has(name)) headers.set(name, value);
  }

  protected override makeStream<T>(props: StreamProps): CoreStream<T> {
    // A proxy in front of Bedrock may answer in SSE; that is decoded as on the Anthropic API.
    if (!isEventStreamResponse(props.response)) return super.makeStream(props as never);
    return Stream.fromSSEResponse<T>(props.response, props.controller, this, {
      end: props.options.__streamEnd,
    });
  }
}

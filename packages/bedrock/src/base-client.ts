import { BaseAnthropic, type ClientOptions as CoreClientOptions } from '@sdkgen/anthropic/core/base-client';
import { AnthropicError } from '@sdkgen/anthropic/core/error';
import { readEnv, unsupportedEndpoint } from '@sdkgen/anthropic/core/platform';
import { Stream } from '@sdkgen/anthropic/core/streaming';
import { CredentialResolver, type ProviderChainResolver, signRequest } from './core/auth.js';
import { MODEL_ENDPOINTS, moveBetasIntoBody, rewriteForBedrock } from './core/request.js';
import { bedrockServerSentEvents, isEventStreamResponse } from './core/streaming.js';

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
type StreamProps = { response: Response; controller: AbortController };

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
  #credentials: CredentialResolver;
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
    const warns = this.logLevel !== 'off' && this.logLevel !== 'error';
    if (warns && (this.awsAccessKey == null) !== (this.awsSecretKey == null)) {
      this.logger.warn(
        'Amazon Bedrock: only one of `awsAccessKey` and `awsSecretKey` was given; both are ignored and ' +
          'the default AWS credential chain is used. Pass both, or neither.',
      );
    }
    this.#credentials = new CredentialResolver(this);
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

  protected override async prepareOptions(options: FinalRequestOptions): Promise<void> {
    await super.prepareOptions(options);
    if (!MODEL_ENDPOINTS.has(options.path) || options.method !== 'post') {
      throw unsupportedEndpoint(PLATFORM, options.method, options.path);
    }
    rewriteForBedrock(options);
  }

  protected override async prepareRequest(
    request: RequestInit,
    context: { url: string; options: FinalRequestOptions },
  ): Promise<void> {
    await super.prepareRequest(request, context);
    const headers = request.headers as Headers;
    if (typeof request.body === 'string') {
      request.body = moveBetasIntoBody(request.body, headers.get('anthropic-beta'));
    }
    if (this.skipAuth) return;
    if (!this.awsRegion) {
      throw new AnthropicError(
        'Amazon Bedrock: no region. Pass `awsRegion` to the client or set the AWS_REGION environment variable.',
      );
    }
    const credentials = await this.#credentials.resolve();
    if (!this.#credentials.hasStaticKeys) {
      this.#chainSecrets = [credentials.secretAccessKey, credentials.sessionToken ?? ''].filter(Boolean);
    }
    const body =
      typeof request.body === 'string' || request.body instanceof Uint8Array ? request.body : undefined;
    const method = request.method ?? context.options.method;
    const signed = await signRequest(
      { method, url: context.url, headers, body },
      { region: this.awsRegion, credentials },
    );
    for (const [name, value] of Object.entries(signed)) headers.set(name, value);
  }

  protected override makeStream<T>(props: StreamProps): Stream<T> {
    if (!isEventStreamResponse(props.response)) return super.makeStream(props as never);
    const events = bedrockServerSentEvents(props.response);
    return Stream.fromServerSentEvents<T>(events, props.controller, this, props.response.headers);
  }
}

import type { APIPromise } from '../core/api-promise.js';
import type { Stream } from '../core/streaming.js';
import type { RequestOptions } from '../internal/request-options.js';
import { loggerFor } from '../internal/utils/log.js';
import {
  type BetaMessage,
  type BetaRawMessageStreamEvent,
  type MessageCreateParams,
  type MessageCreateParamsBase,
  type MessageCreateParamsNonStreaming,
  type MessageCreateParamsStreaming,
  Messages,
} from '../resources/beta/messages/messages.js';
import { BetaMessageStream } from './BetaMessageStream.js';
import {
  type BetaParseableMessageCreateParams,
  type ExtractParsedContentFromBetaParams,
  type ParsedBetaMessage,
  parseBetaMessage,
} from './beta-parser.js';
import { withStainlessHelperHeader } from './stainless-helper-header.js';
import {
  BetaToolRunner,
  type BetaToolRunnerClient,
  type BetaToolRunnerParams,
  type BetaToolRunnerRequestOptions,
} from './tools/BetaToolRunner.js';
import { ToolError } from './tools/ToolError.js';

/** Parameters accepted by `client.beta.messages.stream()`. */
export type BetaMessageStreamParams = BetaParseableMessageCreateParams;

/** Beta header that enables structured outputs for `parse()`. */
const STRUCTURED_OUTPUTS_BETA = 'structured-outputs-2025-12-15';

/**
 * The beta messages resource with `stream()`, `parse()` and `toolRunner()` added on top of the
 * generated methods. The generated client instantiates this class as `client.beta.messages`.
 *
 * @example
 * ```ts
 * const final = await client.beta.messages.toolRunner({ model, max_tokens: 1024, messages, tools });
 * ```
 */
export class BetaMessagesOverlay extends Messages {
  /** The runner class behind `toolRunner()`, reachable as `Anthropic.Beta.Messages.BetaToolRunner` (0.74.0). */
  static BetaToolRunner = BetaToolRunner;
  /** The error a tool throws to report a failure to the model, as `Anthropic.Beta.Messages.ToolError`. */
  static ToolError = ToolError;

  /**
   * Creates a beta message (or, with `stream: true`, a stream of its events), as the generated method does,
   * adding the `x-stainless-helper` header that names the SDK helpers (e.g. `mcpTool`, `mcpMessage`) whose tools
   * or messages the request carries. A header the caller sets in `options.headers` (the tool runner's, too) wins.
   *
   * @example
   * ```ts
   * const message = await client.beta.messages.create({
   *   max_tokens: 1024,
   *   messages: mcpMessages((await mcpClient.getPrompt({ name: 'review' })).messages),
   *   model: 'claude-sonnet-4-5-20250929',
   * });
   * ```
   */
  override create(params: MessageCreateParamsNonStreaming, options?: RequestOptions): APIPromise<BetaMessage>;
  override create(
    params: MessageCreateParamsStreaming,
    options?: RequestOptions,
  ): APIPromise<Stream<BetaRawMessageStreamEvent>>;
  override create(
    params: MessageCreateParamsBase,
    options?: RequestOptions,
  ): APIPromise<Stream<BetaRawMessageStreamEvent> | BetaMessage>;
  override create(
    params: MessageCreateParams,
    options?: RequestOptions,
  ): APIPromise<BetaMessage> | APIPromise<Stream<BetaRawMessageStreamEvent>> {
    return super.create(params as MessageCreateParamsBase, withStainlessHelperHeader(params, options)) as
      | APIPromise<BetaMessage>
      | APIPromise<Stream<BetaRawMessageStreamEvent>>;
  }

  /**
   * Creates a message and parses its text as structured output into `parsed_output`; sends the
   * structured-outputs beta header. Failures reject with `StructuredOutputParseError` (raw text kept).
   *
   * @example
   * ```ts
   * const message = await client.beta.messages.parse({
   *   model: 'claude-sonnet-4-5',
   *   max_tokens: 1024,
   *   messages: [{ role: 'user', content: 'What is 2+2?' }],
   *   output_config: { format: betaZodOutputFormat(z.object({ answer: z.number() })) },
   * });
   * ```
   */
  parse<Params extends MessageCreateParamsNonStreaming>(
    params: Params,
    options?: RequestOptions,
  ): APIPromise<ParsedBetaMessage<ExtractParsedContentFromBetaParams<Params>>> {
    // The beta travels in `betas`, which the generated method turns into its header.
    const betas = [...((params as { betas?: string[] | null }).betas ?? []), STRUCTURED_OUTPUTS_BETA];
    const logger = loggerFor(this._client);
    return this.create({ ...params, betas } as Params, options)._thenUnwrap((message) =>
      parseBetaMessage(message, params as BetaParseableMessageCreateParams, { logger }),
    ) as APIPromise<ParsedBetaMessage<ExtractParsedContentFromBetaParams<Params>>>;
  }

  /**
   * Streams a beta message, accumulating it as it arrives.
   *
   * @example
   * ```ts
   * const stream = client.beta.messages.stream({ model: 'claude-sonnet-4-5', max_tokens: 1024, messages });
   * for await (const event of stream) console.log(event.type);
   * ```
   */
  stream<Params extends BetaMessageStreamParams>(
    body: Params,
    options?: RequestOptions,
  ): BetaMessageStream<ExtractParsedContentFromBetaParams<Params>> {
    return BetaMessageStream.createMessage<ExtractParsedContentFromBetaParams<Params>>(
      this,
      body as unknown as MessageCreateParamsBase,
      options,
      { logger: loggerFor(this._client) },
    );
  }

  /**
   * Starts a tool runner: an async iterable that sends the request, runs the requested tools and loops
   * until the model is done. Await it (or `runUntilDone()`) for the final message.
   *
   * @example
   * ```ts
   * const runner = client.beta.messages.toolRunner({ model, max_tokens: 1024, messages, tools: [weatherTool] });
   * for await (const message of runner) console.log(message.stop_reason);
   * ```
   */
  toolRunner(
    body: BetaToolRunnerParams & { stream?: false },
    options?: BetaToolRunnerRequestOptions,
  ): BetaToolRunner<false>;
  toolRunner(
    body: BetaToolRunnerParams & { stream: true },
    options?: BetaToolRunnerRequestOptions,
  ): BetaToolRunner<true>;
  toolRunner(body: BetaToolRunnerParams, options?: BetaToolRunnerRequestOptions): BetaToolRunner<boolean>;
  toolRunner(body: BetaToolRunnerParams, options?: BetaToolRunnerRequestOptions): BetaToolRunner<boolean> {
    // The runner talks to this resource directly, so it also works on clients that mount it elsewhere.
    const client: BetaToolRunnerClient = { beta: { messages: this } };
    return new BetaToolRunner(client, body, options);
  }
}

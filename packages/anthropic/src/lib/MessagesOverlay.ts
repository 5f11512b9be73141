import type { APIPromise } from '../core/api-promise.js';
import type { Stream } from '../core/streaming.js';
import type { RequestOptions } from '../internal/request-options.js';
import { loggerFor } from '../internal/utils/log.js';
import {
  type Message,
  type MessageCreateParams,
  type MessageCreateParamsBase,
  type MessageCreateParamsNonStreaming,
  type MessageCreateParamsStreaming,
  Messages,
  type RawMessageStreamEvent,
} from '../resources/messages/messages.js';
import { MessageStream } from './MessageStream.js';
import {
  type ExtractParsedContentFromParams,
  type ParseableMessageCreateParams,
  type ParsedMessage,
  parseMessage,
} from './parser.js';
import { withStainlessHelperHeader } from './stainless-helper-header.js';

/** Parameters accepted by `client.messages.stream()`. */
export type MessageStreamParams = ParseableMessageCreateParams;

/**
 * The GA messages resource with the hand-written helpers `stream()` and `parse()` added on top of the
 * generated methods. The generated client instantiates this class as `client.messages`.
 *
 * @example
 * ```ts
 * const message = await client.messages.stream({ model, max_tokens: 1024, messages }).finalMessage();
 * ```
 */
export class MessagesOverlay extends Messages {
  /**
   * Creates a message (or, with `stream: true`, a stream of its events), as the generated method does, adding
   * the `x-stainless-helper` header that names the SDK helpers (e.g. `mcpTool`) whose tools or messages the
   * request carries. A header the caller sets in `options.headers` wins. `parse()` and `stream()` go through here.
   *
   * @example
   * ```ts
   * const message = await client.messages.create({
   *   max_tokens: 1024,
   *   messages: [{ role: 'user', content: 'Hello, Claude' }],
   *   model: 'claude-sonnet-4-5-20250929',
   * });
   * ```
   */
  override create(body: MessageCreateParamsNonStreaming, options?: RequestOptions): APIPromise<Message>;
  override create(
    body: MessageCreateParamsStreaming,
    options?: RequestOptions,
  ): APIPromise<Stream<RawMessageStreamEvent>>;
  override create(
    body: MessageCreateParamsBase,
    options?: RequestOptions,
  ): APIPromise<Stream<RawMessageStreamEvent> | Message>;
  override create(
    body: MessageCreateParams,
    options?: RequestOptions,
  ): APIPromise<Message> | APIPromise<Stream<RawMessageStreamEvent>> {
    return super.create(body as MessageCreateParamsBase, withStainlessHelperHeader(body, options)) as
      | APIPromise<Message>
      | APIPromise<Stream<RawMessageStreamEvent>>;
  }

  /**
   * Creates a message and parses its text as structured output (`output_config.format`, e.g. built by
   * `zodOutputFormat`) into `parsed_output`. A parse failure rejects with `StructuredOutputParseError`,
   * which carries the raw text.
   *
   * @example
   * ```ts
   * const message = await client.messages.parse({
   *   model: 'claude-sonnet-4-5',
   *   max_tokens: 1024,
   *   messages: [{ role: 'user', content: 'What is 2+2?' }],
   *   output_config: { format: zodOutputFormat(z.object({ answer: z.number() })) },
   * });
   * console.log(message.parsed_output?.answer);
   * ```
   */
  parse<Params extends MessageCreateParamsNonStreaming>(
    params: Params,
    options?: RequestOptions,
  ): APIPromise<ParsedMessage<ExtractParsedContentFromParams<Params>>> {
    const logger = loggerFor(this._client);
    return this.create(params, options)._thenUnwrap((message) =>
      parseMessage(message, params as ParseableMessageCreateParams, { logger }),
    ) as APIPromise<ParsedMessage<ExtractParsedContentFromParams<Params>>>;
  }

  /**
   * Streams a message, accumulating it as it arrives; with an auto-parseable output format the final
   * message carries `parsed_output`.
   *
   * @example
   * ```ts
   * const stream = client.messages.stream({ model: 'claude-sonnet-4-5', max_tokens: 1024, messages });
   * stream.on('text', (delta) => process.stdout.write(delta));
   * const message = await stream.finalMessage();
   * ```
   */
  stream<Params extends MessageStreamParams>(
    body: Params,
    options?: RequestOptions,
  ): MessageStream<ExtractParsedContentFromParams<Params>> {
    return MessageStream.createMessage<ExtractParsedContentFromParams<Params>>(
      this,
      body as unknown as MessageCreateParamsBase,
      options,
      { logger: loggerFor(this._client) },
    );
  }
}

import type { AnthropicError, APIUserAbortError } from '../core/error.js';
import type { RequestOptions } from '../internal/request-options.js';
import type { Logger } from '../internal/utils/log.js';
import type {
  ContentBlock,
  Message,
  MessageCreateParamsBase,
  MessageParam,
  MessageStreamEvent,
  Messages,
  ServerToolUseBlock,
  TextCitation,
  ToolUseBlock,
} from '../resources/messages/messages.js';
import { MessageStreamCore } from './message-stream-core.js';
import { maybeParseMessage, type ParsedMessage } from './parser.js';

/** Listener signatures for the events a `MessageStream` emits, in the order they can occur. */
export interface MessageStreamEvents<ParsedT = null> {
  connect: () => void;
  streamEvent: (event: MessageStreamEvent, snapshot: Message) => void;
  text: (textDelta: string, textSnapshot: string) => void;
  citation: (citation: TextCitation, citationsSnapshot: TextCitation[]) => void;
  inputJson: (partialJson: string, jsonSnapshot: unknown) => void;
  thinking: (thinkingDelta: string, thinkingSnapshot: string) => void;
  signature: (signature: string) => void;
  message: (message: ParsedMessage<ParsedT>) => void;
  contentBlock: (content: ContentBlock) => void;
  finalMessage: (message: ParsedMessage<ParsedT>) => void;
  error: (error: AnthropicError) => void;
  abort: (error: APIUserAbortError) => void;
  end: () => void;
}

/** Content blocks whose `input` streams in as `input_json_delta` fragments. */
export type TracksToolInput = ToolUseBlock | ServerToolUseBlock;

/**
 * A streamed Messages API response with the message accumulated as it arrives. Returned by
 * `client.messages.stream()`; listen to events, iterate the raw events, or await the final result.
 * Tool inputs are parsed incrementally, so `inputJson` listeners cost time linear in the input.
 *
 * @example
 * ```ts
 * const stream = client.messages.stream({ model, max_tokens: 1024, messages })
 *   .on('text', (delta) => process.stdout.write(delta));
 * const message = await stream.finalMessage();
 * ```
 */
export class MessageStream<ParsedT = null> extends MessageStreamCore<
  MessageStreamEvent,
  Message,
  MessageParam,
  ParsedMessage<ParsedT>,
  MessageStreamEvents<ParsedT>
> {
  /**
   * Rebuilds a stream from the bytes of `toReadableStream()` (e.g. in a browser, from a server).
   * Messages sent to the model are not known here, so `messages` stays empty.
   * @example
   * ```ts
   * const stream = MessageStream.fromReadableStream(response.body!);
   * ```
   */
  static fromReadableStream(stream: ReadableStream): MessageStream {
    return MessageStream._startReadable(new MessageStream(null), stream);
  }

  /**
   * Starts a streaming request on `messages` (what `client.messages.stream()` calls).
   * @example
   * ```ts
   * const stream = MessageStream.createMessage(client.messages, params);
   * ```
   */
  static createMessage<ParsedT>(
    messages: Messages,
    params: MessageCreateParamsBase,
    options?: RequestOptions,
    { logger }: { logger?: Logger | undefined } = {},
  ): MessageStream<ParsedT> {
    return MessageStream._startRequest(
      new MessageStream<ParsedT>({ ...params, stream: true }, { logger }),
      messages,
      params,
      options,
    );
  }

  protected _parseFinal(message: Message): ParsedMessage<ParsedT> {
    return maybeParseMessage(message, this._requestParams, {
      logger: this._logger,
    }) as ParsedMessage<ParsedT>;
  }
}

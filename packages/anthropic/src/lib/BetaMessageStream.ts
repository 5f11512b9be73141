import type { AnthropicError, APIUserAbortError } from '../core/error.js';
import type { RequestOptions } from '../internal/request-options.js';
import type { Logger } from '../internal/utils/log.js';
import type {
  BetaContentBlock,
  BetaMCPToolUseBlock,
  BetaMessage,
  BetaMessageParam,
  Messages as BetaMessages,
  BetaRawMessageStreamEvent,
  BetaServerToolUseBlock,
  BetaTextCitation,
  BetaToolUseBlock,
  MessageCreateParamsBase,
} from '../resources/beta/messages/messages.js';
import { maybeParseBetaMessage, type ParsedBetaMessage } from './beta-parser.js';
import { MessageStreamCore } from './message-stream-core.js';

/** Listener signatures for the events a `BetaMessageStream` emits (the GA set plus `compaction`). */
export interface BetaMessageStreamEvents {
  connect: () => void;
  streamEvent: (event: BetaRawMessageStreamEvent, snapshot: BetaMessage) => void;
  text: (textDelta: string, textSnapshot: string) => void;
  citation: (citation: BetaTextCitation, citationsSnapshot: BetaTextCitation[]) => void;
  inputJson: (partialJson: string, jsonSnapshot: unknown) => void;
  thinking: (thinkingDelta: string, thinkingSnapshot: string) => void;
  signature: (signature: string) => void;
  compaction: (compactedContent: string) => void;
  message: (message: BetaMessage) => void;
  contentBlock: (content: BetaContentBlock) => void;
  finalMessage: (message: BetaMessage) => void;
  error: (error: AnthropicError) => void;
  abort: (error: APIUserAbortError) => void;
  end: () => void;
}

/** The 0.74.0 name of {@link BetaMessageStreamEvents} in this module. */
export type MessageStreamEvents = BetaMessageStreamEvents;

/** Beta content blocks whose `input` streams in as `input_json_delta` fragments. */
export type TracksToolInput = BetaToolUseBlock | BetaServerToolUseBlock | BetaMCPToolUseBlock;

/**
 * The beta counterpart of `MessageStream`, returned by `client.beta.messages.stream()`; it also
 * accumulates compaction blocks and beta-only message fields (`container`, `context_management`).
 *
 * @example
 * ```ts
 * const stream = client.beta.messages.stream({ model, max_tokens: 1024, messages, betas: ['...'] });
 * for await (const event of stream) console.log(event.type);
 * ```
 */
export class BetaMessageStream<ParsedT = null> extends MessageStreamCore<
  BetaRawMessageStreamEvent,
  BetaMessage,
  BetaMessageParam,
  ParsedBetaMessage<ParsedT>,
  BetaMessageStreamEvents
> {
  /**
   * Rebuilds a stream from the bytes of `toReadableStream()`.
   * @example
   * ```ts
   * const stream = BetaMessageStream.fromReadableStream(response.body!);
   * ```
   */
  static fromReadableStream(stream: ReadableStream): BetaMessageStream {
    return BetaMessageStream._startReadable(new BetaMessageStream(null), stream);
  }

  /**
   * Starts a streaming request on the beta messages resource (what `client.beta.messages.stream()` calls).
   * @example
   * ```ts
   * const stream = BetaMessageStream.createMessage(client.beta.messages, params);
   * ```
   */
  static createMessage<ParsedT>(
    messages: BetaMessages,
    params: MessageCreateParamsBase,
    options?: RequestOptions,
    { logger }: { logger?: Logger | undefined } = {},
  ): BetaMessageStream<ParsedT> {
    return BetaMessageStream._startRequest(
      new BetaMessageStream<ParsedT>({ ...params, stream: true }, { logger }),
      messages,
      params,
      options,
    );
  }

  protected _parseFinal(message: BetaMessage): ParsedBetaMessage<ParsedT> {
    return maybeParseBetaMessage(message, this._requestParams, {
      logger: this._logger,
    }) as ParsedBetaMessage<ParsedT>;
  }
}

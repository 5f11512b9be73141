import { AnthropicError, APIUserAbortError } from '../core/error.js';
import { Stream } from '../core/streaming.js';
import { buildHeaders } from '../internal/headers.js';
import { requestID } from '../internal/parse.js';
import type { RequestOptions } from '../internal/request-options.js';
import type { Logger } from '../internal/utils/log.js';
import {
  type EventReader,
  eventIterator,
  type IterableSource,
  untilCaughtUpOrNextTask,
} from './event-iterator.js';
import { type LooseMessage, type LooseStreamEvent, MessageAccumulator } from './message-accumulator.js';
import { type LifecycleEvents, StreamLifecycle } from './stream-lifecycle.js';

type Listener = (...args: any[]) => void;

/** What `_createMessage` needs from a messages resource: `create` returning a promise with `withResponse`. */
export type StreamingCreate<Event> = (
  params: any,
  options: RequestOptions,
) => { withResponse(): Promise<{ data: Stream<Event>; response: Response }> };

/** Request options tagged with the helper-method header the API's SDK telemetry expects for `.stream()`. */
export function withHelperHeader(options: RequestOptions | undefined): RequestOptions {
  return { ...options, headers: buildHeaders([options?.headers, { 'X-Stainless-Helper-Method': 'stream' }]) };
}

/**
 * The machinery shared by `MessageStream` and `BetaMessageStream`: running the request, folding
 * events into the current message, emitting the typed events, and exposing the results. Subclasses
 * only pick the types and how a finished message is parsed.
 */
export abstract class MessageStreamCore<
    Event extends { type: string },
    Msg,
    Param,
    ParsedMsg,
    Events extends { [K in keyof Events]: Listener } & LifecycleEvents,
  >
  extends StreamLifecycle<Events>
  implements AsyncIterable<Event>
{
  /** The conversation as sent, followed by each message received. */
  messages: Param[] = [];
  /** Every complete assistant message received, parsed. */
  receivedMessages: ParsedMsg[] = [];
  #accumulator = new MessageAccumulator();
  #readers = new Set<EventReader<Event>>();
  /** The request parameters (for structured-output parsing); `null` for `fromReadableStream`. */
  protected readonly _requestParams: any;
  protected readonly _logger: Pick<Logger, 'warn' | 'error' | 'debug'>;

  constructor(params: object | null, opts?: { logger?: Logger | undefined }) {
    super();
    this._requestParams = params;
    this._logger = opts?.logger ?? console;
  }

  protected override _unhandledLogger(): Pick<Logger, 'error' | 'debug'> {
    return this._logger;
  }

  /** Turns a finished message into its parsed form (structured outputs). */
  protected abstract _parseFinal(message: Msg): ParsedMsg;

  /** Starts `runner` on a streaming request made through `messages.create`. */
  protected static _startRequest<Runner extends MessageStreamCore<any, any, any, any, any>>(
    runner: Runner,
    messages: { create: (...args: any[]) => unknown },
    params: { messages: unknown[] },
    options: RequestOptions | undefined,
  ): Runner {
    for (const message of params.messages) runner._addMessageParam(message);
    const create = messages.create.bind(messages) as StreamingCreate<any>;
    runner._run(() => runner._createMessage(create, params, withHelperHeader(options)));
    return runner;
  }

  /** Starts `runner` on events serialized by `toReadableStream()`. */
  protected static _startReadable<Runner extends MessageStreamCore<any, any, any, any, any>>(
    runner: Runner,
    stream: ReadableStream,
  ): Runner {
    runner._run(() => runner._fromReadableStream(stream));
    return runner;
  }

  /** The message as accumulated so far, or `undefined` between requests. */
  get currentMessage(): Msg | undefined {
    return this.#accumulator.snapshot as Msg | undefined;
  }

  /**
   * Waits for the response headers and returns this stream with the raw `Response` and its request id.
   * Rejects for streams made by `fromReadableStream`, which have no `Response`.
   * @example
   * ```ts
   * const { response, request_id } = await stream.withResponse();
   * ```
   */
  async withResponse<Self extends StreamLifecycle<Events>>(
    this: Self,
  ): Promise<{ data: Self; response: Response; request_id: string | null | undefined }> {
    const response = await (
      this as unknown as MessageStreamCore<Event, Msg, Param, ParsedMsg, Events>
    )._waitConnected();
    if (!response) throw new AnthropicError('Could not resolve a `Response` object');
    return { data: this, response, request_id: requestID(response) };
  }

  /**
   * Resolves with the last assistant message once the stream ends (parsed if an output format was
   * given); rejects if the stream failed or produced no message.
   * @example
   * ```ts
   * const message = await client.messages.stream(params).finalMessage();
   * ```
   */
  async finalMessage(): Promise<ParsedMsg> {
    await this.done();
    return this.#lastMessage();
  }

  /**
   * Resolves with the text blocks of the final message joined by a space; rejects if there are none.
   * @example
   * ```ts
   * const text = await client.messages.stream(params).finalText();
   * ```
   */
  async finalText(): Promise<string> {
    await this.done();
    const texts = (this.#lastMessage() as LooseMessage).content
      .filter((block) => block.type === 'text')
      .map((block) => block.text as string);
    if (texts.length === 0)
      throw new AnthropicError('stream ended without producing a content block with type=text');
    return texts.join(' ');
  }

  #lastMessage(): ParsedMsg {
    const last = this.receivedMessages.at(-1);
    if (last === undefined)
      throw new AnthropicError('stream ended without producing a Message with role=assistant');
    return last;
  }

  protected _addMessageParam(message: Param): void {
    this.messages.push(message);
  }

  protected _addMessage(message: ParsedMsg, emit = true): void {
    this.receivedMessages.push(message);
    if (emit) this.#fire('message', message);
  }

  protected override _onSuccess(): void {
    this._emitFinal();
  }

  /**
   * Emits `finalMessage` with the last received message, if there is one. Called once when the
   * stream ends successfully, just before `end`; the override point 0.74.0's streams have.
   * @example
   * ```ts
   * class QuietStream extends MessageStream {
   *   protected override _emitFinal(): void {} // no `finalMessage` event
   * }
   * ```
   */
  protected _emitFinal(): void {
    const last = this.receivedMessages.at(-1);
    if (last !== undefined) this.#fire('finalMessage', last);
  }

  /** Sends the request through `create` and consumes its event stream. */
  protected async _createMessage(create: StreamingCreate<Event>, params: object, options?: RequestOptions) {
    await this.#withSignal(options, async () => {
      const { data, response } = await create(
        { ...params, stream: true },
        { ...options, signal: this.controller.signal },
      ).withResponse();
      this._connected(response);
      await this.#consume(data);
    });
  }

  /** Consumes events serialized by `toReadableStream()` (e.g. sent from a server to a browser). */
  protected async _fromReadableStream(
    readableStream: ReadableStream,
    options?: RequestOptions,
  ): Promise<void> {
    await this.#withSignal(options, async () => {
      this._connected(null);
      await this.#consume(Stream.fromReadableStream<Event>(readableStream, this.controller));
    });
  }

  async #withSignal(options: RequestOptions | undefined, body: () => Promise<void>): Promise<void> {
    const signal = options?.signal;
    const forward = () => this.controller.abort();
    if (signal?.aborted) this.controller.abort();
    signal?.addEventListener('abort', forward);
    try {
      this.#accumulator.reset();
      await body();
    } finally {
      signal?.removeEventListener('abort', forward);
    }
  }

  async #consume(stream: Stream<Event>): Promise<void> {
    // Whole network chunks at a time where the stream offers them: one await per chunk, not per event.
    const batches = stream._iterBatches();
    if (batches) {
      for await (const batch of batches) {
        for (let i = 0; i < batch.length; i++) this.#addStreamEvent(batch[i]!);
      }
    } else {
      for await (const event of stream) this.#addStreamEvent(event);
    }
    if (stream.controller.signal.aborted) throw new APIUserAbortError();
    if (!this.#accumulator.snapshot) throw new AnthropicError('request ended without sending any chunks');
    this.#accumulator.reset();
  }

  #addStreamEvent(event: Event): void {
    if (this.ended) return;
    const snapshot = this.#accumulator.apply(event as unknown as LooseStreamEvent);
    this.#fire('streamEvent', event, snapshot);
    const loose = event as unknown as LooseStreamEvent;
    switch (loose.type) {
      case 'content_block_delta':
        this.#emitDelta();
        break;
      case 'content_block_stop':
        this.#fire('contentBlock', snapshot.content[loose.index]);
        break;
      case 'message_stop':
        this._addMessageParam(snapshot as Param);
        this._addMessage(this._parseFinal(snapshot as Msg));
        break;
    }
  }

  #emitDelta(): void {
    const effect = this.#accumulator.lastDelta;
    switch (effect.kind) {
      case 'text':
      case 'thinking':
      case 'inputJson':
        this.#fire(effect.kind, effect.delta, effect.snapshot);
        break;
      case 'citation':
        this.#fire('citation', effect.citation, effect.snapshot);
        break;
      case 'signature':
        this.#fire('signature', effect.signature);
        break;
      case 'compaction':
        this.#fire('compaction', effect.snapshot);
        break;
    }
  }

  /** Emits by name; the subclass's event map guarantees the argument types. */
  #fire(event: string, ...args: unknown[]): void {
    (this._emit as (event: string, ...args: unknown[]) => void)(event, ...args);
  }

  [Symbol.asyncIterator](): AsyncIterator<Event> {
    const reader = eventIterator<Event>(this as unknown as IterableSource<Event>);
    this.#readers.add(reader);
    return reader;
  }

  /**
   * Before a successful end, gives a `for await` loop that is still reading the buffered events the
   * chance to finish or `break` (a macrotask at most, so a reader busy elsewhere does not hold the end
   * back). A `break` aborts the stream, as in 0.74.0, even when the whole body had already arrived.
   */
  protected override async _settle(): Promise<void> {
    const pending = [...this.#readers].filter((reader) => !reader.caughtUp());
    if (pending.length > 0) await untilCaughtUpOrNextTask(pending);
    if (this.controller.signal.aborted) throw new APIUserAbortError();
  }

  /**
   * The raw events as a byte stream of newline-delimited JSON, for `fromReadableStream` on the other side.
   * @example
   * ```ts
   * return new Response(client.messages.stream(params).toReadableStream());
   * ```
   */
  toReadableStream(): ReadableStream {
    // Not a tracked reader: nobody may be pulling the byte stream, and the stream must still end.
    const source = this as unknown as IterableSource<Event>;
    return new Stream(() => eventIterator<Event>(source), this.controller).toReadableStream();
  }
}

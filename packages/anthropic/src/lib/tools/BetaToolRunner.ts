import { AnthropicError, APIUserAbortError } from '../../core/error.js';
import { buildHeaders } from '../../internal/headers.js';
import type { RequestOptions } from '../../internal/request-options.js';
import type {
  BetaMessage,
  BetaMessageParam,
  BetaToolUnion,
  MessageCreateParams,
} from '../../resources/beta/messages/messages.js';
import type { BetaMessageStream } from '../BetaMessageStream.js';
import { collectStainlessHelpers } from '../stainless-helper-header.js';
import type { BetaRunnableTool } from './BetaRunnableTool.js';
import type { CompactionControl } from './CompactionControl.js';
import { compactMessages, shouldCompact } from './compaction.js';
import { generateToolResponse } from './run-tools.js';

type Simplify<T> = { [K in keyof T]: T[K] } & {};

/** Request parameters of a tool runner: message params whose tools may be runnable, plus loop settings. */
export type BetaToolRunnerParams = Simplify<
  Omit<MessageCreateParams, 'tools'> & {
    tools: (BetaToolUnion | BetaRunnableTool<any>)[];
    /** Stop after this many API requests, even if the model still asks for tools. */
    max_iterations?: number;
    /** Summarize the conversation when it grows past a token threshold. */
    compactionControl?: CompactionControl;
  }
>;

/** Per-request options applied to every request the runner makes; `signal` aborts the whole run. */
export type BetaToolRunnerRequestOptions = Pick<
  RequestOptions,
  'headers' | 'signal' | 'timeout' | 'maxRetries'
>;

/** The part of the client the runner calls. */
export interface BetaToolRunnerClient {
  beta: {
    messages: {
      create(params: any, options?: RequestOptions): PromiseLike<BetaMessage>;
      stream(params: any, options?: RequestOptions): BetaMessageStream<any>;
    };
  };
}

function deferred<T>() {
  let resolve!: (value: T) => void;
  let reject!: (error: unknown) => void;
  const promise = new Promise<T>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

/**
 * Runs the assistant/tool loop: sends the request, executes the requested tools (concurrently) and
 * sends their results back, until the model stops asking for tools or `max_iterations` is reached.
 * Iterate it to see each assistant message (or each `BetaMessageStream` with `stream: true`), or just
 * await it for the final message. Tool failures and unknown tools become `is_error` results.
 *
 * @example
 * ```ts
 * const runner = client.beta.messages.toolRunner({ model, max_tokens: 1024, messages, tools: [weather] });
 * for await (const message of runner) console.log(message.content);
 * const final = await runner.done();
 * ```
 */
export class BetaToolRunner<Stream extends boolean> {
  #client: BetaToolRunnerClient;
  #params: BetaToolRunnerParams;
  #options: BetaToolRunnerRequestOptions;
  #consumed = false;
  /** Set when params change during a turn: the runner then leaves the history to the caller. */
  #mutated = false;
  #message: Promise<BetaMessage> | undefined;
  #toolResponse: Promise<BetaMessageParam | null> | undefined;
  #completion = deferred<BetaMessage>();
  #iterations = 0;

  constructor(
    client: BetaToolRunnerClient,
    params: BetaToolRunnerParams,
    options?: BetaToolRunnerRequestOptions,
  ) {
    this.#client = client;
    // Tools hold functions, so only the message history is deep-copied.
    this.#params = { ...params, messages: structuredClone(params.messages) };
    const helpers = ['BetaToolRunner', ...collectStainlessHelpers(params.tools, params.messages)].join(', ');
    this.#options = {
      ...options,
      headers: buildHeaders([{ 'x-stainless-helper': helpers }, options?.headers]),
    };
    this.#completion.promise.catch(() => {});
  }

  async *[Symbol.asyncIterator](): AsyncIterator<
    Stream extends true
      ? BetaMessageStream
      : Stream extends false
        ? BetaMessage
        : BetaMessage | BetaMessageStream
  > {
    if (this.#consumed) throw new AnthropicError('Cannot iterate over a consumed stream');
    this.#consumed = true;
    this.#mutated = true;
    this.#toolResponse = undefined;
    try {
      while (!this.#reachedLimit()) {
        this.#throwIfAborted();
        const stream = this.#startTurn();
        try {
          yield (stream ?? this.#message) as any;
          if (!(await this.#finishTurn())) break;
        } finally {
          stream?.abort();
        }
      }
      if (!this.#message) throw new AnthropicError('ToolRunner concluded without a message from the server');
      this.#completion.resolve(await this.#message);
    } catch (error) {
      this.#consumed = false;
      this.#completion.reject(error);
      this.#completion = deferred();
      this.#completion.promise.catch(() => {});
      throw error;
    }
  }

  #reachedLimit(): boolean {
    const max = this.#params.max_iterations;
    return max !== undefined && max > 0 && this.#iterations >= max;
  }

  #throwIfAborted(): void {
    if (this.#options.signal?.aborted) throw new APIUserAbortError();
  }

  /** Sends the next request; returns the stream in streaming mode. */
  #startTurn(): BetaMessageStream | undefined {
    this.#mutated = false;
    this.#toolResponse = undefined;
    this.#iterations++;
    const { max_iterations: _max, compactionControl: _compaction, ...params } = this.#params;
    if (params.stream) {
      const stream = this.#client.beta.messages.stream({ ...params }, this.#options);
      this.#message = stream.finalMessage();
      this.#message.catch(() => {});
      return stream;
    }
    this.#message = Promise.resolve(
      this.#client.beta.messages.create({ ...params, stream: false }, this.#options),
    );
    return undefined;
  }

  /** Records the reply and runs its tools; returns whether another request is needed. */
  async #finishTurn(): Promise<boolean> {
    const message = await this.#message!;
    const control = this.#params.compactionControl;
    if (shouldCompact(control, message)) {
      this.#params.messages = await compactMessages(
        (p, o) => this.#client.beta.messages.create(p, o),
        this.#params.messages,
        {
          model: this.#params.model,
          max_tokens: this.#params.max_tokens,
          control: control!,
          options: this.#options,
        },
      );
      return true;
    }
    if (!this.#mutated) this.#params.messages.push({ role: message.role, content: message.content });
    const toolMessage = await this.#abortable(this.#generateToolResponse(this.#params.messages.at(-1)));
    this.#throwIfAborted();
    if (toolMessage) {
      this.#params.messages.push(toolMessage);
      return true;
    }
    return this.#mutated;
  }

  /** Settles with `work`, or rejects as soon as the run's signal aborts. */
  #abortable<T>(work: Promise<T>): Promise<T> {
    const signal = this.#options.signal;
    if (!signal) return work;
    return new Promise<T>((resolve, reject) => {
      const onAbort = () => reject(new APIUserAbortError());
      if (signal.aborted) return onAbort();
      signal.addEventListener('abort', onAbort, { once: true });
      work.then(resolve, reject).finally(() => signal.removeEventListener('abort', onAbort));
    });
  }

  #generateToolResponse(lastMessage: BetaMessageParam | undefined): Promise<BetaMessageParam | null> {
    this.#toolResponse ??= generateToolResponse(this.#params, lastMessage);
    return this.#toolResponse;
  }

  /**
   * Replaces the request parameters (or maps them through a function) for the next request. The runner
   * then no longer appends the last assistant message itself, and cached tool results are dropped.
   * @example
   * ```ts
   * runner.setMessagesParams((params) => ({ ...params, max_tokens: 2048 }));
   * ```
   */
  setMessagesParams(params: BetaToolRunnerParams): void;
  setMessagesParams(mutator: (prevParams: BetaToolRunnerParams) => BetaToolRunnerParams): void;
  setMessagesParams(
    update: BetaToolRunnerParams | ((prev: BetaToolRunnerParams) => BetaToolRunnerParams),
  ): void {
    this.#params = typeof update === 'function' ? update(this.#params) : update;
    this.#mutated = true;
    this.#toolResponse = undefined;
  }

  /**
   * Runs the tools requested by the last assistant message (once; the result is cached for the loop).
   * @example
   * ```ts
   * const toolResults = await runner.generateToolResponse();
   * ```
   */
  async generateToolResponse(): Promise<BetaMessageParam | null> {
    const message = (await this.#message) ?? this.#params.messages.at(-1);
    if (!message) return null;
    return this.#generateToolResponse(message);
  }

  /**
   * Resolves with the final message once an iteration of the runner completes (it does not start one).
   * @example
   * ```ts
   * const final = await runner.done();
   * ```
   */
  done(): Promise<BetaMessage> {
    return this.#completion.promise;
  }

  /**
   * Runs the loop to the end if nobody is iterating it, and resolves with the final message.
   * @example
   * ```ts
   * const final = await runner.runUntilDone();
   * ```
   */
  async runUntilDone(): Promise<BetaMessage> {
    if (!this.#consumed) {
      for await (const _ of this) {
        // Each turn is driven by the iteration itself.
      }
    }
    return this.done();
  }

  /** The parameters the next request will use. */
  get params(): Readonly<BetaToolRunnerParams> {
    return this.#params;
  }

  /**
   * Appends messages to the conversation for the next request.
   * @example
   * ```ts
   * runner.pushMessages({ role: 'user', content: 'And in Celsius?' });
   * ```
   */
  pushMessages(...messages: BetaMessageParam[]): void {
    this.setMessagesParams((params) => ({ ...params, messages: [...params.messages, ...messages] }));
  }

  /** Awaiting the runner is the same as awaiting `runUntilDone()`. */
  // biome-ignore lint/suspicious/noThenProperty: the runner is deliberately awaitable, as in 0.74.0.
  then<TResult1 = BetaMessage, TResult2 = never>(
    onfulfilled?: ((value: BetaMessage) => TResult1 | PromiseLike<TResult1>) | undefined | null,
    onrejected?: ((reason: any) => TResult2 | PromiseLike<TResult2>) | undefined | null,
  ): Promise<TResult1 | TResult2> {
    return this.runUntilDone().then(onfulfilled, onrejected);
  }
}

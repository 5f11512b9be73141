import { AnthropicError, APIUserAbortError } from '../core/error.js';
import { castToError, isAbortError } from '../internal/errors.js';
import { requestID } from '../internal/parse.js';
import type { Logger } from '../internal/utils/log.js';

type Listener = (...args: any[]) => void;

/** Events every helper stream emits, whatever else it adds. */
export interface LifecycleEvents {
  connect: () => void;
  error: (error: AnthropicError) => void;
  abort: (error: APIUserAbortError) => void;
  end: () => void;
}

/** The resolved value of `emitted(event)`: the single argument, nothing, or the argument tuple. */
export type EmittedValue<Fn> = Fn extends (...args: infer A) => any
  ? A extends [infer Only]
    ? Only
    : A extends []
      ? undefined
      : A
  : never;

interface Deferred<T> {
  promise: Promise<T>;
  resolve: (value: T) => void;
  reject: (error: unknown) => void;
}

function deferred<T>(): Deferred<T> {
  let resolve!: (value: T) => void;
  let reject!: (error: unknown) => void;
  const promise = new Promise<T>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  // Rejections surface through listeners, awaited helpers or the logger (see `_emit`), never unhandled.
  promise.catch(() => {});
  return { promise, resolve, reject };
}

/**
 * Typed listeners plus the run/end/error/abort lifecycle shared by `MessageStream` and
 * `BetaMessageStream`: an `end` event always comes last, and `error`/`abort` reject `done()`.
 *
 * The rule for errors: a stream error reaches every `error` listener and every promise taken from the stream
 * (`done()`, `finalMessage()`, `emitted()`, iteration, ...). When there is none of these, it is reported once
 * through the client's logger at `error` level (an abort at `debug`), and never becomes an unhandled
 * rejection, which would end a Node process that has no `unhandledRejection` handler.
 */
export class StreamLifecycle<Events extends { [K in keyof Events]: Listener } & LifecycleEvents> {
  /** Aborting this cancels the request. */
  controller: AbortController = new AbortController();

  #listeners: { [K in keyof Events]?: Array<{ listener: Events[K]; once: boolean }> } = {};
  #connected = deferred<Response | null>();
  #end = deferred<void>();
  #ended = false;
  #errored = false;
  #aborted = false;
  #handled = false;
  #response: Response | null | undefined;

  /** The raw response once connected (`null` for streams built from a ReadableStream). */
  get response(): Response | null | undefined {
    return this.#response;
  }

  /** The request-id response header, once connected. */
  get request_id(): string | null | undefined {
    return this.#response && requestID(this.#response);
  }

  get ended(): boolean {
    return this.#ended;
  }

  get errored(): boolean {
    return this.#errored;
  }

  get aborted(): boolean {
    return this.#aborted;
  }

  /** Cancels the request; the stream then emits `abort` and `end`. */
  abort(): void {
    this.controller.abort();
  }

  /**
   * Adds a listener (duplicates allowed; each registration is called).
   * @example
   * ```ts
   * stream.on('text', (delta) => process.stdout.write(delta));
   * ```
   */
  on<E extends keyof Events>(event: E, listener: Events[E]): this {
    (this.#listeners[event] ??= []).push({ listener, once: false });
    return this;
  }

  /** Removes one registration of `listener` for `event`. */
  off<E extends keyof Events>(event: E, listener: Events[E]): this {
    const list = this.#listeners[event];
    const index = list?.findIndex((entry) => entry.listener === listener) ?? -1;
    if (index >= 0) list!.splice(index, 1);
    return this;
  }

  /** Adds a listener that is removed before its first call. */
  once<E extends keyof Events>(event: E, listener: Events[E]): this {
    (this.#listeners[event] ??= []).push({ listener, once: true });
    return this;
  }

  /**
   * Resolves with the next emission of `event`; rejects if the stream errors first (asking for `error`
   * resolves with the error instead).
   * @example
   * ```ts
   * const message = await stream.emitted('finalMessage');
   * ```
   */
  emitted<E extends keyof Events>(event: E): Promise<EmittedValue<Events[E]>> {
    this.#handled = true;
    return new Promise((resolve, reject) => {
      if (event !== 'error') this.once('error', reject as Events['error']);
      this.once(event, ((...args: unknown[]) =>
        resolve((args.length > 1 ? args : args[0]) as any)) as Events[E]);
    });
  }

  /** Resolves once the stream has ended; rejects with the stream's error or abort. */
  async done(): Promise<void> {
    this.#handled = true;
    await this.#end.promise;
  }

  /** Resolves with the response once connected (used by `withResponse`). */
  protected _waitConnected(): Promise<Response | null> {
    this.#handled = true;
    return this.#connected.promise;
  }

  /** Runs `executor`, then emits `end`, or reports its failure as `error`/`abort`. */
  protected _run(executor: () => Promise<void>): void {
    executor()
      .then(() => this._settle())
      .then(() => {
        this._onSuccess();
        this.#signal('end');
      }, this.#fail);
  }

  /** Hook for subclasses, awaited after a successful run; throwing turns the end into an error or abort. */
  protected _settle(): Promise<void> | void {}

  /** Hook for subclasses, called after a successful run and before `end`. */
  protected _onSuccess(): void {}

  protected _connected(response: Response | null): void {
    if (this.#ended) return;
    this.#response = response;
    this.#connected.resolve(response);
    this.#signal('connect');
  }

  /** Calls the listeners for `event`; terminal events settle the promises and end the stream. */
  protected _emit<E extends keyof Events>(event: E, ...args: Parameters<Events[E]>): void {
    if (this.#ended) return;
    if (event === 'end') {
      this.#ended = true;
      this.#end.resolve();
    }
    const list = this.#listeners[event];
    if (list) {
      this.#listeners[event] = list.filter((entry) => !entry.once);
      for (const { listener } of list) listener(...args);
    }
    if (event === 'error' || event === 'abort') {
      const error = args[0] as AnthropicError;
      if (!this.#handled && !list?.length) this.#reportUnhandled(event, error);
      this.#connected.reject(error);
      this.#end.reject(error);
      this.#signal('end');
    }
  }

  /** Where an error nobody listens for or awaits is reported; subclasses give the client's logger. */
  protected _unhandledLogger(): Pick<Logger, 'error' | 'debug'> {
    return console;
  }

  #reportUnhandled(event: 'error' | 'abort', error: AnthropicError): void {
    const logger = this._unhandledLogger();
    const name = this.constructor.name;
    if (event === 'abort') {
      logger.debug(`${name} aborted with no 'abort' or 'error' listener and nothing awaiting it`);
    } else {
      logger.error(
        `${name} error with no 'error' listener and nothing awaiting it (add one, or await done()):`,
        error,
      );
    }
  }

  /** Emits an argument-less lifecycle event. */
  #signal(event: 'connect' | 'end'): void {
    (this._emit as unknown as (event: string) => void)(event);
  }

  #fail = (error: unknown): void => {
    this.#errored = true;
    if (isAbortError(error) || error instanceof APIUserAbortError) {
      this.#aborted = true;
      const abortError = error instanceof APIUserAbortError ? error : new APIUserAbortError();
      this._emit('abort', ...([abortError] as unknown as Parameters<Events['abort']>));
      return;
    }
    const wrapped = toAnthropicError(error);
    this._emit('error', ...([wrapped] as unknown as Parameters<Events['error']>));
  };
}

/** Wraps a non-SDK error, keeping its message and the original as `cause` (also for errors from another realm). */
function toAnthropicError(error: unknown): AnthropicError {
  if (error instanceof AnthropicError) return error;
  const cause = castToError(error);
  const wrapped = new AnthropicError(cause.message);
  (wrapped as { cause?: unknown }).cause = error;
  return wrapped;
}

/** The pull-based reader behind `for await (const event of messageStream)`. */

/** What the reader needs from a message stream. */
export interface IterableSource<Event> {
  on(event: 'streamEvent', listener: (event: Event) => void): unknown;
  on(event: 'end', listener: () => void): unknown;
  on(event: 'error' | 'abort', listener: (error: unknown) => void): unknown;
  abort(): void;
}

/** An event iterator that also tells whether its reader has caught up (is waiting past the buffer, or left). */
export interface EventReader<Event> extends AsyncIterator<Event> {
  caughtUp(): boolean;
  /** Resolves the next time the reader catches up. */
  whenCaughtUp(): Promise<void>;
}

/**
 * Buffers `streamEvent`s for a pull-based reader; breaking out of the loop (`return()`) aborts the
 * request.
 */
export function eventIterator<Event>(source: IterableSource<Event>): EventReader<Event> {
  const buffered: Event[] = [];
  const waiting: Array<{ resolve: (r: IteratorResult<Event>) => void; reject: (e: unknown) => void }> = [];
  let finished = false;
  let failure: { error: unknown } | undefined;
  let waitingOrGone = false;
  let gone = false;
  const onCatchUp: Array<() => void> = [];
  const catchUp = () => {
    waitingOrGone = true;
    for (const notify of onCatchUp.splice(0)) notify();
  };
  source.on('streamEvent', (event) => {
    if (gone) return;
    const reader = waiting.shift();
    if (reader) {
      reader.resolve({ value: event, done: false });
      waitingOrGone = false;
    } else buffered.push(event);
  });
  source.on('end', () => {
    finished = true;
    for (const reader of waiting.splice(0)) reader.resolve({ value: undefined, done: true });
  });
  const fail = (error: unknown) => {
    finished = true;
    failure = { error };
    for (const reader of waiting.splice(0)) reader.reject(error);
  };
  source.on('error', fail);
  source.on('abort', fail);
  return {
    caughtUp: () => waitingOrGone && buffered.length === 0,
    whenCaughtUp: () => new Promise<void>((resolve) => onCatchUp.push(resolve)),
    next: async () => {
      if (buffered.length) return { value: buffered.shift()!, done: false };
      catchUp();
      if (failure) throw failure.error;
      if (finished) return { value: undefined, done: true };
      return new Promise((resolve, reject) => waiting.push({ resolve, reject }));
    },
    return: async () => {
      gone = true;
      buffered.length = 0;
      source.abort();
      catchUp();
      return { value: undefined, done: true };
    },
  };
}

/** Resolves when every reader has caught up, or after the next macrotask, whichever comes first. */
export function untilCaughtUpOrNextTask(readers: Array<EventReader<unknown>>): Promise<void> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const nextTask = new Promise<void>((resolve) => {
    timer = setTimeout(resolve, 0);
  });
  const all = Promise.all(readers.map((reader) => (reader.caughtUp() ? undefined : reader.whenCaughtUp())));
  return Promise.race([all, nextTask]).then(() => clearTimeout(timer));
}

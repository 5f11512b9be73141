/**
 * Small helpers over the web streams API (global in Node >= 18, browsers, Deno, Bun).
 */

/** A `ReadableStream` that pulls from an async or sync iterable, cancelling it on `cancel()`. */
export function ReadableStreamFrom<T>(iterable: AsyncIterable<T> | Iterable<T>): ReadableStream<T> {
  let iter: AsyncIterator<T> | Iterator<T>;
  return new ReadableStream<T>({
    start() {
      iter =
        Symbol.asyncIterator in iterable
          ? (iterable as AsyncIterable<T>)[Symbol.asyncIterator]()
          : (iterable as Iterable<T>)[Symbol.iterator]();
    },
    async pull(controller) {
      try {
        const { done, value } = await iter.next();
        if (done) controller.close();
        else controller.enqueue(value);
      } catch (err) {
        controller.error(err);
      }
    },
    async cancel() {
      await iter.return?.();
    },
  });
}

/** Cancels a response body nobody will read, so its socket can be reused or closed. */
export async function cancelBody(body: ReadableStream | null | undefined): Promise<void> {
  if (!body || body.locked) return;
  await body.cancel().catch(() => undefined);
}

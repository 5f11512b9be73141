/**
 * Timers over a response body, which `fetch` leaves unguarded once the headers have arrived:
 * - an idle limit: a read that waits `idleMs` for the next bytes fails (a dead peer or a stuck proxy);
 * - a deadline: the whole body must be read by `deadlineAt` (non-streaming requests, whose `timeout` covers
 *   the body as well as the headers).
 * Only a pending read counts as idle: a consumer that stops pulling is never cut off. One timer at most is
 * armed, and none is left once the body ends, fails or is cancelled.
 */

/** What to guard and how each limit fails. */
export type BodyGuard = {
  idleMs?: number | undefined;
  deadlineAt?: number | undefined;
  idleError: () => Error;
  deadlineError: () => Error;
};

const NO_BODY_STATUSES = new Set([101, 204, 205, 304]);
const MAX_TIMER_MS = 2_147_483_647;

/** Returns `response` itself when there is nothing to guard, else a copy whose body enforces the limits. */
export function guardBody(response: Response, guard: BodyGuard): Response {
  const hasLimit = guard.idleMs !== undefined || guard.deadlineAt !== undefined;
  if (!hasLimit || !response.body || NO_BODY_STATUSES.has(response.status)) return response;
  const guarded = new Response(guardStream(response.body, guard), {
    status: response.status,
    statusText: response.statusText,
    headers: response.headers,
  });
  // `new Response` has no URL of its own; keep the one the request went to (logs, redirects).
  Object.defineProperty(guarded, 'url', { value: response.url });
  Object.defineProperty(guarded, 'redirected', { value: response.redirected });
  return guarded;
}

function guardStream(source: ReadableStream<Uint8Array>, guard: BodyGuard): ReadableStream<Uint8Array> {
  const reader = source.getReader();
  let timer: ReturnType<typeof setTimeout> | undefined;
  let timerAt = Number.POSITIVE_INFINITY;
  let pendingSince: number | undefined;
  let failed = false;
  let out: ReadableStreamDefaultController<Uint8Array>;

  const stop = () => {
    if (timer !== undefined) clearTimeout(timer);
    timer = undefined;
  };
  const fail = (error: Error) => {
    failed = true;
    stop();
    out.error(error);
    reader.cancel(error).catch(() => undefined);
  };
  /** Fires at the earliest limit; re-arms while a limit is still ahead, stays off while nobody reads. */
  const check = () => {
    timer = undefined;
    const now = Date.now();
    if (guard.deadlineAt !== undefined && now >= guard.deadlineAt) return fail(guard.deadlineError());
    if (guard.idleMs !== undefined && pendingSince !== undefined && now - pendingSince >= guard.idleMs) {
      return fail(guard.idleError());
    }
    arm(now);
  };
  /** Arms the timer for the earliest limit ahead, unless it is already set to fire no later than that. */
  const arm = (now: number) => {
    if (failed) return;
    let at = guard.deadlineAt ?? Number.POSITIVE_INFINITY;
    if (guard.idleMs !== undefined && pendingSince !== undefined)
      at = Math.min(at, pendingSince + guard.idleMs);
    if (at === Number.POSITIVE_INFINITY || (timer !== undefined && timerAt <= at)) return;
    stop();
    timerAt = at;
    timer = setTimeout(check, Math.min(Math.max(at - now, 0), MAX_TIMER_MS));
  };

  return new ReadableStream<Uint8Array>(
    {
      start(controller) {
        out = controller;
        arm(Date.now());
      },
      pull(controller) {
        pendingSince = Date.now();
        arm(pendingSince);
        return reader.read().then(
          (result) => {
            pendingSince = undefined;
            if (failed) return;
            if (result.done) {
              stop();
              controller.close();
            } else {
              controller.enqueue(result.value);
            }
          },
          (err: unknown) => {
            stop();
            if (!failed) controller.error(err);
          },
        );
      },
      cancel(reason) {
        stop();
        return reader.cancel(reason);
      },
    },
    // One chunk read ahead, as fetch bodies do; a consumer that stops reading leaves no read pending.
    { highWaterMark: 1 },
  );
}

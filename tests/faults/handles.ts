/**
 * Which timers and TCP handles a scenario opened and did not close. `process.getActiveResourcesInfo()` only gives
 * counts, which the test runner's own timers make noisy; async hooks tell exactly which handles were created
 * while the scenario ran and are still alive.
 */
import { createHook } from 'node:async_hooks';

const KINDS = new Set(['Timeout', 'TCPWRAP', 'TCPCONNECTWRAP']);
const COUNTED = new Set(['Timeout', 'TCPSocketWrap', 'TCPWrap']);

/** The number of active timers and TCP sockets, as `process.getActiveResourcesInfo()` reports them. */
export const activeHandles = (): number =>
  process.getActiveResourcesInfo().filter((r) => COUNTED.has(r)).length;

type Resource = { hasRef?: () => boolean; _destroyed?: boolean };

/**
 * Starts recording; `open()` lists the timers and client sockets created since that are still open and keep the
 * process alive (an idle keep-alive socket undici has unref'd does not).
 */
export function trackHandles(): { open(): string[]; stop(): void } {
  const live = new Map<number, { type: string; resource: Resource }>();
  const servers = new Set<number>();
  const hook = createHook({
    init(id, type, trigger, resource) {
      // The fault servers' own accepted sockets are theirs to close (undici may open a spare connection after
      // an abort that never carries a request); only the client's side counts.
      if (type === 'TCPSERVERWRAP') servers.add(id);
      else if (KINDS.has(type) && !servers.has(trigger))
        live.set(id, { type, resource: resource as Resource });
    },
    destroy(id) {
      live.delete(id);
    },
  }).enable();
  return {
    open: () =>
      [...live.values()]
        // A timer that fired or was cleared is `_destroyed` at once; its destroy hook comes a tick later.
        .filter(({ resource }) => !resource._destroyed && (resource.hasRef?.() ?? true))
        .map(({ type }) => type),
    stop: () => void hook.disable(),
  };
}

import { type ChildProcess, fork } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type { GenerateJob, GenerateOutcome } from './worker.js';

const WORKER = fileURLToPath(new URL('./worker.ts', import.meta.url));

/** A job: anything with the spec id its outcome answers to. */
interface Job {
  id: string;
}

/** One worker process and the job it runs. */
class Slot<J extends Job, O extends GenerateOutcome> {
  child!: ChildProcess;
  job: J | undefined;
  private timer: NodeJS.Timeout | undefined;
  private start = 0;

  constructor(private readonly pool: Pool<J, O>) {
    this.spawn();
  }

  private spawn(): void {
    this.child = fork(this.pool.worker, [], {
      execArgv: ['--import', 'tsx', '--max-old-space-size=4096'],
      stdio: ['ignore', 'ignore', 'ignore', 'ipc'],
    });
    this.child.on('message', (o: O) => this.finish(o));
    this.child.on('exit', (code, signal) => {
      const job = this.job;
      this.spawn();
      if (job)
        this.finish({
          id: job.id,
          status: 'crash',
          ms: this.elapsed(),
          message: `worker exited (${signal ?? code})`,
        } as O);
    });
  }

  private elapsed(): number {
    return Date.now() - this.start;
  }

  run(job: J): void {
    this.job = job;
    this.start = Date.now();
    this.timer = setTimeout(() => {
      const message = `no result after ${this.pool.timeoutMs} ms`;
      this.finish({ id: job.id, status: 'timeout', ms: this.elapsed(), message } as O);
      this.child.removeAllListeners();
      this.child.kill('SIGKILL');
      this.spawn();
      this.pool.next(this);
    }, this.pool.timeoutMs);
    this.child.send(job);
  }

  private finish(o: O): void {
    if (!this.job || o.id !== this.job.id) return;
    clearTimeout(this.timer);
    this.job = undefined;
    this.pool.done(o);
    if (o.status !== 'timeout') this.pool.next(this);
  }

  stop(): void {
    this.child.removeAllListeners();
    this.child.kill();
  }
}

/**
 * Runs generate jobs on `workers` long-lived child processes. A job over `timeoutMs`, or one that kills its
 * worker, is reported as a timeout or crash and the worker replaced, so one spec cannot stall the corpus.
 * `worker` is the child's module (default `worker.ts`, sdkgen's generate); it answers each job with an outcome.
 */
export class Pool<J extends Job = GenerateJob, O extends GenerateOutcome = GenerateOutcome> {
  private queue: J[] = [];
  private pending = 0;
  private resolve: () => void = () => {};

  constructor(
    private readonly workers: number,
    readonly timeoutMs: number,
    private readonly onDone: (o: O) => void,
    readonly worker: string = WORKER,
  ) {}

  async run(jobs: J[]): Promise<void> {
    this.queue = [...jobs];
    this.pending = jobs.length;
    if (jobs.length === 0) return;
    const slots = Array.from({ length: Math.min(this.workers, jobs.length) }, () => new Slot<J, O>(this));
    await new Promise<void>((resolve) => {
      this.resolve = resolve;
      for (const s of slots) this.next(s);
    });
    for (const s of slots) s.stop();
  }

  next(slot: Slot<J, O>): void {
    const job = this.queue.shift();
    if (job) slot.run(job);
  }

  done(o: O): void {
    this.onDone(o);
    if (--this.pending === 0) this.resolve();
  }
}

import { type ChildProcess, fork } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type { GenerateJob, GenerateOutcome } from './worker.js';

const WORKER = fileURLToPath(new URL('./worker.ts', import.meta.url));

/** One worker process and the job it runs. */
class Slot {
  child!: ChildProcess;
  job: GenerateJob | undefined;
  private timer: NodeJS.Timeout | undefined;
  private start = 0;

  constructor(private readonly pool: Pool) {
    this.spawn();
  }

  private spawn(): void {
    this.child = fork(WORKER, [], {
      execArgv: ['--import', 'tsx', '--max-old-space-size=4096'],
      stdio: ['ignore', 'ignore', 'ignore', 'ipc'],
    });
    this.child.on('message', (o: GenerateOutcome) => this.finish(o));
    this.child.on('exit', (code, signal) => {
      const job = this.job;
      this.spawn();
      if (job)
        this.finish({
          id: job.id,
          status: 'crash',
          ms: this.elapsed(),
          message: `worker exited (${signal ?? code})`,
        });
    });
  }

  private elapsed(): number {
    return Date.now() - this.start;
  }

  run(job: GenerateJob): void {
    this.job = job;
    this.start = Date.now();
    this.timer = setTimeout(() => {
      const message = `no result after ${this.pool.timeoutMs} ms`;
      this.finish({ id: job.id, status: 'timeout', ms: this.elapsed(), message });
      this.child.removeAllListeners();
      this.child.kill('SIGKILL');
      this.spawn();
      this.pool.next(this);
    }, this.pool.timeoutMs);
    this.child.send(job);
  }

  private finish(o: GenerateOutcome): void {
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
 */
export class Pool {
  private queue: GenerateJob[] = [];
  private pending = 0;
  private resolve: () => void = () => {};

  constructor(
    private readonly workers: number,
    readonly timeoutMs: number,
    private readonly onDone: (o: GenerateOutcome) => void,
  ) {}

  async run(jobs: GenerateJob[]): Promise<void> {
    this.queue = [...jobs];
    this.pending = jobs.length;
    if (jobs.length === 0) return;
    const slots = Array.from({ length: Math.min(this.workers, jobs.length) }, () => new Slot(this));
    await new Promise<void>((resolve) => {
      this.resolve = resolve;
      for (const s of slots) this.next(s);
    });
    for (const s of slots) s.stop();
  }

  next(slot: Slot): void {
    const job = this.queue.shift();
    if (job) slot.run(job);
  }

  done(o: GenerateOutcome): void {
    this.onDone(o);
    if (--this.pending === 0) this.resolve();
  }
}

// A long-lived child process of the corpus pool: generates one spec per message, answers with the outcome.
import { GeneratorError } from '../src/errors.js';
import { generate } from '../src/pipeline.js';

/** A job sent to the worker. */
export interface GenerateJob {
  id: string;
  spec: string;
  config: string;
  out: string;
}

/** What the worker answers: `ok`, a `GeneratorError` (exit 2) or an escaped exception (a crash). */
export interface GenerateOutcome {
  id: string;
  status: 'ok' | 'error' | 'crash' | 'timeout';
  ms: number;
  message?: string;
}

async function run(job: GenerateJob): Promise<GenerateOutcome> {
  const start = performance.now();
  const ms = () => Math.round(performance.now() - start);
  try {
    await generate({ configPath: job.config, specPath: job.spec, outDir: job.out, mode: 'write' });
    return { id: job.id, status: 'ok', ms: ms() };
  } catch (err) {
    if (err instanceof GeneratorError) return { id: job.id, status: 'error', ms: ms(), message: err.message };
    const e = err as Error;
    return { id: job.id, status: 'crash', ms: ms(), message: String(e?.stack ?? e).slice(0, 2000) };
  }
}

process.on('message', (job: GenerateJob) => {
  void run(job).then((outcome) => process.send!(outcome));
});

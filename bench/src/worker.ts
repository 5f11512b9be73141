// Child-process entry: runs one (bench, subject, part) and appends JSON records to the output file.
// argv: <bench> <subject> <options JSON> <output file>
import { appendFileSync } from 'node:fs';
import type { BenchDef } from './harness/bench.js';
import type { BenchOptions } from './harness/types.js';

const [name, subject, optionsJson, outFile] = process.argv.slice(2) as [string, string, string, string];
const emit = (record: object) => appendFileSync(outFile, `${JSON.stringify(record)}\n`);

process.on('unhandledRejection', (err) => {
  // Aborting a stream mid-body can reject promises nobody awaits; report, never crash the run.
  process.stderr.write(`  (unhandled rejection in worker: ${String(err).split('\n')[0]})\n`);
});

const def = (await import(`./benches/${name}.ts`)).default as BenchDef;
await def.run(subject, JSON.parse(optionsJson) as BenchOptions, emit);
process.exit(0);

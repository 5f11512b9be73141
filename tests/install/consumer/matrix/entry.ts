// Entry of the webpack and esbuild bundles: runs the program and writes its result where the test reads it.
import { writeFileSync } from 'node:fs';
import { run } from './program';

run().then(
  (result) => writeFileSync(process.env.RESULT_FILE as string, JSON.stringify(result)),
  (err) => {
    console.error(err);
    process.exitCode = 1;
  },
);

// The jest harness (CommonJS mode, transformed by @swc/jest or ts-jest): one test that runs the program.
import { writeFileSync } from 'node:fs';
import { run } from './program';

test('the consumer program runs', async () => {
  writeFileSync(process.env.RESULT_FILE as string, JSON.stringify(await run()));
}, 30_000);

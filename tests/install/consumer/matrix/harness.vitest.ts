// The vitest harness, run by the consumer project's own vitest: one test that runs the program.
import { writeFileSync } from 'node:fs';
import { test } from 'vitest';
import { run } from './program';

test('the consumer program runs', async () => {
  writeFileSync(process.env.RESULT_FILE as string, JSON.stringify(await run()));
}, 30_000);

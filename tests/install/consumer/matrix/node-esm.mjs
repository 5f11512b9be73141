// Node as an ES module host: imports the program as compiled by compile.mjs.
import { writeFileSync } from 'node:fs';
import { run } from './build/program.mjs';

writeFileSync(process.env.RESULT_FILE, JSON.stringify(await run()));

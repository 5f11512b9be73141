// Node as a CommonJS host: requires the program as compiled by compile.mjs.
const { writeFileSync } = require('node:fs');
const { run } = require('./build/program.cjs');

run().then(
  (result) => writeFileSync(process.env.RESULT_FILE, JSON.stringify(result)),
  (err) => {
    console.error(err);
    process.exitCode = 1;
  },
);

// Node and Bun, CommonJS: the installed package through require().
const sdk = require('@sdkgen/anthropic');

import('./scenario.mjs').then(({ main }) => main(sdk, process.argv[2]));

// Deno importing the ES module build by path, no npm resolution for the SDK itself.
import * as sdk from './node_modules/@sdkgen/anthropic/dist/esm/index.js';
import { main } from './scenario.mjs';

await main(sdk, Deno.args[0]);

// Deno with an npm specifier, resolved from the project's node_modules (--node-modules-dir=manual).
import * as sdk from 'npm:@sdkgen/anthropic';
import { main } from './scenario.mjs';

await main(sdk, Deno.args[0]);

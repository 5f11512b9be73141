// Node and Bun, ES module: the installed package by name.
import * as sdk from '@sdkgen/anthropic';
import { main } from './scenario.mjs';

await main(sdk, process.argv[2]);

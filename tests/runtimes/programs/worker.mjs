// A Cloudflare Worker (module syntax): POST the scenario's JSON arguments, get its results back.
// Bundled with esbuild (conditions worker, browser) before workerd loads it.
import * as sdk from '@sdkgen/anthropic';
import { run } from './scenario.mjs';

export default {
  async fetch(request) {
    const { urls, runId } = await request.json();
    return Response.json(await run(sdk, urls, runId));
  },
};

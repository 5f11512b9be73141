// Preloaded into every node process of a generator run (via NODE_OPTIONS=--import): appends the process's
// peak RSS (KiB) to the file named by SDKGEN_BENCH_RSS_FILE when it exits.
import { appendFileSync } from 'node:fs';

const out = process.env.SDKGEN_BENCH_RSS_FILE;
if (out) {
  process.on('exit', () => {
    try {
      appendFileSync(out, `${process.resourceUsage().maxRSS}\n`);
    } catch {}
  });
}

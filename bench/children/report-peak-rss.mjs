/**
 * Preloaded with `node --import` into a measured child process: when the
 * process exits, writes its peak resident set size in kilobytes
 * (`process.resourceUsage().maxRSS`, the kernel's ru_maxrss) to the file
 * named by BENCH_PEAK_RSS_FILE.
 */
import { writeFileSync } from 'node:fs';

const output = process.env.BENCH_PEAK_RSS_FILE;
if (output) {
  process.on('exit', () => {
    writeFileSync(output, String(process.resourceUsage().maxRSS));
  });
}

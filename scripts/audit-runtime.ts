/**
 * Release gate: runs `npm audit --omit=dev --audit-level=high` on the
 * runtime dependencies and fails on any high or critical advisory.
 *
 * When the registry's advisory endpoint cannot be reached (some registry
 * proxies reject its POST request with 405), no audit happens. The script
 * then prints SKIPPED and exits 0, or exits 1 when FATORA_REQUIRE_AUDIT=1.
 */
import { spawnSync } from 'node:child_process';
import { decideAudit, summarizeAudit } from './lib/audit-report.js';
import { rootDir } from './lib/openapi-document.js';

function runNpmAudit(): unknown {
  const result = spawnSync('npm', ['audit', '--omit=dev', '--audit-level=high', '--json'], {
    cwd: rootDir,
    encoding: 'utf8',
  });
  if (result.error) throw new Error(`could not run npm: ${result.error.message}`);
  try {
    return JSON.parse(result.stdout) as unknown;
  } catch {
    return undefined;
  }
}

try {
  const outcome = decideAudit(
    summarizeAudit(runNpmAudit()),
    process.env.FATORA_REQUIRE_AUDIT === '1',
  );
  if (outcome.exitCode === 0) console.log(outcome.message);
  else console.error(outcome.message);
  process.exitCode = outcome.exitCode;
} catch (error) {
  console.error(`audit:runtime failed: ${(error as Error).message}`);
  process.exitCode = 1;
}

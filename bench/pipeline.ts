import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { median } from './lib/stats.js';

/** npm scripts whose wall-clock time the benchmark reports. */
export const PIPELINE_SCRIPTS = ['build', 'generate', 'test'] as const;

/** A timed npm script. */
export type PipelineScript = (typeof PIPELINE_SCRIPTS)[number];

/** Median wall-clock seconds of each script, and every run's time. */
export type PipelineResults = Record<PipelineScript, { seconds: number; runsSeconds: number[] }>;

const rootDir = fileURLToPath(new URL('..', import.meta.url));
const npmCommand = process.platform === 'win32' ? 'npm.cmd' : 'npm';

/** Runs `npm run <script>` and resolves to its wall-clock seconds; rejects with its output tail on failure. */
export async function timeNpmScript(script: string): Promise<number> {
  const started = process.hrtime.bigint();
  const child = spawn(npmCommand, ['run', script, '--silent'], {
    cwd: rootDir,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const keep = (chunk: Buffer) => {
    output = (output + chunk.toString()).slice(-4000);
  };
  child.stdout.on('data', keep);
  child.stderr.on('data', keep);
  const exitCode = await new Promise<number | null>((resolveExit) => {
    child.on('close', resolveExit);
  });
  if (exitCode !== 0) {
    throw new Error(`npm run ${script} exited with code ${exitCode}:\n${output.trim()}`);
  }
  return Number(process.hrtime.bigint() - started) / 1e9;
}

/** Times each script `repetitions` times, the scripts alternating in each repetition. */
export async function runPipeline(repetitions: number): Promise<PipelineResults> {
  const runs: Record<PipelineScript, number[]> = { build: [], generate: [], test: [] };
  for (let repetition = 0; repetition < repetitions; repetition++) {
    for (const script of PIPELINE_SCRIPTS) runs[script].push(await timeNpmScript(script));
  }
  const entry = (script: PipelineScript) => ({
    seconds: median(runs[script]),
    runsSeconds: runs[script],
  });
  return { build: entry('build'), generate: entry('generate'), test: entry('test') };
}

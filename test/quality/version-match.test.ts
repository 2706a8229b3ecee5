import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { rootDir } from '../../scripts/lib/openapi-document.js';
import { findVersionMismatch } from '../../scripts/lib/version-match.js';

const execFileAsync = promisify(execFile);

describe('findVersionMismatch', () => {
  it('accepts equal versions', () => {
    expect(findVersionMismatch('0.1.0', '0.1.0')).toBeUndefined();
  });

  it('names both differing values', () => {
    expect(findVersionMismatch('0.2.0', '0.1.0')).toBe(
      'Version mismatch: openapi.yaml info.version is 0.2.0 but package.json version is 0.1.0. ' +
        'Set both to the version being released.',
    );
  });

  it('rejects a missing spec version', () => {
    expect(findVersionMismatch(undefined, '0.1.0')).toContain('openapi.yaml has no info.version');
  });

  it('rejects a missing package version', () => {
    expect(findVersionMismatch('0.1.0', '')).toContain('package.json has no version');
  });
});

describe('check:version command', () => {
  async function runCheck(...args: string[]): Promise<{ code: number; output: string }> {
    const command = ['--import', 'tsx', resolve(rootDir, 'scripts/check-version.ts'), ...args];
    try {
      const { stdout, stderr } = await execFileAsync(process.execPath, command, { cwd: rootDir });
      return { code: 0, output: stdout + stderr };
    } catch (error) {
      const failed = error as { code: number; stdout: string; stderr: string };
      return { code: failed.code, output: failed.stdout + failed.stderr };
    }
  }

  it('passes for this repository', async () => {
    const { code, output } = await runCheck();

    expect(code).toBe(0);
    expect(output).toContain('Versions match');
  });

  it('fails for differing files', async () => {
    const directory = await mkdtemp(join(tmpdir(), 'fatora-version-'));
    try {
      const specFile = join(directory, 'openapi.yaml');
      const packageFile = join(directory, 'package.json');
      await writeFile(specFile, 'openapi: 3.1.0\ninfo:\n  title: Example\n  version: 1.0.0\n');
      await writeFile(packageFile, JSON.stringify({ name: 'example', version: '0.9.0' }));

      const { code, output } = await runCheck('--spec', specFile, '--package', packageFile);

      expect(code).toBe(1);
      expect(output).toContain(
        'openapi.yaml info.version is 1.0.0 but package.json version is 0.9.0',
      );
    } finally {
      await rm(directory, { recursive: true, force: true });
    }
  });
});

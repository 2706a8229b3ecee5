import { execFile, execFileSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { afterEach, describe, expect, it } from 'vitest';
import { rootDir } from '../../scripts/lib/openapi-document.js';
import { fixtureDir } from './fixtures.js';

const execFileAsync = promisify(execFile);
const scriptPath = resolve(rootDir, 'scripts/spec-diff.ts');
const gitEnvironment = {
  ...process.env,
  GIT_AUTHOR_NAME: 'Spec Diff Test',
  GIT_AUTHOR_EMAIL: 'spec-diff@example.com',
  GIT_COMMITTER_NAME: 'Spec Diff Test',
  GIT_COMMITTER_EMAIL: 'spec-diff@example.com',
};
const directories: string[] = [];

afterEach(() => {
  for (const directory of directories.splice(0))
    rmSync(directory, { recursive: true, force: true });
});

function git(repository: string, ...args: string[]): string {
  return execFileSync('git', args, { cwd: repository, env: gitEnvironment, encoding: 'utf8' });
}

function createRepository(): string {
  const repository = mkdtempSync(join(tmpdir(), 'fatora-spec-diff-'));
  directories.push(repository);
  git(repository, 'init', '--quiet', '--initial-branch=main');
  return repository;
}

/** Writes the fixture `<fixture>.yaml` as the repository's openapi.yaml and commits it. */
function commitSpec(repository: string, fixture: string): void {
  copyFileSync(resolve(fixtureDir, `${fixture}.yaml`), join(repository, 'openapi.yaml'));
  git(repository, 'add', 'openapi.yaml');
  git(repository, 'commit', '--quiet', '-m', `Use ${fixture}`);
}

async function runSpecDiff(
  repository: string,
  ...args: string[]
): Promise<{ code: number; output: string }> {
  const command = [
    '--import',
    'tsx',
    scriptPath,
    '--spec',
    join(repository, 'openapi.yaml'),
    ...args,
  ];
  try {
    const { stdout, stderr } = await execFileAsync(process.execPath, command, { cwd: rootDir });
    return { code: 0, output: stdout + stderr };
  } catch (error) {
    const failed = error as { code: number; stdout: string; stderr: string };
    return { code: failed.code, output: failed.stdout + failed.stderr };
  }
}

describe('spec:diff command', () => {
  it('passes on a first commit', async () => {
    const repository = createRepository();
    commitSpec(repository, 'base');

    const { code, output } = await runSpecDiff(repository);

    expect(code).toBe(0);
    expect(output).toContain('nothing to compare openapi.yaml with: HEAD has no parent commit');
  });

  it('fails on a breaking commit on main', async () => {
    const repository = createRepository();
    commitSpec(repository, 'base');
    commitSpec(repository, 'response-field-removed');

    const { code, output } = await runSpecDiff(repository);

    expect(code).toBe(1);
    expect(output).toContain('comparing openapi.yaml with HEAD~1');
    expect(output).toContain('removed response field: GET /clients 200 ClientList.total');
  });

  it('passes on a non-breaking commit', async () => {
    const repository = createRepository();
    commitSpec(repository, 'base');
    commitSpec(repository, 'response-field-added');

    const { code, output } = await runSpecDiff(repository);

    expect(code).toBe(0);
    expect(output).toContain('new response field: GET /clients 200 ClientList.page');
  });

  it('compares a branch with its merge base', async () => {
    const repository = createRepository();
    commitSpec(repository, 'base');
    git(repository, 'checkout', '--quiet', '-b', 'feature');
    commitSpec(repository, 'response-field-removed');
    // HEAD~1 already lacks the field, so only the merge base shows the change.
    git(repository, 'commit', '--quiet', '--allow-empty', '-m', 'Unrelated change');

    const { code, output } = await runSpecDiff(repository);

    expect(code).toBe(1);
    expect(output).toContain('the merge base with main');
    expect(output).toContain('removed response field: GET /clients 200 ClientList.total');
  });

  it('accepts an explicit base ref', async () => {
    const repository = createRepository();
    commitSpec(repository, 'base');
    commitSpec(repository, 'response-field-removed');
    commitSpec(repository, 'response-field-became-optional');

    const { code, output } = await runSpecDiff(repository, 'HEAD~2');

    expect(code).toBe(1);
    expect(output).toContain('comparing openapi.yaml with HEAD~2');
    expect(output).toContain('response field became optional: GET /clients 200 ClientList.total');
  });

  it('rejects an unknown base ref', async () => {
    const repository = createRepository();
    commitSpec(repository, 'base');

    const { code, output } = await runSpecDiff(repository, 'no-such-branch');

    expect(code).toBe(2);
    expect(output).toContain('Base ref "no-such-branch" was not found');
  });

  it('passes when the base lacks the spec', async () => {
    const repository = createRepository();
    git(repository, 'commit', '--quiet', '--allow-empty', '-m', 'Start');
    commitSpec(repository, 'base');

    const { code, output } = await runSpecDiff(repository);

    expect(code).toBe(0);
    expect(output).toContain('openapi.yaml does not exist at HEAD~1');
  });

  it('passes in a shallow clone', async () => {
    const origin = createRepository();
    commitSpec(origin, 'base');
    commitSpec(origin, 'response-field-removed');
    const clone = mkdtempSync(join(tmpdir(), 'fatora-spec-diff-clone-'));
    directories.push(clone);
    git(clone, 'clone', '--quiet', '--depth', '1', `file://${origin}`, '.');

    const { code, output } = await runSpecDiff(clone);

    expect(code).toBe(0);
    expect(output).toContain('HEAD has no parent commit');
  });

  it('allows breaking changes with a new major version', async () => {
    const repository = createRepository();
    commitSpec(repository, 'base');
    commitSpec(repository, 'major-version-raised');

    const { code, output } = await runSpecDiff(repository);

    expect(code).toBe(0);
    expect(output).toContain('The major version went up');
  });
});

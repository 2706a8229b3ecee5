/**
 * Finds the git commit to compare a file against and reads the file as it
 * was in that commit.
 */
import { execFileSync } from 'node:child_process';

/** The commit to compare against, or the reason there is none. */
export type BaseCommit = { commit: string; label: string } | { missing: string };

function git(args: string[], cwd: string): string | undefined {
  try {
    return execFileSync('git', args, {
      cwd,
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'pipe'],
    }).trim();
  } catch {
    return undefined;
  }
}

function verifyCommit(ref: string, cwd: string): string | undefined {
  return git(['rev-parse', '--verify', '--quiet', `${ref}^{commit}`], cwd);
}

/**
 * Resolves the commit to compare against. An explicit `requested` ref must
 * exist. Without one, the default is the merge base with `main` (or
 * `origin/main`), and `HEAD~1` when that merge base is HEAD itself, as on
 * main. A first commit or a shallow clone without the parent has no base.
 */
export function resolveBaseCommit(requested: string | undefined, cwd: string): BaseCommit {
  if (requested !== undefined) {
    const commit = verifyCommit(requested, cwd);
    if (commit === undefined)
      throw new Error(
        `Base ref "${requested}" was not found in the git repository at ${cwd}. ` +
          'Pass a branch, tag or commit that exists there, for example main or HEAD~1.',
      );
    return { commit, label: requested };
  }

  const head = verifyCommit('HEAD', cwd);
  if (head === undefined) return { missing: `${cwd} is not a git repository with a commit` };

  for (const branch of ['main', 'origin/main']) {
    if (verifyCommit(branch, cwd) === undefined) continue;
    const mergeBase = git(['merge-base', 'HEAD', branch], cwd);
    if (mergeBase !== undefined && mergeBase !== head)
      return { commit: mergeBase, label: `the merge base with ${branch}` };
    break;
  }

  const parent = verifyCommit('HEAD~1', cwd);
  if (parent !== undefined) return { commit: parent, label: 'HEAD~1' };
  return { missing: 'HEAD has no parent commit (it is the first commit, or the clone is shallow)' };
}

/** Returns the contents of `path` (relative to `cwd`) at `commit`, or `undefined` when it did not exist. */
export function readFileAtCommit(commit: string, path: string, cwd: string): string | undefined {
  return git(['show', `${commit}:./${path}`], cwd);
}

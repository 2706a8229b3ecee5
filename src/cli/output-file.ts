import { randomBytes } from 'node:crypto';
import { once } from 'node:events';
import { createWriteStream, rmSync } from 'node:fs';
import { rename, rm, stat } from 'node:fs/promises';
import { finished } from 'node:stream/promises';
import { basename, dirname, join, resolve } from 'node:path';
import type { Writable } from 'node:stream';
import { UsageError } from './usage-error.js';

/**
 * A file that is written under a temporary name in the target's directory
 * and renamed to the target only by {@link AtomicOutputFile.commit}. Readers
 * of the target see the old file or the complete new one, never a partial
 * export, because a rename within one directory is atomic on POSIX file
 * systems.
 */
export interface AtomicOutputFile {
  /** The stream to write the content to. */
  stream: Writable;
  /** Absolute path of the target file. */
  path: string;
  /** Flushes the content to disk and renames the temporary file to the target. */
  commit(): Promise<void>;
  /** Closes and removes the temporary file, leaving the target as it was. */
  discard(): Promise<void>;
}

/**
 * Opens a temporary file beside `target` for an atomic write. Throws a
 * {@link UsageError} when `target` is a directory and an `ErrnoException`
 * when the directory is missing or not writable.
 */
export async function openAtomicOutputFile(target: string): Promise<AtomicOutputFile> {
  const path = resolve(target);
  await rejectDirectory(path);

  const tempPath = join(dirname(path), `.${basename(path)}.${randomBytes(6).toString('hex')}.tmp`);
  // `flush` calls fsync before the file is closed, so the rename below
  // cannot expose a file whose data is not on disk yet (Node 20.10 and later).
  const stream = createWriteStream(tempPath, { flags: 'wx', flush: true });
  await once(stream, 'open');

  // A second Ctrl-C exits at once, without the normal clean-up, so the
  // temporary file is also removed when the process exits.
  let settled = false;
  const removeOnExit = () => {
    if (!settled) rmSync(tempPath, { force: true });
  };
  process.once('exit', removeOnExit);

  const settle = () => {
    settled = true;
    process.off('exit', removeOnExit);
  };

  return {
    stream,
    path,
    async commit() {
      stream.end();
      await finished(stream);
      if (!stream.closed) await once(stream, 'close');
      await rename(tempPath, path);
      settle();
    },
    async discard() {
      if (!stream.closed) {
        const closed = once(stream, 'close').catch(() => undefined);
        stream.destroy();
        await closed;
      }
      await rm(tempPath, { force: true });
      settle();
    },
  };
}

async function rejectDirectory(path: string): Promise<void> {
  const existing = await stat(path).catch(() => undefined);
  if (existing?.isDirectory()) {
    throw new UsageError(`--output ${path} is a directory: give a file path`);
  }
}

import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const created: string[] = [];

/** Creates an empty `fatora-cli-*` directory in the OS temp directory and records it for removal. */
export async function createTempDirectory(): Promise<string> {
  const directory = await mkdtemp(join(tmpdir(), 'fatora-cli-'));
  created.push(directory);
  return directory;
}

/** Removes every directory that {@link createTempDirectory} created, with its contents. */
export async function removeTempDirectories(): Promise<void> {
  const directories = created.splice(0);
  await Promise.all(
    directories.map((directory) => rm(directory, { recursive: true, force: true })),
  );
}

import type { Writable } from 'node:stream';
import type { Client } from '../../index.js';
import { writeText } from '../write-text.js';
import type { FormatWriter } from './format-writer.js';

/** Creates a writer of newline-delimited JSON: one client object per line. */
export function createNdjsonWriter(output: Writable): FormatWriter {
  return {
    async writeClients(clients: readonly Client[]) {
      const lines = clients.map((client) => `${JSON.stringify(client)}\n`);
      await writeText(output, lines.join(''));
    },
    finish: () => Promise.resolve(),
    close: () => Promise.resolve(),
  };
}

import type { Writable } from 'node:stream';
import type { Client, ClientList } from '../../index.js';
import { writeText } from '../write-text.js';
import type { FormatWriter, ListMode } from './format-writer.js';

/**
 * Creates a JSON writer. In `page` mode it writes the response body as the
 * API returned it. In `all` mode it streams one array of clients, one
 * client per line, and closes the array also when the listing stops early.
 */
export function createJsonWriter(output: Writable, mode: ListMode): FormatWriter {
  return mode === 'page' ? createPageBodyWriter(output) : createClientArrayWriter(output);
}

function createPageBodyWriter(output: Writable): FormatWriter {
  return {
    async writeClients(_clients: readonly Client[], page: ClientList) {
      await writeText(output, `${JSON.stringify(page, null, 2)}\n`);
    },
    finish: () => Promise.resolve(),
    close: () => Promise.resolve(),
  };
}

function createClientArrayWriter(output: Writable): FormatWriter {
  let opened = false;
  let closed = false;

  const closeArray = async () => {
    if (closed) return;
    closed = true;
    await writeText(output, opened ? '\n]\n' : '[]\n');
  };

  return {
    async writeClients(clients: readonly Client[]) {
      if (clients.length === 0) return;
      const items = clients.map((client) => `  ${JSON.stringify(client)}`);
      const separator = opened ? ',\n' : '[\n';
      opened = true;
      await writeText(output, `${separator}${items.join(',\n')}`);
    },
    finish: closeArray,
    async close() {
      if (opened) await closeArray();
    },
  };
}

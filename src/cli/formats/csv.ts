import type { Writable } from 'node:stream';
import { stringify } from 'csv-stringify/sync';
import type { Client } from '../../index.js';
import { writeText } from '../write-text.js';
import { neutraliseFormula } from './csv-formula.js';
import type { FormatWriter } from './format-writer.js';

/** CSV columns, in order, and the header row. */
export const csvColumns = ['id', 'name', 'address', 'phone', 'email', 'notes'] as const;

/**
 * Creates an RFC 4180 CSV writer: a header row, then one record per client,
 * CRLF line ends, fields quoted where they contain a comma, quote or line
 * break. `notes: null` becomes an empty field, and every text field that a
 * spreadsheet would run as a formula gets a leading single quote.
 */
export function createCsvWriter(output: Writable): FormatWriter {
  let headerWritten = false;

  const writeRecords = async (clients: readonly Client[]) => {
    const text = stringify(clients.map(toRecord), {
      header: !headerWritten,
      columns: [...csvColumns],
      record_delimiter: 'windows',
      cast: { string: neutraliseFormula },
    });
    headerWritten = true;
    await writeText(output, text);
  };

  return {
    writeClients: writeRecords,
    async finish() {
      if (!headerWritten) await writeRecords([]);
    },
    close: () => Promise.resolve(),
  };
}

function toRecord(client: Client): Record<(typeof csvColumns)[number], unknown> {
  return {
    id: client.id,
    name: client.name,
    address: client.address,
    phone: client.phone,
    email: client.email,
    notes: client.notes,
  };
}

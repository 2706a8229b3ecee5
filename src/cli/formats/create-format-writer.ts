import type { Writable } from 'node:stream';
import { createCsvWriter } from './csv.js';
import type { FormatWriter, ListMode, OutputFormat } from './format-writer.js';
import { createJsonWriter } from './json.js';
import { createNdjsonWriter } from './ndjson.js';
import { createTableWriter } from './table.js';

/** Creates the writer for `format`, writing to `output`. */
export function createFormatWriter(
  format: OutputFormat,
  output: Writable,
  mode: ListMode,
): FormatWriter {
  switch (format) {
    case 'table':
      return createTableWriter(output, mode);
    case 'json':
      return createJsonWriter(output, mode);
    case 'ndjson':
      return createNdjsonWriter(output);
    case 'csv':
      return createCsvWriter(output);
  }
}

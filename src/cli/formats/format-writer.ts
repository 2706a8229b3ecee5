import type { Client, ClientList } from '../../index.js';

/** The output formats of `fatora clients list`. */
export const outputFormats = ['table', 'json', 'ndjson', 'csv'] as const;

/** One of {@link outputFormats}. */
export type OutputFormat = (typeof outputFormats)[number];

/**
 * `page`: one response, as `clients list` without `--all` fetches it.
 * `all`: every page in turn, as `clients list --all` fetches them.
 */
export type ListMode = 'page' | 'all';

/** How far an `--all` export got, for the closing summary. */
export interface ExportProgress {
  /** Clients written so far. */
  clients: number;
  /** Pages fetched so far. */
  pages: number;
  /** `total` from the last page fetched, or `undefined` before the first page. */
  total: number | undefined;
}

/**
 * Turns fetched pages into one output format. Each call writes whole rows
 * in one write, so output that stops between calls never ends in half a row.
 */
export interface FormatWriter {
  /** Writes `clients`, which come from `page` (possibly cut by `--max-items`). */
  writeClients(clients: readonly Client[], page: ClientList): Promise<void>;
  /** Writes what follows the last row of a complete listing, such as a summary line. */
  finish(progress: ExportProgress): Promise<void>;
  /**
   * Closes what an interrupted or failed listing left open, such as a JSON
   * array, so the rows written so far stay valid. Writes nothing when no row
   * was written.
   */
  close(): Promise<void>;
}

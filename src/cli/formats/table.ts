import type { Writable } from 'node:stream';
import type { Client, ClientList } from '../../index.js';
import { writeText } from '../write-text.js';
import type { ExportProgress, FormatWriter, ListMode } from './format-writer.js';
import { displayWidth, padToWidth, toCellText, truncateToWidth } from './table-cell.js';

interface TableColumn {
  header: string;
  value: (client: Client) => string | number | null;
  /** Widest the column gets, in terminal columns; wider cells are cut with `…`. */
  maxWidth: number;
  alignRight?: boolean;
}

const columns: readonly TableColumn[] = [
  { header: 'ID', value: (client) => client.id, maxWidth: 12, alignRight: true },
  { header: 'NAME', value: (client) => client.name, maxWidth: 32 },
  { header: 'ADDRESS', value: (client) => client.address, maxWidth: 40 },
  { header: 'PHONE', value: (client) => client.phone, maxWidth: 20 },
  { header: 'EMAIL', value: (client) => client.email, maxWidth: 36 },
  { header: 'NOTES', value: (client) => client.notes, maxWidth: 40 },
];

const columnGap = '  ';

/**
 * Creates a writer of aligned text columns for a terminal, followed by a
 * summary line. The first page sets the column widths, each capped at its
 * `maxWidth`, so rows can be printed as they arrive. When a later page of
 * `--all` has a wider cell, its column widens from that row on, up to
 * `maxWidth`, and the rows after it shift. Cells wider than `maxWidth` are
 * cut with `…`.
 */
export function createTableWriter(output: Writable, mode: ListMode): FormatWriter {
  let widths: number[] | undefined;
  let lastPage: ClientList | undefined;

  const writeRows = async (clients: readonly Client[]) => {
    const cells = clients.map((client) =>
      columns.map((column) => toCellText(column.value(client))),
    );
    let text = '';
    if (!widths) {
      widths = measureColumns(cells);
      text += formatRow(
        columns.map((column) => column.header),
        widths,
      );
    }
    for (const row of cells) {
      widenColumns(widths, row);
      text += formatRow(row, widths);
    }
    await writeText(output, text);
  };

  return {
    async writeClients(clients: readonly Client[], page: ClientList) {
      lastPage = page;
      await writeRows(clients);
    },
    async finish(progress: ExportProgress) {
      if (!widths) await writeRows([]);
      const summary =
        mode === 'page' && lastPage ? describePage(lastPage) : describeExport(progress);
      await writeText(output, `${summary}\n`);
    },
    close: () => Promise.resolve(),
  };
}

function measureColumns(rows: ReadonlyArray<readonly string[]>): number[] {
  return columns.map((column, index) => {
    let width = displayWidth(column.header);
    for (const row of rows) width = Math.max(width, displayWidth(row[index] ?? ''));
    return Math.min(width, column.maxWidth);
  });
}

function widenColumns(widths: number[], row: readonly string[]): void {
  columns.forEach((column, index) => {
    const needed = Math.min(displayWidth(row[index] ?? ''), column.maxWidth);
    widths[index] = Math.max(widths[index] ?? 0, needed);
  });
}

function formatRow(cells: readonly string[], widths: readonly number[]): string {
  const last = columns.length - 1;
  const formatted = columns.map((column, index) => {
    const width = widths[index] ?? column.maxWidth;
    const text = truncateToWidth(cells[index] ?? '', width);
    // The last column is not padded, so lines carry no trailing spaces.
    return index === last ? text : padToWidth(text, width, column.alignRight);
  });
  return `${formatted.join(columnGap).trimEnd()}\n`;
}

/** Describes one page, for example `page 1 of 3, 47 clients`. */
export function describePage(page: ClientList): string {
  const pageCount = Math.max(1, Math.ceil(page.total / page.page_size));
  return `page ${page.page} of ${pageCount}, ${page.total} ${pluralClients(page.total)}`;
}

/** Describes a complete `--all` listing, for example `47 clients on 3 pages`. */
export function describeExport(progress: ExportProgress): string {
  const pages = `${progress.pages} ${progress.pages === 1 ? 'page' : 'pages'}`;
  const total = progress.total ?? progress.clients;
  if (progress.clients < total) {
    return `${progress.clients} of ${total} ${pluralClients(total)} on ${pages}`;
  }
  return `${progress.clients} ${pluralClients(progress.clients)} on ${pages}`;
}

function pluralClients(count: number): string {
  return count === 1 ? 'client' : 'clients';
}

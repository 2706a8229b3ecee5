import type { FatoraClient } from '../../index.js';
import type { ExportProgress, FormatWriter } from '../formats/format-writer.js';
import type { ListSettings } from '../list-settings.js';
import type { Progress } from '../progress.js';

/** Inputs of {@link exportPages}. */
export interface ExportPagesOptions {
  fatora: FatoraClient;
  settings: ListSettings;
  writer: FormatWriter;
  progress: Progress;
  /** Updated after each page, so a failure can report how far the export got. */
  state: ExportProgress;
  signal: AbortSignal;
  /** Erase the progress bar before rows go to the terminal it is drawn on. */
  rowsShareTerminal: boolean;
}

/**
 * Walks every page with `listPages` and writes each page's clients as soon
 * as the page arrives, so memory stays at one page whatever the total. The
 * next page is requested only after the rows were handed to the output,
 * which waits for a slow reader. Stops after `--max-items` clients.
 */
export async function exportPages(options: ExportPagesOptions): Promise<void> {
  const { fatora, settings, writer, progress, state, signal } = options;
  const maxItems = settings.maxItems ?? Number.POSITIVE_INFINITY;

  const pages = fatora.clients.listPages(settings.filters, {
    signal,
    ...(settings.maxItems === undefined ? {} : { maxItems: settings.maxItems }),
  });
  for await (const page of pages) {
    state.pages += 1;
    state.total = page.total;
    if (state.pages === 1) progress.start(Math.min(page.total, maxItems));

    const clients = page.clients.slice(0, maxItems - state.clients);
    if (options.rowsShareTerminal) progress.clearLine();
    await writer.writeClients(clients, page);
    state.clients += clients.length;
    progress.update(state.clients);

    signal.throwIfAborted();
    if (state.clients >= maxItems) return;
  }
}

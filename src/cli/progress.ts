import { SingleBar } from 'cli-progress';

/** The progress display of an `--all` export. */
export interface Progress {
  /** Draws the bar for `total` clients, which the first page reports. */
  start(total: number): void;
  /** Moves the bar to `fetched` clients. */
  update(fetched: number): void;
  /**
   * Erases the bar from its line so that other output to the same terminal
   * starts on a clean line. The next update draws the bar again below it.
   */
  clearLine(): void;
  /** Draws the bar a last time and ends its line. */
  stop(): void;
}

/** Cursor save and restore, which cli-progress sends on start and stop. */
const droppedSequences = new Set(['\x1b7', '\x1b8']);
const clearLineSequence = '\r\x1b[2K';

/** A progress display that draws nothing, for stderr that is not a terminal or `--quiet`. */
export const silentProgress: Progress = {
  start: () => undefined,
  update: () => undefined,
  clearLine: () => undefined,
  stop: () => undefined,
};

/**
 * Creates a progress bar on `terminal` (stderr): clients fetched of the
 * total, the rate in clients per second and the elapsed time.
 */
export function createProgressBar(terminal: NodeJS.WriteStream): Progress {
  const bar = new SingleBar({
    stream: rowSafeStream(terminal),
    format: '{bar} {value}/{total} clients | {rate} clients/s | {elapsed}',
    barsize: 30,
    fps: 10,
    forceRedraw: true,
    gracefulExit: false,
    // `true` keeps the terminal's line wrapping on and cuts the bar to the
    // terminal width instead, so long table rows printed meanwhile wrap.
    linewrap: true,
  });
  // The clock starts with the export, not with the first page, so the rate
  // includes the first request.
  const startedAt = Date.now();
  let drawn = false;
  let cleared = false;

  const timing = (fetched: number) => {
    const elapsedMs = Date.now() - startedAt;
    const rate = elapsedMs > 0 ? Math.round((fetched * 1000) / elapsedMs) : 0;
    return { rate, elapsed: formatElapsed(elapsedMs) };
  };

  return {
    start(total) {
      drawn = true;
      bar.start(total, 0, timing(0));
    },
    update(fetched) {
      if (!drawn) return;
      bar.update(fetched, timing(fetched));
      // cli-progress redraws on a 100 ms timer; after a clear, draw at once
      // so that the bar does not blink between pages.
      if (cleared) bar.render();
      cleared = false;
    },
    clearLine() {
      if (!drawn) return;
      terminal.write(clearLineSequence);
      cleared = true;
    },
    stop() {
      if (!drawn) return;
      drawn = false;
      bar.stop();
    },
  };
}

/** Formats a duration as `4.2s` below a minute and as `2m05s` from a minute on. */
export function formatElapsed(ms: number): string {
  if (ms < 60_000) return `${(ms / 1000).toFixed(1)}s`;
  const seconds = Math.floor(ms / 1000);
  return `${Math.floor(seconds / 60)}m${String(seconds % 60).padStart(2, '0')}s`;
}

/**
 * Wraps the terminal for cli-progress without the cursor save and restore
 * that its bar sends on start and stop. Table rows printed to the same
 * terminal in between move the line the bar is on, and restoring the saved
 * position would send the cursor back up into the rows. cli-progress 3.12
 * reads only `isTTY` and `columns` and calls only `write` on its stream.
 */
function rowSafeStream(terminal: NodeJS.WriteStream): NodeJS.WritableStream {
  const stream = {
    isTTY: true,
    get columns() {
      return terminal.columns;
    },
    write(chunk: string, callback?: (error?: Error | null) => void): boolean {
      if (droppedSequences.has(chunk)) return true;
      return terminal.write(chunk, callback);
    },
  };
  return stream as unknown as NodeJS.WritableStream;
}

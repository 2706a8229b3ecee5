import { once } from 'node:events';
import type { Writable } from 'node:stream';

/**
 * Writes `text` to `stream` and, when the stream's buffer is full, waits for
 * `drain` before it resolves, so a slow reader slows down the export instead
 * of growing the buffer. Rejects when the stream fails or closes first.
 */
export async function writeText(stream: Writable, text: string): Promise<void> {
  if (text === '') return;
  if (stream.destroyed) throw new Error('the output stream is already closed');
  if (stream.write(text)) return;

  const controller = new AbortController();
  try {
    await Promise.race([
      once(stream, 'drain', { signal: controller.signal }),
      once(stream, 'close', { signal: controller.signal }).then(() => {
        throw new Error('the output stream closed before the data was written');
      }),
    ]);
  } finally {
    controller.abort();
  }
}

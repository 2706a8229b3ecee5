import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { writeText } from '../../src/cli/write-text.js';

/** Creates a stream with a one-byte buffer whose writes finish only on `release()`. */
function slowStream() {
  const pending: Array<() => void> = [];
  const stream = new Writable({
    highWaterMark: 1,
    write(_chunk, _encoding, callback) {
      pending.push(callback);
    },
  });
  return { stream, release: () => pending.shift()?.() };
}

describe('writeText', () => {
  it('waits for drain when the buffer is full', async () => {
    const { stream, release } = slowStream();
    let resolved = false;

    const write = writeText(stream, 'row\n').then(() => (resolved = true));
    await new Promise((resolveDelay) => setTimeout(resolveDelay, 20));
    const resolvedBeforeDrain = resolved;
    release();
    await write;

    expect(resolvedBeforeDrain).toBe(false);
    expect(resolved).toBe(true);
  });

  it('resolves at once below the buffer size', async () => {
    const stream = new Writable({
      highWaterMark: 1024,
      write: (_chunk, _encoding, callback) => {
        callback();
      },
    });

    await expect(writeText(stream, 'row\n')).resolves.toBeUndefined();
  });

  it('rejects when the stream fails while waiting', async () => {
    const { stream } = slowStream();
    stream.on('error', () => undefined);

    const write = writeText(stream, 'row\n');
    stream.destroy(new Error('disk full'));

    await expect(write).rejects.toThrow('disk full');
  });

  it('rejects on a closed stream', async () => {
    const { stream } = slowStream();
    stream.destroy();

    await expect(writeText(stream, 'row\n')).rejects.toThrow('the output stream is already closed');
  });
});

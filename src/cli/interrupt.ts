import { ExitCode } from './exit-codes.js';

/** Signals that stop a running command, with the exit code each one leads to. */
const stopSignals = { SIGINT: ExitCode.interrupted, SIGTERM: ExitCode.terminated } as const;

type StopSignal = keyof typeof stopSignals;

/** Tracks Ctrl-C (SIGINT) and SIGTERM while a command runs. */
export interface InterruptWatch {
  /** Aborted at the first SIGINT or SIGTERM; passed to the client as its signal. */
  signal: AbortSignal;
  /** The exit code for the signal that arrived, or `undefined` when none did. */
  exitCode(): number | undefined;
  /** Removes the signal handlers again. */
  dispose(): void;
}

/**
 * Installs SIGINT and SIGTERM handlers. The first signal aborts
 * {@link InterruptWatch.signal} so the command can stop cleanly; a second
 * one exits at once, for a clean-up that hangs.
 */
export function watchInterrupts(): InterruptWatch {
  const controller = new AbortController();
  let received: StopSignal | undefined;

  const onSignal = (signal: StopSignal) => {
    if (received) process.exit(stopSignals[signal]);
    received = signal;
    controller.abort();
  };
  const handlers = (Object.keys(stopSignals) as StopSignal[]).map((signal) => {
    const handler = () => {
      onSignal(signal);
    };
    process.on(signal, handler);
    return { signal, handler };
  });

  return {
    signal: controller.signal,
    exitCode: () => (received ? stopSignals[received] : undefined),
    dispose() {
      for (const { signal, handler } of handlers) process.off(signal, handler);
    },
  };
}

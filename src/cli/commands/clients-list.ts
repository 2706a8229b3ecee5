import { createFatoraClient, type FatoraClient } from '../../index.js';
import type { CliContext } from '../cli-context.js';
import { openDestination, type Destination } from '../destination.js';
import { ExitCode } from '../exit-codes.js';
import { describeFailure, type FailureContext } from '../failure-message.js';
import { createFormatWriter } from '../formats/create-format-writer.js';
import type { ExportProgress, FormatWriter } from '../formats/format-writer.js';
import {
  baseUrlVariable,
  resolveBaseUrl,
  resolveListSettings,
  type ListSettings,
} from '../list-settings.js';
import { createCliLogger } from '../logger.js';
import type { ListCommandOptions } from '../options.js';
import { createProgressBar, silentProgress, type Progress } from '../progress.js';
import { createRedactor } from '../redact.js';
import { exportPages } from './export-pages.js';

/** Prints a failure line, and the usage hint when asked. */
export type FailurePrinter = (message: string, usage: boolean) => void;

/**
 * Runs `fatora clients list` and resolves to the exit code. A failure is
 * printed as one line through `printFailure`, followed by its stack trace
 * under `--debug`, and turned into the exit code instead of being thrown.
 */
export async function runClientsList(
  options: ListCommandOptions,
  context: CliContext,
  printFailure: FailurePrinter,
): Promise<number> {
  const failureContext: FailureContext = {
    baseUrl: '',
    baseUrlSource: options.baseUrl === undefined ? baseUrlVariable : '--base-url',
    token: undefined,
  };
  let redact = createRedactor(undefined);
  try {
    failureContext.baseUrl = resolveBaseUrl(options.baseUrl, context.env);
    const settings = await resolveListSettings(options, context.env, context.stdout.isTTY);
    failureContext.token = settings.token;
    redact = createRedactor(settings.token.token);
    return await listClients(settings, context, printFailure);
  } catch (error) {
    const report = describeFailure(error, failureContext);
    if (report.message !== undefined) printFailure(redact(report.message), report.usage);
    if (options.debug && error instanceof Error && error.stack) {
      context.stderr.write(`${redact(formatStack(error))}\n`);
    }
    return report.exitCode;
  }
}

async function listClients(
  settings: ListSettings,
  context: CliContext,
  printFailure: FailurePrinter,
): Promise<number> {
  const showProgress = settings.mode === 'all' && context.stderr.isTTY && !settings.quiet;
  const progress = showProgress ? createProgressBar(context.stderr) : silentProgress;
  const fatora = createClient(settings, context.stderr, progress);
  const destination = await openDestination(settings.output, context.stdout);
  const writer = createFormatWriter(settings.format, destination.stream, settings.mode);
  const state: ExportProgress = { clients: 0, pages: 0, total: undefined };

  try {
    if (settings.mode === 'all') {
      const rowsShareTerminal = !destination.isFile && context.stdout.isTTY;
      const signal = context.signal;
      await exportPages({ fatora, settings, writer, progress, state, signal, rowsShareTerminal });
    } else {
      await writeOnePage(fatora, settings, writer, state, context.signal);
    }
    progress.stop();
    await writer.finish(state);
    throwOutputFailure(destination);
    await destination.commit();
    return ExitCode.success;
  } catch (error) {
    progress.stop();
    // Read the output failure first: discarding the file destroys its
    // stream, which fails any write still in flight.
    const outputFailure = destination.failure();
    await stopOutput(writer, destination);
    const interruptCode = context.interruptExitCode();
    if (interruptCode === undefined) throw outputFailure ?? error;
    printFailure(describeInterruption(state, destination), false);
    return interruptCode;
  }
}

/** Creates the API client, with the `--debug` logger when asked for. */
function createClient(
  settings: ListSettings,
  stderr: NodeJS.WriteStream,
  progress: Progress,
): FatoraClient {
  const logger = createCliLogger({
    stderr,
    redact: createRedactor(settings.token.token),
    beforeWrite: () => {
      progress.clearLine();
    },
  });
  return createFatoraClient({
    token: settings.token.token,
    baseUrl: settings.baseUrl,
    ...(settings.timeoutMs === undefined ? {} : { timeoutMs: settings.timeoutMs }),
    ...(settings.maxRetries === undefined ? {} : { maxRetries: settings.maxRetries }),
    ...(settings.debug ? { logger } : {}),
  });
}

/** Fetches the page that `--page` names (default 1) and writes it. */
async function writeOnePage(
  fatora: FatoraClient,
  settings: ListSettings,
  writer: FormatWriter,
  state: ExportProgress,
  signal: AbortSignal,
): Promise<void> {
  const query = {
    ...settings.filters,
    ...(settings.page === undefined ? {} : { page: settings.page }),
  };
  const page = await fatora.clients.list(query, { signal });
  await writer.writeClients(page.clients, page);
  Object.assign(state, { clients: page.clients.length, pages: 1, total: page.total });
}

/** Closes what the output left open and drops an unfinished `--output` file. */
async function stopOutput(writer: FormatWriter, destination: Destination): Promise<void> {
  if (!destination.failure()) await writer.close().catch(() => undefined);
  await destination.discard();
}

function throwOutputFailure(destination: Destination): void {
  const failure = destination.failure();
  if (failure) throw failure;
}

function describeInterruption(state: ExportProgress, destination: Destination): string {
  const fetched =
    state.total === undefined
      ? 'interrupted before the first page arrived'
      : `interrupted after ${state.clients} of ${state.total} clients`;
  if (destination.isFile) return `${fetched}: ${destination.target} was not written`;
  if (state.clients === 0) return fetched;
  return `${fetched}: the rows written so far are complete`;
}

function formatStack(error: Error): string {
  let text = error.stack ?? String(error);
  let cause: unknown = error.cause;
  while (cause instanceof Error) {
    text += `\ncaused by: ${cause.stack ?? String(cause)}`;
    cause = cause.cause;
  }
  return text;
}

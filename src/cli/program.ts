import { Command, Option } from 'commander';
import packageJson from '../../package.json' with { type: 'json' };
import { outputFormats } from './formats/format-writer.js';
import {
  parseBaseUrl,
  parseNonNegativeInteger,
  parsePositiveInteger,
  type ListCommandOptions,
} from './options.js';

/** Runs `clients list` with its parsed options. */
export type ListAction = (options: ListCommandOptions) => Promise<void>;

/** Output functions for help, the version and commander's own error messages. */
export interface ProgramOutput {
  writeOut(text: string): void;
  writeErr(text: string): void;
}

const environmentHelp = `
Environment:
  FATORA_TOKEN     API token, used unless --token-file is given
  FATORA_BASE_URL  base URL, used unless --base-url is given

Exit codes:
  0    success
  1    the API, the network or writing the output failed
  2    invalid command line or missing token
  130  interrupted with Ctrl-C`;

const listExamples = `
Examples:
  $ fatora clients list --keyword example
  $ fatora clients list --all --format csv --output clients.csv
  $ FATORA_BASE_URL=http://127.0.0.1:4010 fatora clients list   # against npm run mock`;

/**
 * Builds the `fatora` command tree. Commander errors do not exit the
 * process: they are thrown as `CommanderError`, so the caller picks the
 * exit code.
 */
export function createProgram(listAction: ListAction, output: ProgramOutput): Command {
  const program = new Command('fatora')
    .description('Read clients from the Fatora invoicing API.')
    .version(packageJson.version, '-V, --version', 'print the version number')
    .helpOption('-h, --help', 'print help for a command')
    .helpCommand(false)
    .configureOutput(output)
    .showHelpAfterError("(run 'fatora --help' for usage)")
    .exitOverride()
    .addHelpText('after', environmentHelp);

  const clients = program
    .command('clients')
    .description("Work with the merchant's clients.")
    .showHelpAfterError("(run 'fatora clients --help' for usage)");

  clients
    .command('list')
    .description('List clients, one page or --all of them.')
    .showHelpAfterError("(run 'fatora clients list --help' for usage)")
    .option('--keyword <text>', 'only clients that match this text')
    .option('--email <address>', 'only clients with this e-mail address')
    .addOption(
      new Option('--page <n>', 'page to fetch, from 1 (default: the first)')
        .argParser(parsePositiveInteger)
        .conflicts('all'),
    )
    .option(
      '--page-size <n>',
      'clients per page to request; the server may return fewer',
      parsePositiveInteger,
    )
    .option('--all', 'fetch every page, writing rows as they arrive')
    .option('--max-items <n>', 'with --all: stop after this many clients', parsePositiveInteger)
    .addOption(
      new Option(
        '--format <format>',
        'output format (default: table on a terminal, else json)',
      ).choices(outputFormats),
    )
    .option('--output <file>', 'write to this file, replaced only when the listing completes')
    .option(
      '--base-url <url>',
      'API base URL including /v1 (default: FATORA_BASE_URL, else https://api.fatora.io/v1)',
      parseBaseUrl,
    )
    .option(
      '--timeout <ms>',
      'time limit for each request attempt, in milliseconds',
      parsePositiveInteger,
    )
    .option(
      '--max-retries <n>',
      'retries of a failed request (rate limit, server or network error)',
      parseNonNegativeInteger,
    )
    .option('--token-file <path>', 'read the API token from this file instead of FATORA_TOKEN')
    .option('--quiet', 'draw no progress bar on stderr')
    .option('--debug', 'log each request and retry to stderr, and print stack traces')
    .addHelpText('after', `${listExamples}\n${environmentHelp}`)
    .action(listAction);

  return program;
}

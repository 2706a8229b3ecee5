import { parse } from 'csv-parse/sync';
import { testToken } from './cli-process.js';

/** Environment for a CLI run against `baseUrl` with the test token. */
export function cliEnv(
  baseUrl: string,
  extra: Record<string, string> = {},
): Record<string, string> {
  return { FATORA_TOKEN: testToken, FATORA_BASE_URL: baseUrl, ...extra };
}

/** Splits output into lines, without the empty string after the last line end. */
export function lines(text: string, separator: string | RegExp = '\n'): string[] {
  const parts = text.split(separator);
  if (parts.at(-1) === '') parts.pop();
  return parts;
}

/** Parses CSV with a header row into one object per record, keyed by column. */
export function parseCsv(text: string): Array<Record<string, string>> {
  return parse<Record<string, string>>(text, { columns: true });
}

import { InvalidArgumentError } from 'commander';
import type { OutputFormat } from './formats/format-writer.js';

/** The options of `fatora clients list`, as commander parses them. */
export interface ListCommandOptions {
  keyword?: string;
  email?: string;
  page?: number;
  pageSize?: number;
  all?: boolean;
  maxItems?: number;
  format?: OutputFormat;
  output?: string;
  baseUrl?: string;
  timeout?: number;
  maxRetries?: number;
  tokenFile?: string;
  quiet?: boolean;
  debug?: boolean;
}

const integerPattern = /^\d+$/;

/** Parses an option value that must be an integer of 1 or more. */
export function parsePositiveInteger(value: string): number {
  const number = parseInteger(value);
  if (number === undefined || number < 1) {
    throw new InvalidArgumentError('Expected a whole number of 1 or more.');
  }
  return number;
}

/** Parses an option value that must be an integer of 0 or more. */
export function parseNonNegativeInteger(value: string): number {
  const number = parseInteger(value);
  if (number === undefined) throw new InvalidArgumentError('Expected a whole number of 0 or more.');
  return number;
}

function parseInteger(value: string): number | undefined {
  const trimmed = value.trim();
  if (!integerPattern.test(trimmed)) return undefined;
  const number = Number(trimmed);
  return Number.isSafeInteger(number) ? number : undefined;
}

/** Parses `--base-url`: an absolute http or https URL. */
export function parseBaseUrl(value: string): string {
  if (!isHttpUrl(value)) {
    throw new InvalidArgumentError(
      'Expected an absolute http or https URL, such as https://api.fatora.io/v1.',
    );
  }
  return value;
}

/** Returns whether `value` is an absolute URL with the http or https scheme. */
export function isHttpUrl(value: string): boolean {
  if (!URL.canParse(value)) return false;
  const { protocol } = new URL(value);
  return protocol === 'https:' || protocol === 'http:';
}

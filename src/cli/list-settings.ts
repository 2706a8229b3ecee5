import { DEFAULT_BASE_URL } from '../index.js';
import type { ListMode, OutputFormat } from './formats/format-writer.js';
import { isHttpUrl, type ListCommandOptions } from './options.js';
import { readToken, type TokenSource } from './token.js';
import { UsageError } from './usage-error.js';

/** Name of the environment variable that overrides the production base URL. */
export const baseUrlVariable = 'FATORA_BASE_URL';

/** The filters that `clients list` sends with every request. */
export interface ListFilters {
  keyword?: string;
  email?: string;
  page_size?: number;
}

/** Everything `clients list` needs, resolved from flags, environment and terminal. */
export interface ListSettings {
  token: TokenSource;
  baseUrl: string;
  format: OutputFormat;
  mode: ListMode;
  filters: ListFilters;
  /** `--page`, for `page` mode. */
  page: number | undefined;
  /** `--max-items`, for `all` mode. */
  maxItems: number | undefined;
  /** `--output`, or `undefined` for stdout. */
  output: string | undefined;
  timeoutMs: number | undefined;
  maxRetries: number | undefined;
  quiet: boolean;
  debug: boolean;
}

/**
 * Resolves the base URL: `--base-url`, else `FATORA_BASE_URL`, else the
 * production URL. Throws a {@link UsageError} for an invalid `FATORA_BASE_URL`.
 */
export function resolveBaseUrl(flag: string | undefined, env: NodeJS.ProcessEnv): string {
  if (flag !== undefined) return flag;
  const fromEnv = env[baseUrlVariable]?.trim();
  if (!fromEnv) return DEFAULT_BASE_URL;
  if (!isHttpUrl(fromEnv)) {
    throw new UsageError(
      `invalid ${baseUrlVariable} ${JSON.stringify(fromEnv)}: set it to an absolute http or https URL, such as ${DEFAULT_BASE_URL}`,
    );
  }
  return fromEnv;
}

/**
 * Resolves the settings of `clients list`. The format defaults to `table`
 * when the data goes to a terminal and to `json` otherwise. Throws a
 * {@link UsageError} for options that do not fit together or a missing token.
 */
export async function resolveListSettings(
  options: ListCommandOptions,
  env: NodeJS.ProcessEnv,
  stdoutIsTerminal: boolean,
): Promise<ListSettings> {
  const mode: ListMode = options.all ? 'all' : 'page';
  if (options.maxItems !== undefined && mode === 'page') {
    throw new UsageError(
      '--max-items applies to --all only: add --all, or use --page-size to limit one page',
    );
  }

  const baseUrl = resolveBaseUrl(options.baseUrl, env);
  const token = await readToken(options.tokenFile, env);
  const toTerminal = options.output === undefined && stdoutIsTerminal;

  return {
    token,
    baseUrl,
    format: options.format ?? (toTerminal ? 'table' : 'json'),
    mode,
    filters: {
      ...(options.keyword === undefined ? {} : { keyword: options.keyword }),
      ...(options.email === undefined ? {} : { email: options.email }),
      ...(options.pageSize === undefined ? {} : { page_size: options.pageSize }),
    },
    page: options.page,
    maxItems: options.maxItems,
    output: options.output,
    timeoutMs: options.timeout,
    maxRetries: options.maxRetries,
    quiet: options.quiet ?? false,
    debug: options.debug ?? false,
  };
}

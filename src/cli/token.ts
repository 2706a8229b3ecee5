import { readFile } from 'node:fs/promises';
import { UsageError } from './usage-error.js';

/** Name of the environment variable that contains the API token. */
export const tokenVariable = 'FATORA_TOKEN';

/** The API token and its origin, so that error messages can name the place to fix it. */
export interface TokenSource {
  token: string;
  /** `env` for `FATORA_TOKEN`, `file` for `--token-file`. */
  origin: 'env' | 'file';
  /** The `--token-file` path, when `origin` is `file`. */
  path?: string;
}

/**
 * Reads the token from `--token-file` when given, else from `FATORA_TOKEN`,
 * trimmed of surrounding white space, such as the line end of a file.
 * Throws a {@link UsageError} when neither yields a token.
 */
export async function readToken(
  tokenFile: string | undefined,
  env: NodeJS.ProcessEnv,
): Promise<TokenSource> {
  if (tokenFile !== undefined) return readTokenFile(tokenFile);

  const token = env[tokenVariable]?.trim() ?? '';
  if (token === '') {
    throw new UsageError(
      `missing token: set ${tokenVariable} or pass --token-file PATH with the API token`,
    );
  }
  return { token, origin: 'env' };
}

async function readTokenFile(path: string): Promise<TokenSource> {
  let contents: string;
  try {
    contents = await readFile(path, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? 'unknown error';
    throw new UsageError(
      `could not read --token-file ${path} (${code}): give the path of a readable file that contains the API token`,
    );
  }

  const token = contents.trim();
  if (token === '') {
    throw new UsageError(`--token-file ${path} is empty: write the API token into it`);
  }
  return { token, origin: 'file', path };
}

/** Writing the output failed: stdout or the `--output` file. */
export class OutputError extends Error {
  override name = 'OutputError';
  /** `stdout`, or the path of the `--output` file. */
  readonly target: string;
  /** The system error code, such as `ENOSPC` or `EPIPE`, when there is one. */
  readonly code: string | undefined;

  constructor(target: string, cause: unknown) {
    const code = (cause as NodeJS.ErrnoException | undefined)?.code;
    super(`could not write ${target}${code ? ` (${code})` : ''}`, { cause });
    this.target = target;
    this.code = code;
  }
}

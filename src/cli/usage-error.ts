/**
 * An invalid command line that commander cannot detect by itself, such as a
 * missing token or two options that exclude each other. The command prints
 * the message with the usage hint and exits with code 2.
 */
export class UsageError extends Error {
  override name = 'UsageError';
}

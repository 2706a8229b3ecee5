/** A bearer credential: the b64token characters of RFC 6750, section 2.1. */
const bearerPattern = /(Bearer\s+)[A-Za-z0-9\-._~+/]+=*/gi;

/**
 * Shortest token that is replaced wherever it occurs. A shorter one, such
 * as a placeholder typed by hand, would also match inside ordinary words of
 * a message. A real token is a JWT: three base64url parts, far longer.
 */
const minimumSecretLength = 8;

/**
 * Creates a function that replaces every occurrence of `secret`, and any
 * bearer credential, in text bound for the terminal with `[redacted]`.
 */
export function createRedactor(secret: string | undefined): (text: string) => string {
  return (text) => {
    let redacted = text.replace(bearerPattern, '$1[redacted]');
    if (secret && secret.length >= minimumSecretLength)
      redacted = redacted.split(secret).join('[redacted]');
    return redacted;
  };
}

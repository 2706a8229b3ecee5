/**
 * Checks that openapi.yaml's `info.version` equals package.json's
 * `version`, so the spec and the package are released together.
 */

/** Returns an error message when the versions differ or are missing, else `undefined`. */
export function findVersionMismatch(
  specVersion: unknown,
  packageVersion: unknown,
): string | undefined {
  if (typeof specVersion !== 'string' || specVersion === '')
    return 'openapi.yaml has no info.version. Set it to the version in package.json.';
  if (typeof packageVersion !== 'string' || packageVersion === '')
    return 'package.json has no version. Set it to info.version from openapi.yaml.';
  if (specVersion === packageVersion) return undefined;
  return (
    `Version mismatch: openapi.yaml info.version is ${specVersion} but package.json version ` +
    `is ${packageVersion}. Set both to the version being released.`
  );
}

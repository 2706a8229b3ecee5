/**
 * Settings of the live contract suite, passed by `npm run contract:live`
 * (scripts/contract-live.ts) through the environment.
 */

/** Environment variable with the URL of the Prism proxy that the live suite sends requests to. */
export const proxyUrlVariable = 'FATORA_LIVE_PROXY_URL';

/** Returns the Prism proxy URL and the token, or throws when the suite runs on its own. */
export function readLiveEnvironment(): { proxyUrl: string; token: string } {
  const proxyUrl = process.env[proxyUrlVariable];
  const token = process.env.FATORA_TOKEN;
  if (!proxyUrl || !token)
    throw new Error(
      `The live contract suite needs ${proxyUrlVariable} and FATORA_TOKEN. ` +
        'Run it with `npm run contract:live`, which starts the Prism proxy and sets both.',
    );
  return { proxyUrl, token };
}

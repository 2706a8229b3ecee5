/**
 * Opens a local HTML file in Debian's Chromium with every network request
 * blocked, and records what the page tried to load.
 */
import { existsSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';

/** Debian's Chromium, from `apt-get install -y chromium`. */
export const chromiumPath = '/usr/bin/chromium';

/** Tells a reader how to get the browser that the docs tests drive. */
export const chromiumMissingMessage =
  `Chromium is not installed at ${chromiumPath}, so the docs browser test cannot run. ` +
  'Install it with `apt-get update && apt-get install -y chromium` and run `npm run test:docs` again.';

/** Returns whether the browser that the docs tests drive is installed. */
export function isChromiumInstalled(): boolean {
  return existsSync(chromiumPath);
}

/** Starts headless Chromium without a sandbox, GPU or background requests. */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: chromiumPath,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'],
  });
}

/** A page opened from disk with the network cut off. */
export interface OfflinePage {
  page: Page;
  /** Every request the page sent other than the HTML file itself; each one was aborted. */
  abortedRequests: string[];
  /** URLs that the page's Content-Security-Policy stopped before any request was sent. */
  cspBlockedUrls(): Promise<string[]>;
  close(): Promise<void>;
}

declare global {
  interface Window {
    cspBlockedUrls?: string[];
  }
}

async function blockNetwork(context: BrowserContext, pageUrl: string): Promise<string[]> {
  const aborted: string[] = [];
  await context.route('**/*', async (route) => {
    const url = route.request().url();
    if (url === pageUrl) {
      await route.continue();
      return;
    }
    aborted.push(url);
    await route.abort('blockedbyclient');
  });
  return aborted;
}

/** Opens `htmlPath` with every request except the file itself aborted and recorded. */
export async function openOffline(browser: Browser, htmlPath: string): Promise<OfflinePage> {
  const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
  const pageUrl = pathToFileURL(htmlPath).href;
  const abortedRequests = await blockNetwork(context, pageUrl);

  // A request that the page's policy stops never reaches the network, so the
  // route above cannot see it. The page reports it as an event instead.
  await context.addInitScript(() => {
    window.cspBlockedUrls = [];
    document.addEventListener('securitypolicyviolation', (event) => {
      window.cspBlockedUrls?.push(event.blockedURI);
    });
  });

  const page = await context.newPage();
  await page.goto(pageUrl, { waitUntil: 'load' });

  return {
    page,
    abortedRequests,
    cspBlockedUrls: () => page.evaluate(() => [...(window.cspBlockedUrls ?? [])]),
    close: () => context.close(),
  };
}

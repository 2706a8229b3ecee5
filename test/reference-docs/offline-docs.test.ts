import { existsSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import {
  loadOpenApiDocument,
  resolveReference,
  rootDir,
} from '../../scripts/lib/openapi-document.js';
import { buildDocs } from './build-docs.js';
import { findMissingContent, type ExpectedDocsContent } from './docs-content.js';
import {
  chromiumMissingMessage,
  isChromiumInstalled,
  launchChromium,
  openOffline,
} from './offline-browser.js';

const docsPath = resolve(rootDir, 'docs/index.html');
const screenshotPath = resolve(rootDir, 'docs/screenshot.png');

/**
 * Redoc 3 always renders an attribution logo from this CDN, and no option
 * removes it. The page's Content-Security-Policy stops it before it is sent.
 */
const attributionLogo = /^https:\/\/cdn\.redoc\.ly\/redoc\/logo-mini(-full)?\.svg$/;

function exampleSummary(name: string): { name: string; summary: string } {
  const spec = loadOpenApiDocument();
  const media = spec.paths['/clients']?.get?.responses['200'];
  const examples = resolveReference(spec, media)?.content?.['application/json']?.examples as
    Record<string, { summary?: string }> | undefined;
  const summary = examples?.[name]?.summary;
  if (summary === undefined)
    throw new Error(
      `openapi.yaml has no 200 example "${name}" with a summary. Add the example or fix its name here.`,
    );
  return { name, summary };
}

const expected: ExpectedDocsContent = {
  operationSummary: 'List clients',
  tagName: 'Clients',
  queryParameters: ['keyword', 'email', 'page', 'page_size'],
  responseStatuses: ['400', '401', '404', '429', '500', 'default'],
  examples: ['firstPage', 'lastPageWithNullNotes', 'emptyResult'].map(exampleSummary),
};

const chromiumInstalled = isChromiumInstalled();
let browser: Browser | undefined;
let workDir: string;

beforeAll(async () => {
  workDir = await mkdtemp(join(tmpdir(), 'fatora-docs-'));
  if (chromiumInstalled) browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  await rm(workDir, { recursive: true, force: true });
});

describe('docs/index.html offline', () => {
  it('shows the clients operation with no network', async (context) => {
    if (!browser) return context.skip(chromiumMissingMessage);
    expect(existsSync(docsPath), `${docsPath} is missing: run \`npm run docs\` first`).toBe(true);

    const offline = await openOffline(browser, docsPath);
    try {
      const missing = await findMissingContent(offline.page, expected);
      await offline.page.screenshot({ path: screenshotPath, fullPage: true });

      expect(missing).toEqual([]);
      expect(offline.abortedRequests).toEqual([]);
      const blocked = await offline.cspBlockedUrls();
      const blockedHosts = blocked.filter(
        (url) => /^https?:/.test(url) && !attributionLogo.test(url),
      );
      expect(blockedHosts).toEqual([]);
    } finally {
      await offline.close();
    }
  });

  it('fails for docs built without the operation', async (context) => {
    if (!browser) return context.skip(chromiumMissingMessage);

    const spec = loadOpenApiDocument() as unknown as Record<string, unknown>;
    const specPath = join(workDir, 'without-clients.yaml');
    const htmlPath = join(workDir, 'without-clients.html');
    await writeFile(specPath, stringify({ ...spec, paths: {} }));
    await buildDocs(specPath, htmlPath);

    const offline = await openOffline(browser, htmlPath);
    try {
      const missing = await findMissingContent(offline.page, expected);

      expect(missing).not.toEqual([]);
      expect(missing.join('\n')).toContain('List clients');
      expect(missing).toContain('query parameter "page_size"');
      expect(missing).toContain('response status "429"');
      expect(missing).toContain('example emptyResult ("No client matches the filters")');
    } finally {
      await offline.close();
    }
  });
});

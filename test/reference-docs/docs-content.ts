/**
 * Checks that the rendered reference page shows what a reader of
 * `GET /clients` needs: the operation, its query parameters, its error
 * responses and the named examples of its 200 response.
 */
import type { Locator, Page } from 'playwright-core';

/** What the page must show. */
export interface ExpectedDocsContent {
  /** The operation's `summary`, shown as its heading and sidebar entry. */
  operationSummary: string;
  /** The tag that groups the operation in the sidebar. */
  tagName: string;
  queryParameters: string[];
  /** Response status tabs, for example `400` or `default`. */
  responseStatuses: string[];
  /** Named examples of the 200 response. Redoc lists each by its `summary`. */
  examples: Array<{ name: string; summary: string }>;
}

/** How long to wait for the page to render the operation once it is selected. */
const renderTimeoutMs = 10_000;

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

function exactText(text: string): RegExp {
  return new RegExp(`^${escapeRegExp(text)}$`);
}

/**
 * Finds a heading by its visible text. Redoc puts a "link to <heading>" anchor
 * inside each heading, so the accessible name repeats the text.
 */
function headingWithText(page: Page, text: string): Locator {
  return page.getByRole('heading').filter({ hasText: exactText(text) });
}

/** Returns whether `locator` is visible now or, given `timeoutMs`, becomes visible within it. */
async function isShown(locator: Locator, timeoutMs?: number): Promise<boolean> {
  // Playwright treats a timeout of 0 as "wait forever", so a check without a
  // wait uses isVisible().
  if (timeoutMs === undefined) return locator.first().isVisible();
  try {
    await locator.first().waitFor({ state: 'visible', timeout: timeoutMs });
    return true;
  } catch {
    return false;
  }
}

/** Selects the operation in the sidebar, as a reader would, and waits for its heading. */
async function openOperation(page: Page, expected: ExpectedDocsContent): Promise<string[]> {
  const tagLink = page.getByRole('link', { name: expected.tagName, exact: true });
  if (!(await isShown(tagLink, renderTimeoutMs))) return [`sidebar tag "${expected.tagName}"`];
  await tagLink.first().click();

  // The entry's accessible name ends with the HTTP method badge, as in "List clients GET".
  const operationLink = page.getByRole('link', {
    name: new RegExp(`^${escapeRegExp(expected.operationSummary)}\\b`),
  });
  if (!(await isShown(operationLink, renderTimeoutMs)))
    return [`sidebar entry "${expected.operationSummary}"`];
  await operationLink.first().click();

  const heading = headingWithText(page, expected.operationSummary);
  if (!(await isShown(heading, renderTimeoutMs)))
    return [`operation heading "${expected.operationSummary}"`];
  return [];
}

async function findMissingParameters(page: Page, names: string[]): Promise<string[]> {
  const missing: string[] = [];
  for (const name of names) {
    const parameter = page.locator('.schema-name').filter({ hasText: exactText(name) });
    if (!(await isShown(parameter))) missing.push(`query parameter "${name}"`);
  }
  return missing;
}

async function findMissingStatuses(page: Page, statuses: string[]): Promise<string[]> {
  const responses = headingWithText(page, 'Responses');
  if (await isShown(responses)) await responses.first().scrollIntoViewIfNeeded();

  const tabs = page.getByRole('tablist', { name: 'Response status' });
  const missing: string[] = [];
  for (const status of statuses) {
    const tab = tabs.getByRole('tab', { name: status, exact: true });
    if (!(await isShown(tab))) missing.push(`response status "${status}"`);
  }
  return missing;
}

async function findMissingExamples(
  page: Page,
  examples: ExpectedDocsContent['examples'],
): Promise<string[]> {
  const describe = (example: { name: string; summary: string }) =>
    `example ${example.name} ("${example.summary}")`;
  const picker = page.getByRole('button', { name: 'Example', exact: true });
  if (!(await isShown(picker))) return examples.map(describe);

  await picker.first().click();
  const missing: string[] = [];
  for (const example of examples) {
    const item = page.getByRole('menuitem', { name: example.summary, exact: true });
    if (!(await isShown(item))) missing.push(describe(example));
  }
  await page.keyboard.press('Escape');
  return missing;
}

/**
 * Returns a description of each expected item that the page does not show.
 * An empty list means the page shows everything.
 */
export async function findMissingContent(
  page: Page,
  expected: ExpectedDocsContent,
): Promise<string[]> {
  const missingOperation = await openOperation(page, expected);
  return [
    ...missingOperation,
    ...(await findMissingParameters(page, expected.queryParameters)),
    ...(await findMissingStatuses(page, expected.responseStatuses)),
    ...(await findMissingExamples(page, expected.examples)),
  ];
}

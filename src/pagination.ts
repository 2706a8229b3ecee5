/**
 * Walks the pages of `GET /clients` lazily. The loop trusts what the server
 * returned (its `page_size` and `total`), and guards against servers that
 * ignore `page`, repeat pages or report a wrong `total`:
 *
 * - it stops after an empty page, after the last page that `total` and the
 *   returned `page_size` imply, and after `total: 0`;
 * - it throws {@link FatoraResponseError} when a page returns a different
 *   page number than requested, or repeats the clients of an earlier page;
 * - it skips clients that the previous page already had, which happens
 *   when a client is added while the pages are walked.
 *
 * Memory stays constant: only one page and the ids of the previous page are
 * kept, plus one short fingerprint per page.
 */
import { FatoraResponseError, type RequestContext } from './errors.js';
import type { Client, ClientList, ListClientsQuery } from './types.js';

/** Fetches one page; supplied by the client so that retries and validation apply. */
export type PageFetcher = (query: ListClientsQuery) => Promise<ClientList>;

export interface PaginationLimits {
  maxItems: number;
  maxPages: number;
  /** The caller's signal; `paginateItems` checks it before yielding each client. */
  signal?: AbortSignal | undefined;
}

/** Hashes a page's client ids into a short key, to recognise a page that comes back. */
function fingerprint(clients: readonly Client[]): string {
  let low = 0x811c9dc5;
  let high = 0x01000193;
  for (const client of clients) {
    const id = String(client.id);
    for (let index = 0; index < id.length; index++) {
      const code = id.charCodeAt(index);
      low = Math.imul(low ^ code, 0x01000193) >>> 0;
      high = Math.imul(high ^ code, 0x5bd1e995) >>> 0;
    }
    low = Math.imul(low ^ 0x2c, 0x01000193) >>> 0;
  }
  return `${clients.length}:${low.toString(36)}:${high.toString(36)}`;
}

function lastPageOf(body: ClientList): number {
  return Math.max(1, Math.ceil(body.total / body.page_size));
}

/**
 * Yields each page of clients in order. Each yielded page carries only the
 * clients not seen on the previous page, so no client is yielded twice in a row.
 */
export async function* paginate(
  fetchPage: PageFetcher,
  query: ListClientsQuery,
  limits: PaginationLimits,
  context: RequestContext,
): AsyncGenerator<ClientList, void, undefined> {
  const seenPages = new Set<string>();
  let previousIds = new Set<Client['id']>();
  let page = query.page ?? 1;
  let pagesFetched = 0;
  let itemsYielded = 0;

  for (;;) {
    const body = await fetchPage({ ...query, page });
    pagesFetched++;

    const fail = (reason: string): never => {
      throw new FatoraResponseError(
        { ...context, status: 200, body },
        reason,
        'Pagination stopped before yielding a duplicate; fetch the remaining pages with clients.list.',
      );
    };
    if (body.page !== page) fail(`page ${page} was requested but page ${body.page} was returned`);
    if (body.clients.length === 0) return;

    const pageFingerprint = fingerprint(body.clients);
    if (seenPages.has(pageFingerprint)) fail(`page ${page} repeats the clients of an earlier page`);
    seenPages.add(pageFingerprint);

    const fresh = body.clients.filter((client) => !previousIds.has(client.id));
    if (fresh.length === 0) fail(`page ${page} contains only clients of the previous page`);
    previousIds = new Set(body.clients.map((client) => client.id));

    yield fresh.length === body.clients.length ? body : { ...body, clients: fresh };
    itemsYielded += fresh.length;

    if (page >= lastPageOf(body)) return;
    if (pagesFetched >= limits.maxPages || itemsYielded >= limits.maxItems) return;
    page++;
  }
}

/** Yields clients one by one across pages, up to `limits.maxItems`. */
export async function* paginateItems(
  fetchPage: PageFetcher,
  query: ListClientsQuery,
  limits: PaginationLimits,
  context: RequestContext,
): AsyncGenerator<Client, void, undefined> {
  let remaining = limits.maxItems;
  for await (const body of paginate(fetchPage, query, limits, context)) {
    for (const client of body.clients) {
      // The rest of a fetched page needs no request, which would notice the abort.
      limits.signal?.throwIfAborted();
      yield client;
      remaining--;
      if (remaining <= 0) return;
    }
  }
}

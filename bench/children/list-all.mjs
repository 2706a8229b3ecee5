/**
 * Measured child of bench/pagination.ts: walks every client of a directory
 * with `fatora.clients.listAll`. It prints JSON with the count, the loop's
 * seconds, the RSS after each quarter of the clients, and the heap still in
 * use after a full garbage collection, which shows whether memory grows
 * with the count. Plain JavaScript on the bundled client, so that no TypeScript
 * loader adds to the peak RSS. Run with `node --expose-gc`.
 * Arguments: <bundle path> <base URL> <page size> <expected total>; the
 * token comes from FATORA_TOKEN.
 */
import { pathToFileURL } from 'node:url';

const [bundlePath, baseUrl, pageSizeText, totalText] = process.argv.slice(2);
const total = Number(totalText);
const { createFatoraClient } = await import(pathToFileURL(bundlePath).href);

const megabytes = (bytes) => Math.round((bytes / 1024 / 1024) * 10) / 10;
const fatora = createFatoraClient({ token: process.env.FATORA_TOKEN, baseUrl });
const rssMbAtQuarter = [];
const started = process.hrtime.bigint();
let clients = 0;
for await (const client of fatora.clients.listAll({ page_size: Number(pageSizeText) })) {
  if (client.id !== clients + 1) {
    throw new Error(`listAll yielded client ${client.id} at position ${clients + 1}`);
  }
  clients++;
  if (clients % (total / 4) === 0) rssMbAtQuarter.push(megabytes(process.memoryUsage.rss()));
}
const seconds = Number(process.hrtime.bigint() - started) / 1e9;
globalThis.gc();
const heapUsedAfterGcMb = megabytes(process.memoryUsage().heapUsed);
console.log(JSON.stringify({ clients, seconds, rssMbAtQuarter, heapUsedAfterGcMb }));

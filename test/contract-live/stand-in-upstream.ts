/**
 * Handlers for a stand-in provider on 127.0.0.1 that the live contract
 * check is tested against: one that follows openapi.yaml, and one that
 * deviates from it in known ways.
 */
import {
  clientDirectory,
  errorBody,
  syntheticClient,
  type FaultHandler,
  type RecordedRequest,
} from '../support/fault-server.js';

/** The only token the stand-in accepts. */
export const standInToken = 'stand-in-token';

function rejectsToken(request: RecordedRequest): boolean {
  return request.headers.authorization !== `Bearer ${standInToken}`;
}

const unauthorized = { kind: 'json', status: 401, body: errorBody(401, 'unauthorized') } as const;

/** Serves a directory of 7 clients as the spec describes, and 401 for any other token. */
export function conformingUpstream(): FaultHandler {
  const directory = clientDirectory({ total: 7 });
  return (request) => (rejectsToken(request) ? unauthorized : directory(request));
}

/** Builds a client without the required `email` field. */
export function clientWithoutEmail(): Record<string, unknown> {
  const client = syntheticClient(1);
  delete client.email;
  return client;
}

/**
 * Deviates from the spec in three ways: page 1 lacks a client's required
 * `email`, page 2 sends `total` as a string, and a keyword search returns
 * status 418, which openapi.yaml does not list.
 */
export function deviatingUpstream(): FaultHandler {
  return (request) => {
    if (rejectsToken(request)) return unauthorized;
    if (request.query.has('keyword'))
      return { kind: 'json', status: 418, body: errorBody(418, "I'm a teapot") };
    const page = Number(request.query.get('page') ?? '1');
    const body =
      page === 2
        ? { status: 'SUCCESS', clients: [], total: 'seven', page: 2, page_size: 5 }
        : { status: 'SUCCESS', clients: [clientWithoutEmail()], total: 1, page: 1, page_size: 5 };
    return { kind: 'json', status: 200, body };
  };
}

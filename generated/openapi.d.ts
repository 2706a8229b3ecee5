/**
 * This file is generated from openapi.yaml by `npm run generate` (scripts/generate.ts).
 * Do not edit it by hand: change openapi.yaml and run `npm run generate` again.
 */
export type paths = {
    "/clients": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List clients
         * @description Returns one page of the merchant's clients, optionally filtered by a
         *     free-text `keyword` or by `email`.
         *
         *     Pages are numbered from 1. Read `total` from the first response to
         *     learn how many clients match, then request `page=2`, `page=3` and so
         *     on until a page returns no clients or `page * page_size` reaches
         *     `total`. The server may return fewer clients per page than the
         *     `page_size` you requested, so always use the `page_size` from the
         *     response body to compute the number of pages.
         *
         *     Send `Content-Type: application/json` with this request even though
         *     it has no body: the provider documents the header as required.
         *
         *     **Provider variant: trailing slash.** One sample on the provider's
         *     reference page writes the path as `/v1/clients/`, the others as
         *     `/v1/clients`. This document uses the form without the slash.
         */
        get: operations["listClients"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
};
export type webhooks = Record<string, never>;
export type components = {
    schemas: {
        /**
         * @description A client of the merchant. The object may contain fields that this
         *     document does not list yet; consumers must ignore fields they do
         *     not know.
         */
        Client: {
            /**
             * @description Identifier of the client, unique within the merchant's account.
             * @example 1001
             */
            id: number;
            /**
             * @description Full name of the client, a person or a company.
             * @example Example Client One
             */
            name: string;
            /**
             * @description Postal address of the client, as one line of free text.
             * @example 1 Example Street, Example City
             */
            address: string;
            /**
             * @description Phone number of the client, as free text.
             * @example +10000000001
             */
            phone: string;
            /**
             * @description E-mail address of the client, as entered by the merchant.
             * @example client.one@example.com
             */
            email: string;
            /**
             * @description Free-text notes about the client, or `null` when there are none.
             * @example Prefers invoices by e-mail.
             * @example null
             */
            notes: string | null;
        } & {
            [key: string]: unknown;
        };
        /**
         * @description One page of clients with the numbers needed to request the next
         *     page. The object may contain fields that this document does not
         *     list yet; consumers must ignore fields they do not know.
         */
        ClientList: {
            /**
             * @description Outcome of the request. The provider documents `SUCCESS` for this response.
             * @example SUCCESS
             */
            status: string;
            /** @description The clients on this page, in the order the server returns them. */
            clients: components["schemas"]["Client"][];
            /**
             * @description Number of clients that match the filters, counted over all pages.
             * @example 2
             */
            total: number;
            /**
             * @description Number of this page, starting at 1.
             * @example 1
             */
            page: number;
            /**
             * @description Maximum number of clients on each page, as applied by the
             *     server. It can be smaller than the `page_size` requested.
             * @example 20
             */
            page_size: number;
        } & {
            [key: string]: unknown;
        };
        /**
         * @description Error body that the provider documents for failed requests. A
         *     deployment can also answer with another body or with none, for
         *     example an HTML page from a proxy, so consumers must not rely on
         *     this shape for non-2xx responses.
         */
        Error: {
            /**
             * @description Outcome of the request. The provider does not document the value
             *     for errors; the examples in this document use `ERROR`.
             * @example ERROR
             */
            status: string;
            error: components["schemas"]["ErrorDetail"];
        } & {
            [key: string]: unknown;
        };
        /** @description What went wrong with the request. */
        ErrorDetail: {
            /**
             * @description The HTTP status code as a string, for example `"400"`.
             * @example 400
             */
            error_code: string;
            /**
             * @description Human-readable description of the problem, for example `bad request`.
             * @example bad request
             */
            description: string;
        } & {
            [key: string]: unknown;
        };
    };
    responses: {
        /**
         * @description The request is invalid, for example `page=0` or a `page_size` that
         *     is not an integer. Fix the request before you send it again.
         */
        BadRequest: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["Error"];
            };
        };
        /**
         * @description The `Authorization` header is missing, malformed or carries an
         *     expired token. Obtain a new token from the Authorize endpoint.
         */
        Unauthorized: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["Error"];
            };
        };
        /**
         * @description The path does not exist. Check the base URL, which must end in
         *     `/v1`, and the path `/clients`.
         */
        NotFound: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["Error"];
            };
        };
        /**
         * @description Too many requests in a short time. Wait before you send the request
         *     again; if the response has a `Retry-After` header, wait at least as
         *     long as it says.
         */
        TooManyRequests: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["Error"];
            };
        };
        /**
         * @description The server failed to process a valid request. Retry later with
         *     backoff.
         */
        InternalServerError: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["Error"];
            };
        };
        /**
         * @description Any other status. The provider documents only the error body shape,
         *     not the statuses beyond 400, so treat an unlisted 4xx as a problem
         *     with the request and an unlisted 5xx as a server failure.
         */
        UnexpectedError: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["Error"];
            };
        };
    };
    parameters: {
        /**
         * @description Free-text filter. Only clients that match this text are returned.
         *     The provider does not document which fields the text is matched
         *     against.
         * @example example
         */
        Keyword: string;
        /**
         * @description Filter by the client's e-mail address. Any string is accepted, so a
         *     partial address can be sent; the provider does not document whether
         *     the match is exact.
         * @example client.one@example.com
         */
        Email: string;
        /**
         * @description Number of the page to return, starting at 1. The provider states no
         *     default; its samples send 1.
         * @example 1
         */
        Page: number;
        /**
         * @description Number of clients per page that the caller requests. The provider
         *     states no default and no maximum; its samples send 20. The server
         *     may return fewer, and the response's `page_size` is the value that
         *     applies.
         * @example 20
         */
        PageSize: number;
    };
    requestBodies: never;
    headers: never;
    pathItems: never;
};
export type $defs = Record<string, never>;
export interface operations {
    listClients: {
        parameters: {
            query?: {
                /**
                 * @description Free-text filter. Only clients that match this text are returned.
                 *     The provider does not document which fields the text is matched
                 *     against.
                 * @example example
                 */
                keyword?: components["parameters"]["Keyword"];
                /**
                 * @description Filter by the client's e-mail address. Any string is accepted, so a
                 *     partial address can be sent; the provider does not document whether
                 *     the match is exact.
                 * @example client.one@example.com
                 */
                email?: components["parameters"]["Email"];
                /**
                 * @description Number of the page to return, starting at 1. The provider states no
                 *     default; its samples send 1.
                 * @example 1
                 */
                page?: components["parameters"]["Page"];
                /**
                 * @description Number of clients per page that the caller requests. The provider
                 *     states no default and no maximum; its samples send 20. The server
                 *     may return fewer, and the response's `page_size` is the value that
                 *     applies.
                 * @example 20
                 */
                page_size?: components["parameters"]["PageSize"];
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description One page of clients that match the filters. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ClientList"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            404: components["responses"]["NotFound"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalServerError"];
            default: components["responses"]["UnexpectedError"];
        };
    };
}

/**
 * The resource layer of application sessions (`/app/sessions`): list, get, delete. Lists follow the
 * absolute `next_page_uri` the server returns. Errors are thrown as `SessionsApiError` subclasses.
 *
 * @example
 * for await (const session of client.app.sessions.list()) console.log(session.id, session.last_active);
 */
import { type CallOptions, type ClientContext, callInit, checkId, type ListOptions, unwrap } from "./call.js";
import { type AutoPagingList, autoPage } from "./pagination.js";
import type { ApplicationSession, ApplicationSessionList, ApplicationSessionListQuery } from "./types.js";

/**
 * Application sessions of the key's account.
 *
 * @example
 * const session = await client.app.sessions.get("as_01HX2M8Q7V3ZKJ4T6W9YB2C5DE");
 */
export interface ApplicationSessions {
  /**
   * All live application sessions, newest first, across every page (following `next_page_uri`).
   * Nothing is fetched until iteration starts. `query.limit` is the page size; `query.before_id` starts
   * the list after that session.
   *
   * @example
   * const recent = await client.app.sessions.list({ limit: 100 }, { maxItems: 250 }).toArray();
   */
  list(
    query?: ApplicationSessionListQuery,
    options?: ListOptions,
  ): AutoPagingList<ApplicationSession, ApplicationSessionList>;
  /**
   * One page of application sessions. The next one is at `next_page_uri` (or: `before_id` set to the
   * last session's id).
   *
   * @example
   * const page = await client.app.sessions.listPage({ limit: 10 });
   * const last = page.application_sessions.at(-1);
   * if (page.next_page_uri && last) await client.app.sessions.listPage({ limit: 10, before_id: last.id });
   */
  listPage(query?: ApplicationSessionListQuery, options?: CallOptions): Promise<ApplicationSessionList>;
  /**
   * One application session.
   *
   * @throws {NotFoundError} when it expired, was deleted or never existed.
   * @example
   * const { browser_session } = await client.app.sessions.get("as_01HX2M8Q7V3ZKJ4T6W9YB2C5DE");
   */
  get(id: string, options?: CallOptions): Promise<ApplicationSession>;
  /**
   * Deletes an application session. A retried delete whose first attempt did delete answers 404: catch
   * `NotFoundError` when "already gone" is fine.
   *
   * @throws {NotFoundError} when it is already deleted, expired or never existed.
   * @example
   * await client.app.sessions.delete("as_01HX2M8Q7V3ZKJ4T6W9YB2C5DE");
   */
  delete(id: string, options?: CallOptions): Promise<void>;
}

/**
 * Builds the application sessions resource over a client context.
 *
 * @internal
 * @example
 * const sessions = createApplicationSessions(context);
 */
export function createApplicationSessions(context: ClientContext): ApplicationSessions {
  // async, so that misuse rejects like every other failure instead of throwing synchronously
  const listPage = async (query: ApplicationSessionListQuery = {}, options?: CallOptions) =>
    unwrap(context.raw.GET("/app/sessions", { params: { query }, ...callInit(context, options) }));

  // the page URI is followed verbatim, through the same middleware, retries and auth as every call
  const fetchPageUri = async (uri: string, options: CallOptions) => {
    const target = new URL(uri, context.baseUrl);
    if (target.origin !== context.baseUrl.origin) {
      throw new Error(
        `next_page_uri ${uri} is on another origin than baseUrl ${context.baseUrl.origin}; the API key is not sent there. ` +
          "Set baseUrl to the server's public URL.",
      );
    }
    return unwrap(
      context.raw.GET("/app/sessions", {
        ...callInit(context, options),
        middleware: [{ onRequest: ({ request }) => new Request(target, request) }],
      }),
    );
  };

  return {
    list(query = {}, options = {}) {
      return autoPage(
        {
          fetchPage: (uri) => (uri === undefined ? listPage(query, options) : fetchPageUri(uri, options)),
          items: (page) => page.application_sessions,
          nextKey: (page) => page.next_page_uri,
        },
        options.maxItems,
      );
    },
    listPage,
    get: async (id, options) =>
      unwrap(
        context.raw.GET("/app/sessions/{id}", {
          params: { path: { id: checkId(id, "An application session id") } },
          ...callInit(context, options),
        }),
      ),
    async delete(id, options) {
      await unwrap(
        context.raw.DELETE("/app/sessions/{id}", {
          params: { path: { id: checkId(id, "An application session id") } },
          ...callInit(context, options),
        }),
      );
    },
  };
}

/**
 * The resource layer of gateway sticky sessions (`/v1/{product}/sessions`): list with filters, get,
 * terminate. Errors are thrown as `SessionsApiError` subclasses.
 *
 * @example
 * for await (const session of client.gateway.sessions.list("residential", { subuser: "sub_01HX2K3PQ4M5" })) {
 *   if (session.bytes_used > 1e9) await client.gateway.sessions.terminate("residential", session.id);
 * }
 */
import { type CallOptions, type ClientContext, callInit, checkId, type ListOptions, unwrap } from "./call.js";
import { type AutoPagingList, autoPage } from "./pagination.js";
import type {
  GatewayProduct,
  GatewaySessionListQuery,
  Session,
  SessionDetail,
  SessionPage,
} from "./types.js";

/**
 * Gateway sticky sessions of the `residential` and `mobile` products.
 *
 * @example
 * const sessions = client.gateway.sessions;
 * const detail = await sessions.get("mobile", "ses_01HX2K3PQ4M5");
 */
export interface GatewaySessions {
  /**
   * All sessions of a product that match the filters, newest first, across every page (following
   * `next_cursor`). Nothing is fetched until iteration starts. `query.limit` is the page size.
   *
   * @throws {SubuserScopeMismatchError} (while iterating) when the key's scope does not cover the product or sub-user.
   * @example
   * for await (const s of client.gateway.sessions.list("residential", { subuser: "sub_01HX2K3PQ4M5", status: "all" })) {
   *   console.log(s.id, s.status, s.expires_at);
   * }
   */
  list(
    product: GatewayProduct,
    query?: GatewaySessionListQuery,
    options?: ListOptions,
  ): AutoPagingList<Session, SessionPage>;
  /**
   * One page of sessions. Pass a page's `next_cursor` as `query.cursor` for the next one, with the same filters.
   *
   * @example
   * const first = await client.gateway.sessions.listPage("residential", { limit: 100 });
   * if (first.next_cursor) await client.gateway.sessions.listPage("residential", { limit: 100, cursor: first.next_cursor });
   */
  listPage(
    product: GatewayProduct,
    query?: GatewaySessionListQuery,
    options?: CallOptions,
  ): Promise<SessionPage>;
  /**
   * One session with its last 10 proxied requests; active sessions and terminated ones still in their
   * 24 h audit window are found.
   *
   * @throws {SessionNotFoundError} when the session expired, was purged or never existed.
   * @example
   * const detail = await client.gateway.sessions.get("residential", "ses_01HX2K3PQ4M5");
   */
  get(product: GatewayProduct, id: string, options?: CallOptions): Promise<SessionDetail>;
  /**
   * Terminates a session now and resolves to its terminated record. Idempotent: terminating a
   * terminated session returns the same record, so the call is retried like a GET.
   *
   * @throws {SessionNotFoundError} when the session expired, was purged or never existed.
   * @example
   * const { terminated_at } = await client.gateway.sessions.terminate("residential", "ses_01HX2K3PQ4M5");
   */
  terminate(product: GatewayProduct, id: string, options?: CallOptions): Promise<SessionDetail>;
}

const listPaths = {
  residential: "/v1/residential/sessions",
  mobile: "/v1/mobile/sessions",
} as const satisfies Record<GatewayProduct, string>;

function checkProduct(product: GatewayProduct): GatewayProduct {
  if (!Object.hasOwn(listPaths, product)) {
    throw new TypeError(
      `Unknown gateway product ${JSON.stringify(product)}: only ${Object.keys(listPaths).join(" and ")} have sessions.`,
    );
  }
  return product;
}

/**
 * Builds the gateway sessions resource over a client context.
 *
 * @internal
 * @example
 * const sessions = createGatewaySessions(context);
 */
export function createGatewaySessions(context: ClientContext): GatewaySessions {
  // async, so that misuse rejects like every other failure instead of throwing synchronously
  const listPage = async (
    product: GatewayProduct,
    query: GatewaySessionListQuery = {},
    options?: CallOptions,
  ) =>
    unwrap(
      context.raw.GET(listPaths[checkProduct(product)], { params: { query }, ...callInit(context, options) }),
    );

  return {
    list(product, query = {}, options = {}) {
      checkProduct(product);
      return autoPage(
        {
          fetchPage: (cursor) =>
            listPage(product, cursor === undefined ? query : { ...query, cursor }, options),
          items: (page) => page.data,
          nextKey: (page) => page.next_cursor,
        },
        options.maxItems,
      );
    },
    listPage,
    get: async (product, id, options) =>
      unwrap(
        context.raw.GET("/v1/{product}/sessions/{id}", {
          params: { path: { product: checkProduct(product), id: checkId(id, "A session id") } },
          ...callInit(context, options),
        }),
      ),
    terminate: async (product, id, options) =>
      unwrap(
        context.raw.DELETE("/v1/{product}/sessions/{id}", {
          params: { path: { product: checkProduct(product), id: checkId(id, "A session id") } },
          ...callInit(context, options),
        }),
      ),
  };
}

/**
 * Lazy auto-paging over the API's paged lists. A list fetches its first page when iteration starts and
 * each next page only when the items before it have been consumed; breaking out of the loop, or
 * reaching `maxItems`, fetches nothing more.
 *
 * @example
 * for await (const session of client.gateway.sessions.list("residential", { subuser: "sub_01HX2K3PQ4M5" })) {
 *   console.log(session.id);
 * }
 */

/**
 * The items of every page of a list, in order, as one async iterable, plus the pages themselves.
 *
 * @example
 * const sessions = client.gateway.sessions.list("residential", { status: "all" }, { maxItems: 500 });
 * for await (const session of sessions) console.log(session.username);
 * for await (const page of sessions.pages()) console.log(page.data.length, page.next_cursor);
 * const all = await sessions.toArray();
 */
export interface AutoPagingList<Item, Page> extends AsyncIterable<Item> {
  /** Iterates over the items of all pages, fetching each page when it is needed. */
  [Symbol.asyncIterator](): AsyncIterator<Item>;
  /** Iterates over the pages as on the wire (the page that reaches `maxItems` is the last). */
  pages(): AsyncIterable<Page>;
  /** Fetches the pages and collects their items (at most `maxItems` of them). */
  toArray(): Promise<Item[]>;
}

/**
 * How to walk one paged list: fetch a page by its key (`undefined` for the first), read a page's items
 * and the key of the page after it (`null` on the last).
 *
 * @example
 * const pager: Pager<Session, SessionPage> = {
 *   fetchPage: (cursor) => gateway.listPage("residential", { cursor }),
 *   items: (page) => page.data,
 *   nextKey: (page) => page.next_cursor,
 * };
 */
export interface Pager<Item, Page> {
  fetchPage(key: string | undefined): Promise<Page>;
  items(page: Page): readonly Item[];
  nextKey(page: Page): string | null;
}

/**
 * Checks a `maxItems` option: a whole number, 0 or more (or `Infinity`).
 *
 * @throws {TypeError} on anything else.
 * @example
 * checkMaxItems(100); // 100
 */
export function checkMaxItems(maxItems: number | undefined): number {
  if (maxItems === undefined) return Number.POSITIVE_INFINITY;
  if (
    typeof maxItems !== "number" ||
    !(maxItems >= 0) ||
    !(Number.isInteger(maxItems) || maxItems === Infinity)
  ) {
    throw new TypeError(`maxItems must be a whole number, 0 or more; got ${maxItems}.`);
  }
  return maxItems;
}

/**
 * Makes the lazy auto-paging list of a pager.
 *
 * @throws {TypeError} when `maxItems` is not a whole number, 0 or more.
 * @example
 * const list = autoPage(pager, 250);
 * for await (const item of list) console.log(item);
 */
export function autoPage<Item, Page>(
  pager: Pager<Item, Page>,
  maxItems?: number,
): AutoPagingList<Item, Page> {
  const cap = checkMaxItems(maxItems);

  async function* pages(): AsyncGenerator<Page, void, undefined> {
    if (cap === 0) return;
    let seen = 0;
    let key: string | undefined;
    for (;;) {
      const page = await pager.fetchPage(key);
      yield page;
      seen += pager.items(page).length;
      const next = pager.nextKey(page);
      if (next === null || seen >= cap) return;
      // a server that hands back the same position would otherwise be paged forever
      if (next === key)
        throw new Error(`The API returned the page position ${next} twice in a row; paging stopped.`);
      key = next;
    }
  }

  async function* items(): AsyncGenerator<Item, void, undefined> {
    if (cap === 0) return;
    let count = 0;
    for await (const page of pages()) {
      for (const item of pager.items(page)) {
        yield item;
        // returning here, not at the next item, keeps the page after the cap from being fetched
        if (++count >= cap) return;
      }
    }
  }

  return {
    [Symbol.asyncIterator]: () => items(),
    pages,
    async toArray() {
      const all: Item[] = [];
      for await (const item of items()) all.push(item);
      return all;
    },
  };
}

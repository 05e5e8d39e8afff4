/**
 * The list requests of the store leg, each a question no earlier request of its kind asked. The embedded
 * store keeps the reads it answered until the account's next write (apps/server/src/store/read-cache.ts),
 * so a repeated request would measure that cache instead of the store: the leg is about the store at
 * scale. A kind has a few bases (a sub-user, a region and ASN pair, a position in a list) and each base is
 * asked with page sizes from 100 down: base after base at `limit=100`, then all again at 99, and so on.
 *
 * @example
 * const paths = listQuestions(["subuser=sub_a", "subuser=sub_b"], 3);
 * // ["/v1/residential/sessions?subuser=sub_a&limit=100", "...?subuser=sub_b&limit=100", "...?subuser=sub_a&limit=99"]
 */

/** The page sizes asked, from the first down; past this many rounds of its bases a kind repeats itself. */
export const PAGE_SIZES = 50;
const FIRST_PAGE_SIZE = 100;

const listPath = (query: string, product = "residential") => `/v1/${product}/sessions?${query}`;

/**
 * `count` list paths of `product`'s sessions over `bases` (query strings without `limit`), distinct while
 * `count` is at most `bases.length * PAGE_SIZES`.
 */
export function listQuestions(bases: readonly string[], count: number, product = "residential"): string[] {
  if (bases.length === 0) throw new Error("listQuestions: no bases to ask about");
  return Array.from({ length: count }, (_, i) => {
    const base = bases[i % bases.length];
    const limit = FIRST_PAGE_SIZE - (Math.floor(i / bases.length) % PAGE_SIZES);
    return listPath(base === "" ? `limit=${limit}` : `${base}&limit=${limit}`, product);
  });
}

/** How many of `paths` are asked for the first time. */
export function distinctCount(paths: readonly string[]): number {
  return new Set(paths).size;
}

interface ListPage {
  data: unknown[];
  next_cursor: string | null;
}

/**
 * The bases for `count` consecutive positions of the list that `filter` selects, from `depth` sessions
 * down: `filter` with the cursor of each position (none for the top of the list). Fewer when the list
 * ends first. Walks there with `fetchPage`, in pages of up to 200, then one session at a time.
 */
export async function listPositions(
  fetchPage: (path: string) => Promise<ListPage>,
  filter: string,
  depth: number,
  count: number,
): Promise<string[]> {
  const query = (...parts: string[]) => parts.filter((part) => part !== "").join("&");
  const withCursor = (cursor: string | null) => query(filter, cursor === null ? "" : `cursor=${cursor}`);
  let cursor: string | null = null;
  let seen = 0;
  const next = async (limit: number) => {
    const page = await fetchPage(listPath(query(withCursor(cursor), `limit=${limit}`)));
    seen += page.data.length;
    cursor = page.next_cursor;
    return page.next_cursor !== null;
  };
  while (seen < depth) {
    if (!(await next(Math.min(200, depth - seen)))) {
      throw new Error(`the list of "${filter}" ends after ${seen} sessions, above ${depth}`);
    }
  }
  const positions = [withCursor(cursor)];
  while (positions.length < count && (await next(1))) positions.push(withCursor(cursor));
  return positions;
}

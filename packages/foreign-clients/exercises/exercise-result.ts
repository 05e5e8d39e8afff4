/**
 * What every generated client's exercise does and reports, copied beside each generated client at test
 * time. The exercise lists every residential session of the key (`status=all`, two a page, following
 * `next_cursor`), gets one session, terminates it, and gets it again.
 */

/** The product, session and page size every exercise uses (the seed's session of the docs' examples). */
export const PRODUCT = "residential";
export const SESSION_ID = "ses_01HX2K3PQ4M5";
export const PAGE_SIZE = 2;

/** Where the reference server listens and the API key to send as a bearer token. */
export interface ExerciseTarget {
  url: string;
  key: string;
}

/** What the exercise saw, in plain values the test compares across clients. */
export interface ExerciseResult {
  /** The ids of every listed session, in the order the pages gave them. */
  listed: string[];
  /** How many pages the list took. */
  pages: number;
  got: { id: string; exitIp: string; samples: number };
  terminated: { id: string; status: string; terminatedAt: string | null };
  /** The session read again after terminating it. */
  again: { status: string };
}

/** Fails the exercise with what went wrong, for a call the generated client reports as failed. */
export function fail(what: string, detail: unknown): never {
  throw new Error(`${what}: ${JSON.stringify(detail)}`);
}

/**
 * Identifiers: gateway session ids (`ses_` + 12 Crockford base32 characters), time-ordered ULIDs for
 * application sessions (`as_`), their related resources, and request ids (`req_`).
 *
 * @example
 * newSessionId(); // "ses_8Q2M0ZK4T7VC"
 * newUlid(Date.now()); // "01HX2M8Q7V3ZKJ4T6W9YB2C5DE"
 */
import { randomFillSync } from "node:crypto";

const alphabet = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";

// every call of randomBytes is a trip into OpenSSL (some 15 µs for a dozen bytes, measured on a traffic
// report): ids take their bytes from a pool filled 4 KiB at a time, as crypto.randomUUID does
const pool = Buffer.alloc(4096);
let poolUsed = pool.length;

function randomBytes(length: number): Buffer {
  if (poolUsed + length > pool.length) {
    randomFillSync(pool);
    poolUsed = 0;
  }
  poolUsed += length;
  return pool.subarray(poolUsed - length, poolUsed);
}

function randomBase32(length: number): string {
  const bytes = randomBytes(length);
  let out = "";
  for (const byte of bytes) out += alphabet[byte & 31];
  return out;
}

/**
 * A new gateway session id.
 *
 * @example
 * newSessionId(); // "ses_8Q2M0ZK4T7VC"
 */
export function newSessionId(): string {
  return `ses_${randomBase32(12)}`;
}

/**
 * A ULID generator: each call returns an id for the given time in milliseconds, and ids sort in the order
 * they were made, also within one millisecond or when a time is earlier than the last one (the last time
 * is reused and the random part incremented), so paging by id is paging by creation.
 *
 * @example
 * const next = ulidFactory();
 * next(Date.now()) < next(Date.now()); // true
 */
export function ulidFactory(): (timeMs: number) => string {
  let lastTime = -1;
  // the 48-bit time in 10 base-32 digits, made once per millisecond
  let timePart = "";
  const random = new Uint8Array(16);
  return (timeMs) => {
    const time = Math.max(0, Math.floor(timeMs));
    if (time <= lastTime) {
      // increment the 80-bit random part as a base-32 number
      let i = random.length - 1;
      while (i >= 0 && random[i] === 31) {
        random[i] = 0;
        i--;
      }
      if (i >= 0) random[i] = (random[i] ?? 0) + 1;
    } else {
      lastTime = time;
      const bytes = randomBytes(16);
      for (let i = 0; i < 16; i++) random[i] = (bytes[i] ?? 0) & 31;
      timePart = "";
      for (let i = 0, rest = time; i < 10; i++) {
        timePart = alphabet[rest % 32] + timePart;
        rest = Math.floor(rest / 32);
      }
    }
    let id = timePart;
    for (const digit of random) id += alphabet[digit];
    return id;
  };
}

/**
 * ULIDs of resources (application sessions and their references), made at the server clock's time.
 *
 * @example
 * `as_${newUlid((await clock.now(account)).getTime())}`;
 */
export const newUlid: (timeMs: number) => string = ulidFactory();

const requestUlid = ulidFactory();

/**
 * A request id, also the `operation_id` of application-family errors.
 *
 * @example
 * newRequestId(); // "req_01HX2K9ZQ3V8R5T7W2Y4B6C8DE"
 */
export function newRequestId(): string {
  return `req_${requestUlid(Date.now())}`;
}

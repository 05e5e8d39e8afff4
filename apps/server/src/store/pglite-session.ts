/**
 * A faster way to run parameterised SQL on PGlite. `PGlite.query` re-parses and re-plans every statement
 * and takes six trips into the WASM engine (parse, describe, bind, describe, execute, sync), then decodes
 * every field of every row with a buffer copy of its own: on the reference server's reads that was most of
 * the CPU a request cost. Here each distinct SQL text is prepared once as a named statement, and every
 * later run is a single trip (bind, describe, execute, sync) whose reply is decoded in one pass.
 *
 * Statements run one at a time, synchronously, so a transaction holds a lock that standalone statements
 * wait behind (they would otherwise run inside it).
 *
 * @example
 * const session = new PgliteSession(await PGlite.create());
 * const rows = await session.query<{ one: number }>("SELECT $1::int AS one", [1]);
 */
import type { PGlite } from "@electric-sql/pglite";
import { StoreUnavailableError } from "./store-unavailable.js";

/** An error the database reported, with PostgreSQL's SQLSTATE in `code`. */
export class PgliteDatabaseError extends Error {
  override readonly name = "DatabaseError";

  constructor(
    message: string,
    readonly code: string | undefined,
    readonly severity: string | undefined,
    readonly detail: string | undefined,
  ) {
    super(message);
  }
}

interface Field {
  name: string;
  type: number;
}

interface Reply {
  fields: Field[];
  rows: (string | null)[][];
  parameterTypes: number[];
  error: PgliteDatabaseError | undefined;
}

interface Prepared {
  name: string;
  parameterTypes: number[];
}

// the frontend messages this module sends (PostgreSQL protocol 3.0)
class MessageWriter {
  private chunks: Buffer[] = [];

  private message(type: string, body: Buffer): this {
    const header = Buffer.allocUnsafe(5);
    header.write(type, 0, "latin1");
    header.writeInt32BE(body.length + 4, 1);
    this.chunks.push(header, body);
    return this;
  }

  parse(name: string, sql: string): this {
    const name0 = Buffer.from(`${name}\0${sql}\0`, "utf8");
    const none = Buffer.alloc(2); // no parameter types given: the server infers them
    return this.message("P", Buffer.concat([name0, none]));
  }

  describeStatement(name: string): this {
    return this.message("D", Buffer.from(`S${name}\0`, "utf8"));
  }

  bind(statement: string, values: readonly (string | null)[]): this {
    const parts: Buffer[] = [Buffer.from(`\0${statement}\0`, "utf8")];
    const counts = Buffer.allocUnsafe(4);
    counts.writeInt16BE(0, 0); // every parameter in text format
    counts.writeInt16BE(values.length, 2);
    parts.push(counts);
    for (const value of values) {
      const length = Buffer.allocUnsafe(4);
      if (value === null) {
        length.writeInt32BE(-1, 0);
        parts.push(length);
      } else {
        const bytes = Buffer.from(value, "utf8");
        length.writeInt32BE(bytes.length, 0);
        parts.push(length, bytes);
      }
    }
    parts.push(Buffer.alloc(2)); // every result column in text format
    return this.message("B", Buffer.concat(parts));
  }

  describePortal(): this {
    return this.message("D", Buffer.from("P\0", "latin1"));
  }

  execute(): this {
    return this.message("E", Buffer.from([0, 0, 0, 0, 0]));
  }

  sync(): this {
    return this.message("S", Buffer.alloc(0));
  }

  done(): Uint8Array {
    return Buffer.concat(this.chunks);
  }
}

function readCString(buffer: Buffer, at: number): [string, number] {
  const end = buffer.indexOf(0, at);
  return [buffer.toString("utf8", at, end), end + 1];
}

// the backend messages of one exchange; the first error wins, as PostgreSQL skips to Sync after it
function readReply(buffer: Buffer): Reply {
  const reply: Reply = { fields: [], rows: [], parameterTypes: [], error: undefined };
  let at = 0;
  while (at + 5 <= buffer.length) {
    const type = buffer[at];
    const end = at + 1 + buffer.readInt32BE(at + 1);
    let p = at + 5;
    switch (type) {
      case 0x54: {
        // T: RowDescription
        const count = buffer.readInt16BE(p);
        p += 2;
        reply.fields = [];
        for (let i = 0; i < count; i++) {
          const [name, next] = readCString(buffer, p);
          reply.fields.push({ name, type: buffer.readInt32BE(next + 6) });
          p = next + 18;
        }
        break;
      }
      case 0x44: {
        // D: DataRow
        const count = buffer.readInt16BE(p);
        p += 2;
        const row: (string | null)[] = new Array(count);
        for (let i = 0; i < count; i++) {
          const length = buffer.readInt32BE(p);
          p += 4;
          if (length < 0) row[i] = null;
          else {
            row[i] = buffer.toString("utf8", p, p + length);
            p += length;
          }
        }
        reply.rows.push(row);
        break;
      }
      case 0x74: {
        // t: ParameterDescription
        const count = buffer.readInt16BE(p);
        for (let i = 0; i < count; i++) reply.parameterTypes.push(buffer.readInt32BE(p + 2 + i * 4));
        break;
      }
      case 0x45: {
        // E: ErrorResponse
        const fields = new Map<string, string>();
        while (p < end && buffer[p] !== 0) {
          const code = String.fromCharCode(buffer[p] ?? 0);
          const [value, next] = readCString(buffer, p + 1);
          fields.set(code, value);
          p = next;
        }
        reply.error ??= new PgliteDatabaseError(
          fields.get("M") ?? "database error",
          fields.get("C"),
          fields.get("S"),
          fields.get("D"),
        );
        break;
      }
    }
    at = end;
  }
  return reply;
}

/** How many distinct statements stay prepared; past it, statements run unnamed (parsed each time). */
const MAX_PREPARED = 500;

/**
 * Runs SQL on one PGlite instance through prepared statements.
 *
 * @example
 * await new PgliteSession(db).transaction(async (query) => query("SELECT 1"));
 */
export class PgliteSession {
  private readonly prepared = new Map<string, Prepared>();
  private lock: Promise<void> = Promise.resolve();
  private locked = false;
  private pending: Promise<void>[] = [];

  constructor(private readonly db: PGlite) {}

  // The engine answers synchronously, inside the call: a statement run with no await in between cannot
  // interleave with another (nor land inside a transaction begun meanwhile). The engine's own failures
  // (not the database's errors, which are in the reply) surface when the caller awaits `settle`.
  private exchange(message: Uint8Array): Reply {
    // a closed engine fails with a TypeError from deep inside; said plainly, it is a store unavailable
    if (this.db.closed) throw new StoreUnavailableError("The embedded store (PGlite) is closed.");
    const chunks: Buffer[] = [];
    this.pending.push(
      this.db.execProtocolRawStream(message, {
        syncToFs: false,
        onRawData: (bytes) => chunks.push(Buffer.from(bytes)),
      }),
    );
    return readReply(chunks.length === 1 ? (chunks[0] as Buffer) : Buffer.concat(chunks));
  }

  private async settle(): Promise<void> {
    const pending = this.pending;
    this.pending = [];
    await Promise.all(pending);
  }

  private prepare(sql: string): Prepared {
    const known = this.prepared.get(sql);
    if (known !== undefined) return known;
    const name = this.prepared.size < MAX_PREPARED ? `sessions_api_${this.prepared.size}` : "";
    const reply = this.exchange(new MessageWriter().parse(name, sql).describeStatement(name).sync().done());
    if (reply.error !== undefined) throw reply.error;
    const statement = { name, parameterTypes: reply.parameterTypes };
    if (name !== "") this.prepared.set(sql, statement);
    return statement;
  }

  private runNow<Row>(sql: string, params: readonly unknown[]): Row[] {
    const statement = this.prepare(sql);
    const values = params.map((value, i) => {
      if (value === null || value === undefined) return null;
      const serialize = this.db.serializers[statement.parameterTypes[i] ?? 0];
      return serialize === undefined ? String(value) : serialize(value);
    });
    const writer = new MessageWriter();
    // an unnamed statement lasts until the next Parse: parse it again in the same exchange
    if (statement.name === "") writer.parse("", sql);
    const reply = this.exchange(writer.bind(statement.name, values).describePortal().execute().sync().done());
    if (reply.error !== undefined) throw reply.error;
    const parsers = this.db.parsers;
    const { fields } = reply;
    return reply.rows.map((values) => {
      const row: Record<string, unknown> = {};
      for (let i = 0; i < fields.length; i++) {
        const field = fields[i] as Field;
        const value = values[i] ?? null;
        const parse = parsers[field.type];
        row[field.name] = value === null || parse === undefined ? value : parse(value, field.type);
      }
      return row as Row;
    });
  }

  private async run<Row>(sql: string, params: readonly unknown[]): Promise<Row[]> {
    let rows: Row[];
    try {
      rows = this.runNow<Row>(sql, params);
    } finally {
      await this.settle();
    }
    return rows;
  }

  /** Runs one statement outside any transaction (waiting for one in progress to end). */
  async query<Row>(sql: string, params: readonly unknown[] = []): Promise<Row[]> {
    if (!this.locked) return this.run<Row>(sql, params);
    return this.exclusive(() => this.run<Row>(sql, params));
  }

  /** Runs a script of statements without parameters outside any transaction. */
  exec(sql: string): Promise<void> {
    return this.exclusive(async () => {
      await this.db.exec(sql);
    });
  }

  /** Runs `fn` alone: no other statement of this session runs until it settles. */
  async exclusive<T>(fn: () => Promise<T>): Promise<T> {
    const previous = this.lock;
    let release = () => {};
    this.lock = new Promise<void>((resolve) => {
      release = resolve;
    });
    await previous;
    this.locked = true;
    try {
      return await fn();
    } finally {
      this.locked = false;
      release();
    }
  }

  /**
   * Runs `fn` in a transaction: committed when it resolves, rolled back when it throws. `fn` runs its
   * statements through the `query` and `exec` it is given.
   */
  transaction<T>(
    fn: (tx: {
      query<Row>(sql: string, params?: readonly unknown[]): Promise<Row[]>;
      exec(sql: string): Promise<void>;
    }) => Promise<T>,
  ): Promise<T> {
    return this.exclusive(async () => {
      await this.run("BEGIN", []);
      try {
        const result = await fn({
          query: <Row>(sql: string, params: readonly unknown[] = []) => this.run<Row>(sql, params),
          exec: async (sql: string) => {
            await this.db.exec(sql);
          },
        });
        await this.run("COMMIT", []);
        return result;
      } catch (error) {
        try {
          await this.run("ROLLBACK", []);
        } catch {
          // the transaction is already gone; the original error is the one to report
        }
        throw error;
      }
    });
  }
}

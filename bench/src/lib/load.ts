/**
 * Load generation: autocannon against one URL, bounded both in time and in request count, with latency
 * kept at microsecond resolution (autocannon's own histogram rounds to whole milliseconds, too coarse for
 * sub-millisecond loopback latencies, so every response time is recorded here from its 'response' event).
 *
 * @example
 * const run = await runLoad({ url: "http://127.0.0.1:8080/healthz", seconds: 5 });
 * console.log(run.rps, run.p50us, run.p99us);
 */
import autocannon from "autocannon";
import { percentile, SampleBuffer } from "./stats.js";

export interface LoadOptions {
  url: string;
  method?: "GET" | "POST";
  headers?: Record<string, string>;
  /** A fixed body, or one made per request (e.g. a different username each time). */
  body?: string | (() => string);
  /** The path of each request, when they differ (the URL's path is then the first one's). */
  path?: () => string;
  /** Requests per second over all connections (an open loop at that rate); default: as fast as answered. */
  overallRate?: number;
  connections?: number;
  seconds: number;
  /** Stop after this many responses even if time is left. */
  maxRequests?: number;
}

export interface LoadResult {
  requests: number;
  rps: number;
  p50us: number;
  p99us: number;
  /** Responses outside 2xx, by status; a benchmark with any is rejected by `assertClean`. */
  errors: Record<string, number>;
  transportErrors: number;
}

/**
 * Runs one bounded load and returns throughput and latency of its 2xx responses.
 *
 * @example
 * await runLoad({ url, headers: { authorization: "Bearer k" }, seconds: 3, maxRequests: 200_000 });
 */
export function runLoad(options: LoadOptions): Promise<LoadResult> {
  const latencies = new SampleBuffer();
  const errors: Record<string, number> = {};
  const maxRequests = options.maxRequests ?? 1_000_000;
  let answered = 0;
  const body = options.body;
  const started = process.hrtime.bigint();

  return new Promise<LoadResult>((resolve, reject) => {
    const instance = autocannon(
      {
        url: options.url,
        method: options.method ?? "GET",
        headers: {
          ...(body === undefined ? {} : { "content-type": "application/json" }),
          ...options.headers,
        },
        connections: options.connections ?? 10,
        duration: options.seconds,
        ...(typeof body === "string" ? { body } : {}),
        ...(options.overallRate === undefined ? {} : { overallRate: options.overallRate }),
        ...(typeof body === "function" || options.path !== undefined
          ? {
              requests: [
                {
                  setupRequest: (request: autocannon.Request) => ({
                    ...request,
                    ...(typeof body === "function" ? { body: body() } : {}),
                    ...(options.path === undefined ? {} : { path: options.path() }),
                  }),
                },
              ],
            }
          : {}),
      },
      (error, result) => {
        if (error) {
          reject(error);
          return;
        }
        const seconds = Number(process.hrtime.bigint() - started) / 1e9;
        const values = latencies.values();
        resolve({
          requests: latencies.length,
          rps: latencies.length / seconds,
          p50us: percentile(values, 50) * 1000,
          p99us: percentile(values, 99) * 1000,
          errors,
          transportErrors: result.errors + result.timeouts,
        });
      },
    );
    instance.on("response", (_client, statusCode, _bytes, responseTime) => {
      if (statusCode >= 200 && statusCode < 300) latencies.push(responseTime);
      else errors[statusCode] = (errors[statusCode] ?? 0) + 1;
      answered++;
      if (answered === maxRequests) instance.stop();
    });
  });
}

/**
 * Throws if a run saw non-2xx responses or transport errors: a figure measured on errors (a 401, a 429
 * from a rate limit) would be fast and meaningless.
 *
 * @example
 * assertClean("server get-one", await runLoad({ url, seconds: 1 }));
 */
export function assertClean(label: string, result: LoadResult): void {
  const statuses = Object.entries(result.errors);
  if (statuses.length > 0 || result.transportErrors > 0 || result.requests === 0) {
    throw new Error(
      `${label}: ${result.requests} ok responses, non-2xx ${JSON.stringify(result.errors)}, ` +
        `${result.transportErrors} transport errors/timeouts`,
    );
  }
}

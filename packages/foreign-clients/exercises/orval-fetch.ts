/**
 * The fetch that orval's generated functions call (its "mutator"), copied beside orval's client at test
 * time: it puts the base URL and the API key on every request and answers in the shape orval's response
 * types declare, `{ data, status, headers }`.
 */
import type { ExerciseTarget } from "./exercise-result.js";

let target: ExerciseTarget | undefined;

/** Where the generated functions send their requests from now on, and with which key. */
export function configureOrvalFetch(next: ExerciseTarget): void {
  target = next;
}

export async function orvalFetch<T>(path: string, init: RequestInit): Promise<T> {
  if (target === undefined) throw new Error("call configureOrvalFetch() before a generated function");
  const headers = new Headers(init.headers);
  headers.set("authorization", `Bearer ${target.key}`);
  const response = await fetch(`${target.url}${path}`, { ...init, headers });
  const text = await response.text();
  return {
    data: text === "" ? undefined : JSON.parse(text),
    status: response.status,
    headers: response.headers,
  } as T;
}

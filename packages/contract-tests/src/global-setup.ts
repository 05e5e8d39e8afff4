/**
 * Starts the target the suite runs on when it is one of the suite's own (`--target mock|server|proxy`,
 * which the runner provides as `contractTargetName`) before the contract cases run, and stops it after:
 * `mock` (Prism's mock of the spec), `server` (the reference server on a free port, fresh store) or
 * `proxy` (the reference server behind Prism's validating proxy). An external target needs no setup:
 * the runner provides its context directly.
 *
 * @example
 * // src/suite-config.ts
 * contractTestConfig({ target: "server" }); // { globalSetup: ["src/global-setup.ts"], provide: { contractTargetName: "server" }, ... }
 */
import type { TestProject } from "vitest/node";
import { startPrism } from "./prism.js";
import type { TargetContext } from "./target-context.js";

// Prism's mock accepts any bearer token, so the keys only need to be distinct.
const mockKeys = {
  full: "sk_demo_full",
  narrow: "sk_demo_narrow",
  other: "sk_demo_other",
  exhausted: "sk_ct_exhausted",
  appPaging: "sk_ct_app_paging",
};

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const name = project.getProvidedContext().contractTargetName;
  const closers: (() => Promise<void>)[] = [];
  const closeAll = async () => {
    for (const close of closers.reverse()) await close();
  };
  try {
    let context: TargetContext;
    if (name === "mock") {
      const prism = await startPrism({ mode: "mock" });
      closers.push(prism.close);
      context = { name, baseUrl: prism.url, directUrl: null, keys: mockKeys, sandbox: true };
    } else if (name === "server" || name === "proxy") {
      const { startServerTarget } = await import("./server-target.js");
      const server = await startServerTarget();
      closers.push(server.close);
      if (name === "server") {
        context = { name, baseUrl: server.url, directUrl: null, keys: server.keys, sandbox: true };
      } else {
        const prism = await startPrism({ mode: "proxy", upstream: server.url });
        closers.push(prism.close);
        context = { name, baseUrl: prism.url, directUrl: server.url, keys: server.keys, sandbox: true };
      }
    } else {
      throw new Error(`The global setup starts mock, server or proxy targets; got ${JSON.stringify(name)}`);
    }
    project.provide("contractTarget", context);
  } catch (error) {
    await closeAll();
    throw error;
  }
  return closeAll;
}

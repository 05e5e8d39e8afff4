import { describe, expect, test } from "vitest";
import { parseCliArgs } from "./cli-args.js";

describe("parseCliArgs", () => {
  test("reads an external target with every optional key and report", () => {
    expect(
      parseCliArgs([
        "--base-url",
        "https://staging.example.com/",
        "--key",
        "sk_1",
        "--narrow-key",
        "sk_2",
        "--other-account-key",
        "sk_3",
        "--junit",
        "out/contract.xml",
        "--markdown",
        "out/contract.md",
        "--grep",
        "paging",
      ]),
    ).toEqual({
      kind: "run",
      target: "external",
      baseUrl: "https://staging.example.com",
      keys: { full: "sk_1", narrow: "sk_2", other: "sk_3" },
      junitFile: "out/contract.xml",
      markdownFile: "out/contract.md",
      grep: "paging",
    });
  });

  test("reads one of the suite's own targets", () => {
    expect(parseCliArgs(["--target", "proxy"])).toEqual({ kind: "run", target: "proxy" });
  });

  test("--help wins over everything else", () => {
    expect(parseCliArgs(["--base-url", "nope", "--help"])).toEqual({ kind: "help" });
    expect(parseCliArgs(["-h"])).toEqual({ kind: "help" });
  });

  test.each([
    [[], "--base-url is required"],
    [["--base-url", "http://127.0.0.1:8080"], "--key is required with --base-url"],
    [["--base-url", "ftp://files.example.com", "--key", "k"], "--base-url must be http or https; got ftp"],
    [["--base-url", "not a url", "--key", "k"], "--base-url not a url is not a URL"],
    [
      ["--base-url", "https://api.example.com/v1", "--key", "k"],
      "--base-url must be an origin without a path (the spec's paths start at /); got https://api.example.com/v1",
    ],
    [["--base-url", "http://x.test", "--key", ""], "--key needs a value"],
    [["--base-url", "http://x.test", "--key", "k", "--grep", "("], "--grep ( is not a regular expression"],
    [["--target", "staging"], "--target must be one of mock, server, proxy; got staging"],
    [["--target", "server", "--key", "k"], "--key goes with --base-url, not with --target"],
    [["--base-url", "http://x.test", "--key", "k", "--verbose"], "Unknown option '--verbose'"],
    [["--base-url", "http://x.test", "--key"], "Option '--key <value>' argument missing"],
    [["--base-url", "http://x.test", "--key", "k", "extra"], "Unexpected argument 'extra'"],
  ])("%j is a one-line error: %s", (argv, message) => {
    const request = parseCliArgs(argv);
    expect(request).toEqual({ kind: "error", message });
    expect(message).not.toContain("\n");
  });
});

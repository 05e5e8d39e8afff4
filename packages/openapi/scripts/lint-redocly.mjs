// Runs `redocly lint` on the spec and passes its output through, less the boxed notice Redocly CLI 2.x
// prints on every run under Node.js 20 ("Node.js 20 support is ending"): this project supports Node 20
// on purpose (the root package.json engines), so the notice asks for nothing. Every other line, and the
// exit code, are Redocly's own.
import { spawn } from "node:child_process";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";

const require = createRequire(import.meta.url);
const cli = join(dirname(require.resolve("@redocly/cli/package.json")), "bin", "cli.js");
const child = spawn(process.execPath, [cli, "lint", ...process.argv.slice(2)], {
  stdio: ["ignore", "inherit", "pipe"],
});

// the notice is one box: from the line that opens it (╔) to the line that closes it (╚)
let inBox = false;
let pending = "";
const filter = (text) =>
  text
    .split("\n")
    .filter((line) => {
      if (line.includes("╔")) inBox = true;
      const keep = !inBox;
      if (line.includes("╚")) inBox = false;
      return keep;
    })
    .join("\n");

child.stderr.setEncoding("utf8");
child.stderr.on("data", (chunk) => {
  const text = pending + chunk;
  const cut = text.lastIndexOf("\n") + 1;
  pending = text.slice(cut);
  process.stderr.write(filter(text.slice(0, cut)));
});
child.on("close", (code, signal) => {
  if (pending !== "") process.stderr.write(filter(pending));
  process.exitCode = code ?? (signal === null ? 1 : 128);
});

/**
 * A campaign's findings in words: one table line per kind (how many cases, first run), then for each
 * kind its smallest case as the bytes to send (request line, headers, body; escaped where not
 * printable), the answer it got, what the server logged about it, and how to replay it.
 */
import { bytesOf } from "./exchange.js";
import type { CampaignReport, KindOfFinding } from "./fuzz-campaign.js";
import { headerOf, type WireAnswer } from "./http-wire.js";

const MAX_SHOWN_BYTES = 600;

/**
 * Bytes as a readable, copyable JS string literal body: printable ASCII as is, `\r\n` kept as an escape
 * and a line break, everything else `\xNN`; long runs cut in the middle.
 *
 * @example
 * showBytes(Buffer.from("GET / HTTP/1.1\r\n\r\n")); // "GET / HTTP/1.1\\r\\n\n\\r\\n\n"
 */
export function showBytes(bytes: Buffer): string {
  const shown = bytes.length <= MAX_SHOWN_BYTES ? bytes : bytes.subarray(0, MAX_SHOWN_BYTES);
  let text = "";
  for (let at = 0; at < shown.length; at++) {
    const byte = shown[at] ?? 0;
    if (byte === 0x0d && shown[at + 1] === 0x0a) {
      text += "\\r\\n\n";
      at++;
    } else if (byte === 0x5c) text += "\\\\";
    else if (byte >= 0x20 && byte < 0x7f) text += String.fromCharCode(byte);
    else text += `\\x${byte.toString(16).padStart(2, "0")}`;
  }
  return bytes.length > shown.length ? `${text}… (${bytes.length} bytes in all)` : text;
}

function showAnswer(answer: WireAnswer): string {
  const body = answer.body.toString("utf8");
  return `${answer.head.replaceAll("\r\n", "\n    ")}\n    \n    ${body.length > 400 ? `${body.slice(0, 400)}…` : body}`;
}

const indent = (text: string) => text.replace(/^/gm, "    ");

function showKind(
  report: CampaignReport,
  kind: KindOfFinding,
  index: number,
  loggedError: (id: string) => string | undefined,
): string {
  const example = kind.shrunk ?? kind.first;
  const how =
    kind.shrunk !== undefined
      ? `smallest case (fast-check path ${kind.shrunk.path})`
      : kind.firstRun === "seed"
        ? "seen on a seeding request"
        : "first case as seen (its replay did not show it again)";
  const lines = [
    `--- ${index + 1}. ${kind.kind}`,
    `  ${kind.count} case(s), first at run ${kind.firstRun}; ${how}; ${example.fuzzCase.label}`,
    `  detail: ${example.finding.detail || "-"}`,
    "  sent:",
    indent(showBytes(bytesOf(example.fuzzCase))),
  ];
  const answers = example.exchange.answers;
  lines.push(
    `  got (${answers.length} answer(s), connection ${example.exchange.end}${example.exchange.socketError === undefined ? "" : `, ${example.exchange.socketError}`}):`,
  );
  for (const answer of answers) {
    lines.push(indent(showAnswer(answer)));
    const requestId = headerOf(answer.headers, "x-request-id");
    const logged = requestId === undefined ? undefined : loggedError(requestId);
    if (logged !== undefined) lines.push(`  server logged: ${logged}`);
  }
  if (kind.shrunk !== undefined) {
    lines.push(
      `  replay: SESSIONS_API_FUZZ_SEED=${report.seed} SESSIONS_API_FUZZ_PATH=${kind.shrunk.path} pnpm exec vitest run test/fuzz/fuzz.test.ts`,
    );
  }
  return lines.join("\n");
}

/**
 * The report of a campaign: a table of kinds, then each kind's smallest case.
 *
 * @example
 * console.log(formatReport(report, (id) => logged.get(id)));
 */
export function formatReport(
  report: CampaignReport,
  loggedError: (requestId: string) => string | undefined = () => undefined,
): string {
  const kinds = [...report.kinds].sort((a, b) => b.count - a.count);
  const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
  const header =
    `spec-driven fuzz: seed ${report.seed}, ${report.cases} cases, ${report.requests} requests in ${seconds(report.runMs)} (${seconds(report.runCpuMs)} of CPU)` +
    `, ${kinds.length} kind(s) of finding${kinds.length === 0 ? "" : ` (shrunk in ${seconds(report.shrinkMs)})`}`;
  if (kinds.length === 0) return header;
  const table = [
    "   #  cases  first  kind",
    ...kinds.flatMap((kind, index) => {
      const line = `${String(index + 1).padStart(4)}  ${String(kind.count).padStart(5)}  ${String(kind.firstRun).padStart(5)}  ${kind.kind}`;
      const labels = [...kind.seenWith].sort((a, b) => b[1] - a[1]);
      if (labels.length === 1 && labels[0]?.[0] === "request") return [line];
      const shown = labels.slice(0, 3).map(([label, count]) => `${label} (${count})`);
      const more = labels.length > 3 ? `, ${labels.length - 3} more` : "";
      return [line, `                     seen with: ${shown.join("; ")}${more}`];
    }),
  ];
  return [
    header,
    ...table,
    "",
    ...kinds.map((kind, index) => showKind(report, kind, index, loggedError)),
  ].join("\n");
}

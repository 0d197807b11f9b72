// Tab open outside any host: each built UI served as plain files, Desktop's injection stood in for by
// a stub client and Docker's theme globals, a fresh browser context per load, loads interleaved so
// every target sees the same machine. "Rendered" is the first frame with a visible control. The peer
// (Docker's samples/react shape) and a static one-button page are measured in the same run.
//   pnpm --filter @dext/desktop bench:outside [loads] [--peer <folder>] [--only <name>]... [--ui <name>=<built UI folder>]... [--trace]
// --ui adds any built UI (an extension of your own, another build of a sample) beside the samples.
// --trace adds one traced load per target and prints where its main thread's time went (trace-breakdown.ts).
// Samples are measured as built (`pnpm build` first): what ships is what is timed.
import { access, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { createServer } from "node:http";
import { cpus, tmpdir } from "node:os";
import { join } from "node:path";
import { parseArgs } from "node:util";
import { fileURLToPath } from "node:url";
import { gzipSync } from "node:zlib";
import { build } from "esbuild";
import { realPathWithin } from "../server/contained-path.ts";
import { sendFile } from "../server/static-file.ts";
import { launchChromium } from "../testing/launch-chromium.ts";
import { firstViewMarksScript } from "./first-view-marks.ts";
import { traceBreakdown } from "./trace-breakdown.ts";
import type { Breakdown } from "./trace-breakdown.ts";
import { stubAnswers } from "./stub-answers.ts";
import { buildTabPeer, defaultPeerSource } from "./tab-peer.ts";
import type { FirstViewMarks } from "./first-view-marks.ts";
import type { AddressInfo } from "node:net";

const { values, positionals } = parseArgs({
  options: {
    peer: { type: "string" },
    only: { type: "string", multiple: true },
    ui: { type: "string", multiple: true },
    trace: { type: "boolean" },
  },
  allowPositionals: true,
});
const loads = Number(positionals[0] ?? 15);
// A benchmark measures real extensions, so it reads the samples (a named exception to "packages do
// not read samples/", tooling/workspace-checks).
const samplesDir = fileURLToPath(new URL("../../../../samples/", import.meta.url));
const sampleNames = ["minimal-backend", "compose-volumes", "host-binaries"];

const targets = new Map<string, string>();
const scratch = await mkdtemp(join(tmpdir(), "dext-tab-"));
await writeFile(
  join(scratch, "index.html"),
  '<!doctype html><html lang="en"><head><meta charset="utf-8"/></head><body><button>Click me!</button></body></html>',
);
targets.set("static one-button page", scratch);
targets.set("peer: Docker's samples/react shape", await buildTabPeer(values.peer ?? defaultPeerSource));
for (const name of sampleNames) {
  const ui = join(samplesDir, name, "dist/ui");
  const built = await access(join(ui, "index.html")).then(
    () => true,
    () => false,
  );
  if (!built) throw new Error(`${name} has no built UI at ${ui}: run \`pnpm build\` first`);
  targets.set(name, ui);
}
for (const extra of values.ui ?? []) {
  const at = extra.indexOf("=");
  if (at <= 0) throw new Error(`--ui ${extra}: expected <name>=<built UI folder>`);
  targets.set(extra.slice(0, at), extra.slice(at + 1));
}
for (const name of [...targets.keys()])
  if (
    values.only !== undefined &&
    !name.startsWith("peer") &&
    !values.only.includes(name) &&
    !(values.ui ?? []).some((extra) => extra.startsWith(`${name}=`))
  )
    targets.delete(name);
const names = [...targets.keys()];
const dirs = [...targets.values()];

// The stub client as a page script, bundled as the host bundles its own injected client.
const stub = await build({
  entryPoints: [fileURLToPath(new URL("../page/stub-desktop.ts", import.meta.url))],
  bundle: true,
  minify: true,
  format: "iife",
  write: false,
  logLevel: "silent",
});
const stubScript = `window.__dextStubAnswers = ${JSON.stringify(stubAnswers)};\n${stub.outputFiles[0]?.text ?? ""}`;

const server = createServer((request, response) => {
  const url = new URL(request.url ?? "/", "http://bench");
  const [, index, ...rest] = url.pathname.split("/");
  const root = dirs[Number(index)];
  const file = rest.join("/") === "" ? "index.html" : decodeURIComponent(rest.join("/"));
  void (async () => {
    const real = root === undefined ? undefined : await realPathWithin(join(root, file), root);
    if (real === undefined || !(await sendFile(response, real))) response.writeHead(404).end();
  })();
});
await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

const samples = names.map(() => [] as FirstViewMarks[]);
const breakdowns: Breakdown[] = [];
const pageErrors = new Set<string>();
const browser = await launchChromium();
try {
  // Two warm-up rounds (the OS file cache, Chromium's own start-up), then `loads` rounds, each target once per round.
  for (let round = 0; round < loads + 2; round++) {
    for (const [index] of names.entries()) {
      const context = await browser.newContext();
      await context.addInitScript(stubScript);
      await context.addInitScript(firstViewMarksScript());
      const page = await context.newPage();
      // A page that logs an error (a hydration mismatch React recovered from, say) is not timed as fine.
      page.on("pageerror", (error) => pageErrors.add(`${names[index] ?? ""}: ${error.message}`));
      page.on("console", (message) => {
        if (message.type() === "error" && !message.location().url.endsWith("/favicon.ico"))
          pageErrors.add(`${names[index] ?? ""}: ${message.text().slice(0, 300)}`);
      });
      await page.goto(`${origin}/${index}/`);
      const handle = await page.waitForFunction("window.__dextFirstView", undefined, { timeout: 30_000 });
      const marks = (await handle.jsonValue()) as FirstViewMarks;
      await context.close();
      if (round >= 2) samples[index]?.push(marks);
    }
  }
  if (values.trace === true)
    for (const [index] of names.entries()) {
      const context = await browser.newContext();
      await context.addInitScript(stubScript);
      await context.addInitScript(firstViewMarksScript());
      const page = await context.newPage();
      await browser.startTracing(page, {
        categories: [
          "devtools.timeline",
          "v8.execute",
          "v8",
          "blink.user_timing",
          "loading",
          "disabled-by-default-devtools.timeline",
        ],
      });
      await page.goto(`${origin}/${index}/`);
      const handle = await page.waitForFunction("window.__dextFirstView", undefined, { timeout: 30_000 });
      const marks = (await handle.jsonValue()) as FirstViewMarks;
      const trace = JSON.parse((await browser.stopTracing()).toString("utf8")) as Parameters<typeof traceBreakdown>[0];
      breakdowns[index] = { ...traceBreakdown(trace, marks.control), "first control": Math.round(marks.control) };
      await context.close();
    }
} finally {
  await browser.close();
  server.close();
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor((sorted.length - 1) / 2)] ?? Number.NaN;
}

/** The first view's JavaScript: every script fetched before the control showed, raw and gzip. */
async function firstViewBytes(index: number, scripts: string[]): Promise<{ raw: number; gzip: number }> {
  let raw = 0;
  let gzip = 0;
  for (const url of new Set(scripts)) {
    const path = new URL(url).pathname.split("/").slice(2).join("/");
    const body = await readFile(join(dirs[index] ?? "", decodeURIComponent(path)));
    raw += body.length;
    gzip += gzipSync(body, { level: 9 }).length;
  }
  return { raw, gzip };
}

const peerIndex = names.findIndex((name) => name.startsWith("peer"));
const peerMedian = median(samples[peerIndex]?.map((marks) => marks.control) ?? []);
const peerInteractive = median(samples[peerIndex]?.map((marks) => marks.interactive ?? Number.NaN) ?? []);
const round1 = (value: number) => Math.round(value);
console.log(
  `tab open outside any host → first visible control, median of ${loads} loads (fresh context each, interleaved), ${cpus().length} CPUs, Node ${process.version}, ${new Date().toISOString().slice(0, 10)}`,
);
console.log(
  "| build | first control ms | / peer | p90 ms | first paint ms | control in DOM ms | interactive ms | / peer | long tasks ms | first-view JS raw / gzip KB |",
);
console.log("|---|---|---|---|---|---|---|---|---|---|");
for (const [index, name] of names.entries()) {
  const marks = samples[index] ?? [];
  const controls = marks.map((mark) => mark.control).sort((a, b) => a - b);
  const p90 = controls[Math.min(controls.length - 1, Math.round(0.9 * (controls.length - 1)))] ?? Number.NaN;
  const bytes = await firstViewBytes(index, marks[0]?.scripts ?? []);
  const paint = median(marks.map((mark) => mark.firstPaint ?? Number.NaN));
  const dom = median(marks.map((mark) => mark.domInserted ?? Number.NaN));
  const interactive = median(marks.map((mark) => mark.interactive ?? Number.NaN));
  console.log(
    `| ${name} | ${round1(median(controls))} | ${(median(controls) / peerMedian).toFixed(2)} | ${round1(p90)} | ${round1(paint)} | ${round1(dom)} | ${Number.isNaN(interactive) ? "-" : round1(interactive)} | ${Number.isNaN(interactive) ? "-" : (interactive / peerInteractive).toFixed(2)} | ${round1(median(marks.map((mark) => mark.longTasks)))} | ${(bytes.raw / 1024).toFixed(0)} / ${(bytes.gzip / 1024).toFixed(0)} |`,
  );
}
for (const error of pageErrors) console.log(`page error: ${error}`);
if (breakdowns.length > 0) {
  const kinds = [...new Set(breakdowns.flatMap((breakdown) => Object.keys(breakdown)))];
  console.log(`\none traced load each: main-thread self time (ms) before the first control, by kind of work`);
  console.log(`| build | ${kinds.join(" | ")} |`);
  console.log(`|---|${kinds.map(() => "---").join("|")}|`);
  for (const [index, name] of names.entries())
    console.log(`| ${name} | ${kinds.map((kind) => breakdowns[index]?.[kind] ?? 0).join(" | ")} |`);
}
await rm(scratch, { recursive: true, force: true });

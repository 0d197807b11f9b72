// Requests/s, latency, cold start and memory of the same JSON route over a Unix socket, for dext
// (its contract written `import * as z from "zod"`, with `zod/mini`, and `import { z }`), plain Express, bare
// node:http and the Go echo peer, all in one run on this machine.
// Usage: pnpm --filter @dext/backend bench [-- --duration 5 --connections 10,100 --starts 10 --go-peer <binary>]
//        --starts-only: cold starts and idle RSS alone, for repeating those on a noisy machine.
import { existsSync } from "node:fs";
import { mkdtemp, rm } from "node:fs/promises";
import { availableParallelism, cpus, totalmem } from "node:os";
import { join } from "node:path";
import { setTimeout as delay } from "node:timers/promises";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { bundleBackend } from "../build/bundle-backend.ts";
import { scriptBundleOptions } from "../code-cache/script-bundle-options.ts";
import { loadEsbuild, nodeBundleCommon } from "../testing/load-esbuild.ts";
import { load, median, memory, quantile, start, stop } from "./measure.ts";
import type { LoadFigures, Target } from "./measure.ts";

// pnpm 10 hands the `--` of `pnpm bench -- --starts 20` on to the script; parseArgs would take
// everything after it for positionals.
const args = process.argv.slice(2);
const { values } = parseArgs({
  args: args[0] === "--" ? args.slice(1) : args,
  options: {
    duration: { type: "string", default: "5" },
    connections: { type: "string", default: "10,100" },
    starts: { type: "string", default: "10" },
    "starts-only": { type: "boolean", default: false },
    "go-peer": { type: "string", default: process.env.DEXT_GO_PEER ?? "/tmp/go-echo-peer/echo-peer" },
    // The Node that runs the targets (this one by default): another major's start-up and memory,
    // measured by the same harness, e.g. --node /usr/bin/node for the machine's Node 20.
    node: { type: "string", default: process.execPath },
  },
});
const targetNode = values.node;
const durationS = Number(values.duration);
const startsOnly = values["starts-only"];
const connectionCounts = startsOnly ? [] : values.connections.split(",").map(Number);
const starts = Number(values.starts);

interface Figures {
  name: string;
  coldStartMs: number;
  coldStartQuartilesMs: [number, number];
  coldStartCpuMs: number;
  idleRssMb: number;
  peakRssMb: number;
  loads: LoadFigures[];
}

/** Node targets are bundled, as an extension image ships them: start-up resolves no node_modules. */
async function bundleTargets(dir: string, socket: string): Promise<Target[]> {
  const esbuild = await loadEsbuild();
  const source = (name: string) => fileURLToPath(new URL(`targets/${name}.ts`, import.meta.url));
  const common = nodeBundleCommon;
  for (const name of [
    "dext-hello",
    "dext-hello-mini",
    "dext-hello-named-import",
    "dext-express-hello",
    "express-hello",
    "node-http-hello",
  ]) {
    // As a backend's image ships it; Express is bundled the same way (it is CommonJS too).
    await bundleBackend({ entryPoints: [source(name)], outfile: join(dir, `${name}.mjs`), logLevel: "silent" });
  }
  // The same node:http target as CommonJS: the code-cache loader below starts as CommonJS, which
  // is cheaper for any file than an ES module entry, so this row shows how much of its gain is that.
  await esbuild.build({
    ...common,
    entryPoints: [source("node-http-hello")],
    outfile: join(dir, "node-http-hello.cjs"),
    format: "cjs",
  });
  // dext through V8's code cache: the backend as a script, and its loader.
  await esbuild.build({
    ...common,
    ...scriptBundleOptions(),
    entryPoints: [source("dext-hello")],
    outfile: join(dir, "dext-hello-script.js"),
  });
  await esbuild.build({
    ...common,
    entryPoints: [source("dext-hello-cached")],
    outfile: join(dir, "dext-hello-cached.cjs"),
    format: "cjs",
  });

  const node = (label: string, file: string): Target => ({
    name: label,
    command: targetNode,
    args: (path) => [join(dir, file), "--socket", path],
  });
  const cached = node("dext, code cache", "dext-hello-cached.cjs");
  // Its first start writes the cache; every measured start reads it, as an installed extension's would.
  await stop(await start(cached, socket));
  const cacheFile = join(dir, "dext-hello-script.js.cache");
  for (let waited = 0; !existsSync(cacheFile); waited += 10) {
    if (waited > 5_000) throw new Error(`The code cache ${cacheFile} was not written`);
    await delay(10);
  }
  // dext through Node's own compile cache (NODE_COMPILE_CACHE, Node 22.1+): the same ES module bundle,
  // no loader. Its first start writes the cache, as an installed extension's first start would.
  const compileCached: Target = {
    ...node("dext, Node compile cache", "dext-hello.mjs"),
    env: { NODE_COMPILE_CACHE: join(dir, "node-compile-cache") },
  };
  await stop(await start(compileCached, socket));
  const targets = [
    node("dext", "dext-hello.mjs"),
    compileCached,
    node("dext, zod/mini contract", "dext-hello-mini.mjs"),
    node("dext, import { z }", "dext-hello-named-import.mjs"),
    cached,
    node("dext, @dext/backend/express", "dext-express-hello.mjs"),
    node("express", "express-hello.mjs"),
    node("node:http", "node-http-hello.mjs"),
    node("node:http, CommonJS", "node-http-hello.cjs"),
  ];
  const goPeer = values["go-peer"];
  if (existsSync(goPeer)) targets.push({ name: "go-echo", command: goPeer, args: (path) => ["-socket", path] });
  else
    console.error(
      `No Go peer at ${goPeer}: build it per ../shared/peers/README.md, or pass --go-peer. Measuring without it.`,
    );
  return targets;
}

async function measure(targets: Target[], socket: string): Promise<Figures[]> {
  // Cold starts round-robin, so a warming disk cache favours no target.
  const coldStarts = new Map(targets.map((target) => [target.name, { wall: [] as number[], cpu: [] as number[] }]));
  for (let round = 0; round < starts; round++) {
    for (const target of targets) {
      const running = await start(target, socket);
      coldStarts.get(target.name)?.wall.push(running.readyMs);
      coldStarts.get(target.name)?.cpu.push(running.readyCpuMs);
      await stop(running);
    }
  }
  const figures: Figures[] = [];
  for (const target of targets) {
    const running = await start(target, socket);
    const pid = running.child.pid ?? 0;
    await delay(1_000);
    const idleRssMb = (await memory(pid)).rssMb;
    if (!startsOnly) await load(socket, connectionCounts[0] ?? 10, 2); // warm-up, not reported
    const loads: LoadFigures[] = [];
    for (const connections of connectionCounts) loads.push(await load(socket, connections, durationS));
    const { peakMb } = await memory(pid);
    await stop(running);
    const measured = coldStarts.get(target.name);
    figures.push({
      name: target.name,
      coldStartMs: median(measured?.wall ?? []),
      coldStartQuartilesMs: [quantile(measured?.wall ?? [], 0.25), quantile(measured?.wall ?? [], 0.75)],
      coldStartCpuMs: median(measured?.cpu ?? []),
      idleRssMb,
      peakRssMb: peakMb,
      loads,
    });
    console.error(`measured ${target.name}`);
  }
  return figures;
}

const fixed = (value: number, digits = 0) => value.toFixed(digits);

function report(figures: Figures[]): string {
  const lines = [
    `Date: ${new Date().toISOString()}; targets on ${targetNode === process.execPath ? `Node ${process.version}` : targetNode}; ${String(availableParallelism())} CPUs (${cpus()[0]?.model ?? "unknown"}); ${fixed(totalmem() / 2 ** 30, 1)} GB RAM.`,
    `Command: pnpm --filter @dext/backend bench -- ${startsOnly ? "--starts-only" : `--duration ${String(durationS)} --connections ${connectionCounts.join(",")}`} --starts ${String(starts)}`,
    "",
    `| target | cold start, ms: median of ${String(starts)} (quartiles) | CPU by then, ms | idle RSS, MB |${connectionCounts.map((c) => ` -c ${String(c)}: req/s | p50 / p99 ms |`).join("")}${startsOnly ? "" : " peak RSS under load, MB | errors / non-2xx / wrong body |"}`,
    `|---|---|---|---|${connectionCounts.map(() => "---|---|").join("")}${startsOnly ? "" : "---|---|"}`,
  ];
  for (const f of figures) {
    const cells = [
      `${fixed(f.coldStartMs, 1)} (${fixed(f.coldStartQuartilesMs[0])}–${fixed(f.coldStartQuartilesMs[1])})`,
      fixed(f.coldStartCpuMs, 1),
      fixed(f.idleRssMb, 1),
    ];
    for (const l of f.loads) cells.push(fixed(l.requestsPerSecond), `${fixed(l.p50Ms)} / ${fixed(l.p99Ms)}`);
    if (!startsOnly)
      cells.push(
        fixed(f.peakRssMb, 1),
        f.loads.map((l) => `${String(l.errors)}/${String(l.non2xx)}/${String(l.mismatches)}`).join(", "),
      );
    lines.push(`| ${f.name} | ${cells.join(" | ")} |`);
  }
  const peers = figures.filter((f) => !f.name.startsWith("dext"));
  for (const dext of figures.filter((f) => f.name.startsWith("dext"))) {
    const better = startsOnly ? "lower is better" : "throughput: higher is better; start and memory: lower is better";
    lines.push("", `Ratios, ${dext.name} / peer (${better}):`, "");
    for (const peer of peers) {
      const parts = [
        `cold start ${fixed(dext.coldStartMs / peer.coldStartMs, 2)}x (CPU ${fixed(dext.coldStartCpuMs / peer.coldStartCpuMs, 2)}x)`,
        `idle RSS ${fixed(dext.idleRssMb / peer.idleRssMb, 3)}x`,
      ];
      if (!startsOnly) {
        const throughput = dext.loads.map(
          (l, i) =>
            `-c ${String(l.connections)} ${fixed(l.requestsPerSecond / (peer.loads[i]?.requestsPerSecond ?? Number.NaN), 2)}x`,
        );
        parts.unshift(`throughput ${throughput.join(", ")}`);
        parts.push(`peak RSS ${fixed(dext.peakRssMb / peer.peakRssMb, 2)}x`);
      }
      lines.push(`- vs ${peer.name}: ${parts.join("; ")}`);
    }
  }
  return lines.join("\n");
}

const dir = await mkdtemp("/tmp/dext-bench-");
try {
  const socket = join(dir, "bench.sock");
  const targets = await bundleTargets(dir, socket);
  console.log(report(await measure(targets, socket)));
} finally {
  await rm(dir, { recursive: true, force: true });
}

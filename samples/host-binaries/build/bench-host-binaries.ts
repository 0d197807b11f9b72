// Size and start time of the host binaries, against the alternatives measured in the same run:
//   pnpm --filter host-binaries bench --runs 30
// - bun: the shipped executable for this machine (dist/host/linux-<arch>/host-doctor);
// - node-sea: the same doctor as a Node single executable application, built here from this
//   machine's node with postject (what the README's "Why Bun" compares against);
// - node-script: `node doctor.cjs`, for a user who already has Node (no executable at all);
// - floor: /bin/true, the cost of spawning any process here.
// Each run spawns `--version` (start-up only) and `args a b` (start-up plus one write).
import { execFileSync, spawnSync } from "node:child_process";
import { copyFileSync, mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parseArgs } from "node:util";
import { build } from "esbuild";
import { builtBinary, hostArch, sampleDir } from "../test/built-binaries.ts";

// `pnpm bench -- --runs 9` passes the "--" through.
const { values } = parseArgs({
  args: process.argv.slice(2).filter((arg) => arg !== "--"),
  options: { runs: { type: "string", default: "25" } },
});
const runs = Number(values.runs);
const work = mkdtempSync(join(tmpdir(), "doctor-bench-"));

async function nodeSea(): Promise<string> {
  const bundle = join(work, "doctor.cjs");
  await build({
    entryPoints: [join(sampleDir, "doctor/main.ts")],
    bundle: true,
    platform: "node",
    format: "cjs",
    minify: true,
    outfile: bundle,
    define: { HOST_DOCTOR_VERSION: '"0.1.0"' },
    logLevel: "silent",
  });
  writeFileSync(
    join(work, "sea.json"),
    JSON.stringify({ main: bundle, output: join(work, "sea.blob"), disableExperimentalSEAWarning: true }),
  );
  execFileSync(process.execPath, ["--experimental-sea-config", join(work, "sea.json")], { stdio: "ignore" });
  const exe = join(work, "node-sea");
  copyFileSync(process.execPath, exe);
  // Stripped first, as one would ship it: Node's Linux builds carry debug symbols.
  spawnSync("strip", [exe]);
  execFileSync(
    "npm",
    [
      "exec",
      "--yes",
      "--",
      "postject@1.0.0-alpha.6",
      exe,
      "NODE_SEA_BLOB",
      join(work, "sea.blob"),
      "--sentinel-fuse",
      "NODE_SEA_FUSE_fce680ab2cc467b6e072b8b5df1996b2",
    ],
    { stdio: "ignore" },
  );
  return exe;
}

function median(times: number[]): number {
  const sorted = [...times].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? Number.NaN;
}

const sea = await nodeSea();
const targets: { name: string; command: string[]; size?: number }[] = [
  {
    name: "bun (shipped)",
    command: [builtBinary("linux", hostArch)],
    size: statSync(builtBinary("linux", hostArch)).size,
  },
  { name: "node-sea", command: [sea], size: statSync(sea).size },
  { name: "node-script", command: [process.execPath, join(work, "doctor.cjs")] },
  { name: "floor (/bin/true)", command: ["/bin/true"] },
];

const results = new Map<string, { version: number[]; args: number[] }>(
  targets.map((t) => [t.name, { version: [], args: [] }]),
);
// Round-robin, so a noisy moment hits every target alike.
for (let i = 0; i < runs; i += 1) {
  for (const target of targets) {
    for (const kind of ["version", "args"] as const) {
      const [file = "", ...rest] = target.command;
      const started = performance.now();
      const run = spawnSync(file, [...rest, ...(kind === "version" ? ["--version"] : ["args", "a", "b"])]);
      if (run.status !== 0 && !file.endsWith("true"))
        throw new Error(`${target.name} failed: ${run.stderr.toString()}`);
      results.get(target.name)?.[kind].push(performance.now() - started);
    }
  }
}

const base = results.get("node-sea");
const shippedSizes = readdirSync(join(sampleDir, "dist/host"))
  .filter((d) => d !== "manifest.json")
  .map((dir) => {
    const file = readdirSync(join(sampleDir, "dist/host", dir))[0] ?? "";
    return `| ${dir} | ${(statSync(join(sampleDir, "dist/host", dir, file)).size / 1e6).toFixed(1)} MB |`;
  });
console.log(
  `host-doctor start time, median of ${String(runs)} spawns (ms), ${process.platform}/${process.arch}, node ${process.version}\n`,
);
console.log("| target | size | --version | ratio to node-sea | args a b | ratio to node-sea |");
console.log("|---|---|---|---|---|---|");
for (const target of targets) {
  const r = results.get(target.name);
  if (r === undefined || base === undefined) continue;
  const v = median(r.version);
  const a = median(r.args);
  const size = target.size === undefined ? "-" : `${(target.size / 1e6).toFixed(1)} MB`;
  console.log(
    `| ${target.name} | ${size} | ${v.toFixed(1)} | ${(v / median(base.version)).toFixed(2)}x | ${a.toFixed(1)} | ${(a / median(base.args)).toFixed(2)}x |`,
  );
}
console.log("\nShipped files (dist/host):\n\n| file | size |\n|---|---|");
console.log(shippedSizes.join("\n"));
rmSync(work, { recursive: true, force: true });

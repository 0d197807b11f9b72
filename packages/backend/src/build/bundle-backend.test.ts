import { readdir } from "node:fs/promises";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startBackend } from "../testing/start-backend.ts";
import { makeSocketDir } from "../testing/temp-dir.ts";
import { bundleBackend } from "./bundle-backend.ts";
import { main } from "./cli.ts";

const greetingBackend = fileURLToPath(new URL("../testing/greeting-backend.ts", import.meta.url));
let work: Awaited<ReturnType<typeof makeSocketDir>>;

beforeAll(async () => {
  work = await makeSocketDir();
});

afterAll(() => work.remove());

/** Runs `node <bundle> --socket <path>` until it logs that it listens, then stops it with SIGTERM. */
async function startAndStop(
  bundle: string,
  socket: string,
): Promise<{ code: number | null; stdout: string; stderr: string }> {
  const backend = await startBackend({ entry: bundle, socket, startTimeoutMs: 15_000 });
  const { code } = await backend.stop();
  return { code, stdout: backend.stdout(), stderr: backend.stderr() };
}

describe("bundleBackend", () => {
  it("makes one file plain node starts: top-level await, pino's require of Node's built-ins, the sources", async () => {
    const bundle = join(work.dir, "greeting.js");
    await bundleBackend({ entryPoints: [greetingBackend], outfile: bundle, logLevel: "silent" });
    const run = await startAndStop(bundle, work.socket("greeting.sock"));
    expect(run.stderr).toBe("");
    expect(run.stdout).toContain('"msg":"listening"');
    expect(run.code).toBe(0);
  });

  it("rejects with esbuild's errors when the code does not compile", async () => {
    await expect(
      bundleBackend({
        entryPoints: [join(work.dir, "missing.ts")],
        outfile: join(work.dir, "x.js"),
        logLevel: "silent",
      }),
    ).rejects.toThrow(/Could not resolve/);
  });
});

describe("dext-bundle-backend", () => {
  it("bundles name=entry pairs into --outdir, one file each", async () => {
    const outdir = join(work.dir, "named");
    expect(await main([`main=${greetingBackend}`, `other=${greetingBackend}`, "--outdir", outdir])).toBe(0);
    expect((await readdir(outdir)).sort()).toEqual(["main.js", "other.js"]);
  });

  it.each([
    ["no entry", ["--outfile", "x.js"]],
    ["no output", ["main.ts"]],
    ["both outputs", ["main.ts", "--outfile", "x.js", "--outdir", "d"]],
    ["an unknown option", ["main.ts", "--outfile", "x.js", "--minify"]],
  ])("refuses %s with exit code 2", async (_label, argv) => {
    expect(await main(argv)).toBe(2);
  });
});

import { mkdir, mkdtemp, readdir, rm, symlink } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { defaultRuntimeCache } from "./bun-runtime.ts";
import { BuildUsageError, fetchHostRuntimes, main } from "./build-host-binaries.ts";

// The test run's global setup has built every target, so the user's cache holds every runtime.
// A cache of links to those is a cache the fetch must find complete, with no download.
let cache = "";
beforeEach(async () => {
  cache = await mkdtemp(join(tmpdir(), "bun-cache-"));
});
afterEach(async () => {
  await rm(cache, { recursive: true, force: true });
});

describe("fetchHostRuntimes (build-host-binaries.ts --fetch-only)", () => {
  it("fetches nothing when every runtime a build of all targets takes is cached, and writes nothing else", async () => {
    const cached = (await readdir(defaultRuntimeCache())).filter((name) => name.startsWith("@oven+"));
    expect(cached.length).toBeGreaterThanOrEqual(5);
    for (const name of cached) await symlink(join(defaultRuntimeCache(), name), join(cache, name));
    await expect(fetchHostRuntimes("all", cache)).resolves.toBe(0);
    expect((await readdir(cache)).sort()).toEqual([...cached].sort());
  });

  it("refuses an unknown --arch before it fetches anything", async () => {
    await mkdir(join(cache, "empty"));
    await expect(fetchHostRuntimes("sparc", join(cache, "empty"))).rejects.toBeInstanceOf(BuildUsageError);
    expect(await readdir(join(cache, "empty"))).toEqual([]);
  });

  it("as a command, answers an unknown option or a bad --arch with exit 2 and one line, fetching nothing", async () => {
    for (const argv of [["--fetch-onyl"], ["--fetch-only", "--arch", "sparc", "--cache", cache]]) {
      const lines: string[] = [];
      const code = await main(argv, { log: (line) => lines.push(line), error: (line) => lines.push(line) });
      expect(code, argv.join(" ")).toBe(2);
      expect(lines, argv.join(" ")).toEqual([
        expect.stringMatching(/^build-host-binaries: (Unknown option|--arch must be)/),
      ]);
    }
    expect(await readdir(cache)).toEqual([]);
  });
});

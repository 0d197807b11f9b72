import { mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { findUpwardReaches } from "./tier-direction.ts";

const repoRoot = resolve(import.meta.dirname, "../../..");
let dir = "";

async function workspace(files: Record<string, string>): Promise<string> {
  dir = await mkdtemp(join(tmpdir(), "dext-tiers-"));
  const all = {
    "samples/hello/package.json": JSON.stringify({ name: "hello" }),
    "packages/lib/package.json": JSON.stringify({ name: "@x/lib", scripts: { test: "vitest run" } }),
    "tooling/config/package.json": JSON.stringify({ name: "@x/config" }),
    ...files,
  };
  for (const [path, text] of Object.entries(all)) {
    await mkdir(dirname(join(dir, path)), { recursive: true });
    await writeFile(join(dir, path), text);
  }
  return dir;
}

afterEach(() => rm(dir, { recursive: true, force: true }));

describe("the tiers point down", () => {
  it("holds in this repository: no library or config reads or depends on a sample", async () => {
    expect(await findUpwardReaches(repoRoot)).toEqual([]);
  });

  it("finds a library's source that climbs into samples/", async () => {
    const root = await workspace({
      "packages/lib/src/read.test.ts": 'const samples = new URL("../../../samples", import.meta.url);\n',
      "tooling/config/check.sh": "ls ../../samples/hello\n",
    });
    expect(await findUpwardReaches(root)).toEqual([
      { file: "packages/lib/src/read.test.ts", line: 1, what: "reads ../../../samples" },
      { file: "tooling/config/check.sh", line: 1, what: "reads ../../samples/" },
    ]);
  });

  it("finds a script that names samples/ and a dependency on a sample", async () => {
    const manifest = JSON.stringify(
      { name: "@x/lib", scripts: { start: "serve ../../samples/*/" }, devDependencies: { hello: "workspace:*" } },
      null,
      2,
    );
    const found = await findUpwardReaches(await workspace({ "packages/lib/package.json": manifest }));
    expect(found.map(({ file, what }) => ({ file, what }))).toEqual([
      { file: "packages/lib/package.json", what: "devDependencies names the sample hello" },
      { file: "packages/lib/package.json", what: "script start names samples/: serve ../../samples/*/" },
    ]);
  });

  it("lets the named integration places read the samples", async () => {
    const root = await workspace({
      "tooling/conformance/src/samples.test.ts": 'const samples = new URL("../../../samples", import.meta.url);\n',
    });
    expect(await findUpwardReaches(root)).toEqual([]);
  });
});

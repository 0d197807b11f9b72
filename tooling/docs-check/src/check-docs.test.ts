import { mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { checkDocs } from "./check-docs.ts";
import type { Finding } from "./check-docs.ts";

// A small repository of its own: a root package, one sample with a Makefile, and pages written per test.
let root: string;

async function write(path: string, text: string): Promise<void> {
  await mkdir(dirname(join(root, path)), { recursive: true });
  await writeFile(join(root, path), text);
}

beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), "dext-docs-check-"));
  await write(
    "package.json",
    JSON.stringify({ name: "fixture", scripts: { test: "turbo run test", start: "x", "new-extension": "x" } }),
  );
  await write("pnpm-workspace.yaml", "packages:\n  - samples/*\n  - tooling/*\n");
  await write(
    "samples/app/package.json",
    JSON.stringify({ name: "app", scripts: { build: "vite build", test: "vitest run" } }),
  );
  await write("samples/app/src/main.ts", "");
  await write(
    "samples/app/Makefile",
    "IMAGE ?= x\nROOT := ../..\n\nbuild-extension: ## Build\n\tdocker build .\n\ninstall-extension: build-extension\n\tdocker extension install x\n\n.PHONY: build-extension install-extension\n",
  );
  await write("tooling/lint/package.json", JSON.stringify({ name: "@fixture/lint", scripts: { lint: "x" } }));
  await write("tooling/lint/src/main.ts", "");
  await write("tooling/lint/node_modules/.bin/tsx", "");
  await write("docs/guide/setup.md", "# Setup\n");
});

afterAll(async () => {
  await rm(root, { recursive: true, force: true });
});

async function findingsFor(path: string, text: string): Promise<Finding[]> {
  await write(path, text);
  try {
    return (await checkDocs(root)).filter((finding) => finding.file === path);
  } finally {
    await rm(join(root, path));
  }
}

describe("a page that names only what exists", () => {
  it("has no findings", async () => {
    const page = [
      "# Fixture",
      "Run `pnpm test`, `pnpm start` or `pnpm --filter app build`; see `samples/app/src/main.ts`, `docs/guide/` and [setup](docs/guide/setup.md#first).",
      "```sh",
      "pnpm --filter @fixture/lint lint && pnpm -C samples/app build",
      "pnpm --filter lint exec tsx src/main.ts \\",
      "  --flag",
      "cd samples/app && make build-extension",
      "```",
    ].join("\n");
    expect(await findingsFor("README.md", page)).toEqual([]);
  });

  it("is not misled by container paths, placeholders, packages, image refs, globs or other projects' names", async () => {
    const page = [
      "The socket is `/run/guest-services/<name>.sock` and `/var/run/docker.sock`; caches in `~/.cache/dext`.",
      "Import `@dext/backend/client` or `zod/mini`; build for `linux/amd64`; tag `dext/app:0.1.0`.",
      "A sample goes in `samples/<name>/`, tests in `src/*.test.ts`, `samples/app/{src,test}`, `packages/shared/...`.",
      "Run `pnpm --filter app <script>` or `pnpm install`, `pnpm dlx x`, `make` and [the SDK](https://docs.docker.com/extensions/).",
      "Output lands in `samples/app/dist/index.js` and `node_modules/.bin/x`.",
      "<!-- docs-check: ignore-next-line (the generated project's commands) -->",
      "Then `pnpm check` in the new project.",
    ].join("\n");
    expect(await findingsFor("README.md", page)).toEqual([]);
  });

  it("reads a sample's README from the sample: its paths, its scripts, its Makefile", async () => {
    const page =
      "See `src/main.ts`; run `pnpm build` or `make install-extension`.\n\n```sh\nmake build-extension IMAGE=me/app\n```\n";
    expect(await findingsFor("samples/app/README.md", page)).toEqual([]);
  });

  it("follows extensions the page makes with new-extension to the sample they come from", async () => {
    const page =
      "```sh\npnpm new-extension team-tools --from app\npnpm --filter team-tools build\n```\nEdit `samples/team-tools/src/main.ts`.\n";
    expect(await findingsFor("docs/guide/new.md", page)).toEqual([]);
  });
});

describe("a page that names what does not exist", () => {
  it("fails on a missing file, folder or link target, at its line", async () => {
    const page = [
      "# Fixture",
      "See `samples/app/src/gone.ts`.",
      "And `samples/app/src/main.ts/`, a file named as a folder; [gone](docs/guide/old.md) and [up](../outside.md).",
      "```sh",
      "./tooling/lint/run.sh --fix",
      "node samples/app/bin/cli.js",
      "```",
    ].join("\n");
    expect(await findingsFor("README.md", page)).toEqual([
      { file: "README.md", line: 2, message: "`samples/app/src/gone.ts` names a path that does not exist" },
      { file: "README.md", line: 3, message: "`samples/app/src/main.ts/` names a path that does not exist" },
      { file: "README.md", line: 3, message: "link to docs/guide/old.md, which does not exist" },
      { file: "README.md", line: 3, message: "link to ../outside.md (outside the repository), which does not exist" },
      { file: "README.md", line: 5, message: "`./tooling/lint/run.sh` names a path that does not exist" },
      { file: "README.md", line: 6, message: "`samples/app/bin/cli.js` names a path that does not exist" },
    ]);
  });

  it("fails on a missing script, an unknown package and a missing binary", async () => {
    const page = [
      "Run `pnpm deploy-all` and `pnpm --filter app lint`.",
      "```sh",
      "pnpm --filter app-renamed build",
      "pnpm run bench",
      "pnpm exec dext validate .",
      "pnpm --filter @fixture/lint exec tsx src/gone.ts",
      "pnpm --filter @fixture/lint exec node src/also-gone.ts",
      "```",
    ].join("\n");
    expect(await findingsFor("README.md", page)).toEqual([
      {
        file: "README.md",
        line: 1,
        message: '`pnpm deploy-all`: "deploy-all" is not a script of the root package.json',
      },
      { file: "README.md", line: 1, message: '`pnpm lint`: "lint" is not a script of app' },
      { file: "README.md", line: 3, message: "`--filter app-renamed` selects no package of the workspace" },
      { file: "README.md", line: 4, message: '`pnpm bench`: "bench" is not a script of the root package.json' },
      {
        file: "README.md",
        line: 5,
        message: '`pnpm exec dext`: no "dext" binary is installed for the root package.json',
      },
      { file: "README.md", line: 6, message: "`tsx src/gone.ts`: no such file in @fixture/lint" },
      // node is the one on PATH, never a package's binary; the file it runs must still exist.
      { file: "README.md", line: 7, message: "`node src/also-gone.ts`: no such file in @fixture/lint" },
    ]);
  });

  it("fails on a make target the nearest Makefile lacks, and on make -C into a folder without one", async () => {
    const page = "Run `make push-extension`.\n\n```sh\nmake -C ../../tooling/lint build-extension\n```\n";
    expect(await findingsFor("samples/app/README.md", page)).toEqual([
      {
        file: "samples/app/README.md",
        line: 1,
        message: '`make push-extension`: no target "push-extension" in samples/app/Makefile',
      },
      {
        file: "samples/app/README.md",
        line: 4,
        message: "`make -C ../../tooling/lint`: there is no tooling/lint/Makefile",
      },
    ]);
  });

  it("checks shell blocks only: a TypeScript block may say anything", async () => {
    const page = '```ts\nimport x from "samples/app/gone.js"; // pnpm nothing\n```\n\n```bash\npnpm nothing\n```\n';
    expect(await findingsFor("docs/guide/blocks.md", page)).toEqual([
      {
        file: "docs/guide/blocks.md",
        line: 6,
        message: '`pnpm nothing`: "nothing" is not a script of the root package.json',
      },
    ]);
  });
});

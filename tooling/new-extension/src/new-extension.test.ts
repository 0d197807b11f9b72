import { lstat, mkdir, mkdtemp, readdir, readFile, rm, stat, symlink, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { NewExtensionError } from "./errors.ts";
import { newExtension } from "./new-extension.ts";
import { makeSampleRepo } from "./testing/sample-repo.ts";
import { newStandaloneExtension } from "./standalone.ts";

const repoRoot = resolve(import.meta.dirname, "../../..");
let root = "";

/** A throwaway repository with the real samples' sources (no installs): what the command reads and writes. */
beforeAll(async () => {
  root = await makeSampleRepo(repoRoot, "new-ext-");
});

afterAll(async () => {
  await rm(root, { recursive: true, force: true });
});

async function snapshot(dir: string): Promise<string[]> {
  return (await readdir(dir, { recursive: true })).sort();
}

async function refusal(promise: Promise<unknown>): Promise<NewExtensionError> {
  const error = await promise.then(
    () => undefined,
    (reason: unknown) => reason,
  );
  expect(error).toBeInstanceOf(NewExtensionError);
  return error as NewExtensionError;
}

describe("newExtension", () => {
  it.each([
    ["minimal-backend", "first-copy"],
    ["compose-volumes", "second-copy"],
    ["host-binaries", "third-copy"],
  ])("copies %s with no trace of its identity left", async (sample, name) => {
    const result = await newExtension({ repoRoot: root, name, from: sample, install: false });
    const text = await Promise.all(
      result.files.map(async (file) => [file, await readFile(join(result.target, file), "utf8")] as const),
    );
    const original = JSON.parse(await readFile(join(root, "samples", sample, "metadata.json"), "utf8")) as {
      ui: { "dashboard-tab": { title: string } };
    };
    const traces = text.filter(
      ([file, content]) =>
        file.includes(sample) || content.includes(sample) || content.includes(original.ui["dashboard-tab"].title),
    );
    expect(traces.map(([file]) => file)).toEqual([]);
    const pkg = JSON.parse(await readFile(join(result.target, "package.json"), "utf8")) as { name: string };
    expect(pkg.name).toBe(name);
    const metadata = await readFile(join(result.target, "metadata.json"), "utf8");
    expect(metadata).toContain(`"title": "${name.charAt(0).toUpperCase()}${name.slice(1).replace("-", " ")}"`);
    expect(await readFile(join(result.target, "Makefile"), "utf8")).toContain(`IMAGE ?= dext/${name}\n`);
  });

  it("leaves out what builds and installs left in the sample's folder, an image build's pruned context included", async () => {
    const sample = join(root, "samples", "minimal-backend");
    for (const leftover of [".docker-context/packages/backend/src", "node_modules/x", "dist/ui", ".cache", ".turbo"]) {
      await mkdir(join(sample, leftover), { recursive: true });
      await writeFile(join(sample, leftover, "left.ts"), "export {};\n");
    }
    try {
      const result = await newExtension({
        repoRoot: root,
        name: "no-leftovers",
        from: "minimal-backend",
        install: false,
      });
      expect(result.files.filter((file) => file.endsWith("left.ts"))).toEqual([]);
      expect((await snapshot(result.target)).filter((path) => path.includes("left.ts"))).toEqual([]);
    } finally {
      for (const leftover of [".docker-context", "node_modules", "dist", ".cache", ".turbo"])
        await rm(join(sample, leftover), { recursive: true, force: true });
    }
  });

  it("keeps file modes, so scripts stay executable", async () => {
    const result = await newExtension({ repoRoot: root, name: "keeps-modes", from: "minimal-backend", install: false });
    expect((await stat(join(result.target, "hello.sh"))).mode & 0o111).not.toBe(0);
  });

  it("uses --title and --image where given", async () => {
    const result = await newExtension({
      repoRoot: root,
      name: "titled",
      from: "minimal-backend",
      title: "Team tools",
      image: "acme/team-tools",
      install: false,
    });
    expect(await readFile(join(result.target, "Makefile"), "utf8")).toContain("IMAGE ?= acme/team-tools\n");
    expect(await readFile(join(result.target, "Dockerfile"), "utf8")).toContain(
      'org.opencontainers.image.title="Team tools"',
    );
  });

  it("refuses an invalid name, an unknown sample and an existing target, and writes nothing", async () => {
    await mkdir(join(root, "samples", "leftover"));
    const before = await snapshot(join(root, "samples"));
    expect(
      (await refusal(newExtension({ repoRoot: root, name: "leftover", from: "minimal-backend", install: false }))).code,
    ).toBe("TARGET_EXISTS");
    expect(
      (await refusal(newExtension({ repoRoot: root, name: "Bad Name", from: "minimal-backend", install: false }))).code,
    ).toBe("INVALID_NAME");
    const unknown = await refusal(
      newExtension({ repoRoot: root, name: "fine", from: "no-such-sample", install: false }),
    );
    expect(unknown.code).toBe("UNKNOWN_SAMPLE");
    expect(unknown.message).toMatch(/choose one of: compose-volumes, .*host-binaries, .*minimal-backend/);
    expect(
      (await refusal(newExtension({ repoRoot: root, name: "minimal-backend", from: "host-binaries", install: false })))
        .code,
    ).toBe("NAME_TAKEN");
    expect(
      (
        await refusal(
          newExtension({ repoRoot: root, name: "fine", from: "minimal-backend", image: "Acme/X:1", install: false }),
        )
      ).code,
    ).toBe("INVALID_NAME");
    expect(await snapshot(join(root, "samples"))).toEqual(before);
  });

  it("reports every bad argument at once and creates nothing, not even the target", async () => {
    const before = await snapshot(join(root, "samples"));
    const error = await refusal(
      newExtension({
        repoRoot: root,
        name: "fine-name",
        from: "no-such-sample",
        title: "Team\ntools",
        image: "Bad/Image",
        install: false,
      }),
    );
    expect(error.message).toMatch(/^3 problems, nothing written:/);
    expect(error.message).toContain("U+000A");
    expect(error.message).toContain("not a valid image repository");
    expect(error.message).toContain('there is no sample "no-such-sample"');
    await expect(lstat(join(root, "samples", "fine-name"))).rejects.toMatchObject({ code: "ENOENT" });
    expect(await snapshot(join(root, "samples"))).toEqual(before);
  });

  it("refuses a symbolic link in the target's place without following it", async () => {
    const elsewhere = await mkdtemp(join(tmpdir(), "new-ext-elsewhere-"));
    await symlink(elsewhere, join(root, "samples", "linked"));
    const error = await refusal(
      newExtension({ repoRoot: root, name: "linked", from: "minimal-backend", install: false }),
    );
    expect(error).toMatchObject({
      code: "TARGET_EXISTS",
      message: expect.stringMatching(/is a symbolic link/) as unknown,
    });
    expect(await readdir(elsewhere)).toEqual([]);
    await rm(elsewhere, { recursive: true });
  });
});

describe("newStandaloneExtension's refusals, before it builds or writes anything", () => {
  it.each([
    [
      "a symbolic link to an empty folder",
      async (parent: string) => {
        await mkdir(join(parent, "real"));
        await symlink(join(parent, "real"), join(parent, "project"));
        return join(parent, "project");
      },
      /is a symbolic link/,
    ],
    [
      "a file",
      async (parent: string) => {
        await writeFile(join(parent, "project"), "mine");
        return join(parent, "project");
      },
      /exists and is not a folder/,
    ],
    [
      "a folder with a file in it",
      async (parent: string) => {
        await mkdir(join(parent, "project"));
        await writeFile(join(parent, "project", "notes.txt"), "mine");
        return join(parent, "project");
      },
      /already exists and is not empty/,
    ],
    [
      "a path under a file",
      async (parent: string) => {
        await writeFile(join(parent, "blocker"), "mine");
        return join(parent, "blocker", "project");
      },
      /blocker is not a folder, so/,
    ],
  ])("refuses %s as --standalone, leaving it as it was", async (_label, prepare, why) => {
    const parent = await mkdtemp(join(tmpdir(), "new-ext-standalone-"));
    try {
      const target = await prepare(parent);
      const before = await snapshot(parent);
      const error = await refusal(
        newStandaloneExtension({ repoRoot: root, name: "team-tools", from: "minimal-backend", target, install: false }),
      );
      expect(error.message).toMatch(why);
      expect(await snapshot(parent)).toEqual(before);
    } finally {
      await rm(parent, { recursive: true, force: true });
    }
  });
});

// Installing an extension folder never writes to it, and never serves or copies what lies outside it.
import { createHash } from "node:crypto";
import { lstat, mkdir, mkdtemp, readdir, readFile, readlink, rm, symlink, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { silentLogger } from "@dext/backend";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { startDesktopHost } from "./server/desktop-host.ts";
import { loadExtensionFolder } from "./server/extension-folder.ts";

let dir: string;

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), "dext-inst-"));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

/** Every entry under `root` with its type and content (or link target), so any change shows. */
async function snapshot(root: string): Promise<string> {
  const lines: string[] = [];
  const walk = async (folder: string): Promise<void> => {
    for (const name of (await readdir(folder)).sort()) {
      const path = join(folder, name);
      const info = await lstat(path);
      if (info.isSymbolicLink()) lines.push(`${path} -> ${await readlink(path)}`);
      else if (info.isDirectory()) {
        lines.push(`${path}/`);
        await walk(path);
      } else
        lines.push(
          `${path} ${createHash("sha256")
            .update(await readFile(path))
            .digest("hex")}`,
        );
    }
  };
  await walk(root);
  return lines.join("\n");
}

async function extension(files: Record<string, string>): Promise<string> {
  const folder = join(dir, "ext");
  for (const [path, text] of Object.entries(files)) {
    await mkdir(join(folder, path, ".."), { recursive: true });
    await writeFile(join(folder, path), text);
  }
  return folder;
}

const metadata = (extra: object = {}) =>
  JSON.stringify({
    ui: { "dashboard-tab": { title: "t", root: "/ui", src: "index.html" } },
    vm: { image: "x" },
    ...extra,
  });

describe("a folder install", () => {
  it("leaves the source byte-identical when copies overlap, after install and after stop", async () => {
    const folder = await extension({
      "metadata.json": metadata(),
      "ui/index.html": "<html><head></head><body>ui</body></html>",
      "ui/app.js": "one",
      "extra/app.js": "two",
      "more/page.css": "x",
      // Each later COPY lands in or over a folder an earlier one linked: none may write through the link.
      Dockerfile:
        "FROM scratch\nCOPY . /\nCOPY ui /ui\nCOPY extra/app.js /ui/app.js\nCOPY more /ui\nCOPY more /ui/nested\n",
    });
    const before = await snapshot(folder);
    const host = await startDesktopHost({ folders: [folder], context: folder, logger: silentLogger });
    expect(host.extensions).toHaveLength(1);
    expect(await snapshot(folder)).toBe(before);
    const origin = host.origins.get("ext") ?? "";
    // The later COPY wins in the image, as a later layer does.
    expect(await (await fetch(`${origin}/x/ext/ui/app.js`)).text()).toBe("two");
    expect(await (await fetch(`${origin}/x/ext/ui/page.css`)).text()).toBe("x");
    await host.stop();
    expect(await snapshot(folder)).toBe(before);
  });

  it("refuses a COPY source outside the build context", async () => {
    const folder = await extension({
      "metadata.json": metadata(),
      Dockerfile: "FROM scratch\nCOPY ../secret /secret\nCOPY metadata.json /\n",
    });
    await expect(loadExtensionFolder(folder, { context: folder })).rejects.toMatchObject({
      code: "dockerfile_invalid",
      message: expect.stringContaining("outside the build context") as unknown,
    });
  });

  it("refuses metadata paths with .. and serves no symlink that leaves the UI folder", async () => {
    await writeFile(join(dir, "outside.txt"), "secret");
    const folder = await extension({
      "metadata.json": metadata({ icon: "../../outside.txt" }),
      "ui/index.html": "<html><head></head></html>",
    });
    await symlink(join(dir, "outside.txt"), join(folder, "ui", "leak.txt"));
    await symlink("/dev/zero", join(folder, "ui", "zero.js"));
    const host = await startDesktopHost({ folders: [folder], logger: silentLogger });
    const origin = host.origins.get("ext") ?? "";
    const [summary] = host.extensions[0]?.problems ?? [];
    expect(summary).toContain("leaves the image root");
    for (const path of ["ui/leak.txt", "ui/zero.js", "icon", "ui/%2e%2e/metadata.json"]) {
      const response = await fetch(`${origin}/x/ext/${path}`);
      expect(response.status, path).toBe(404);
      expect(await response.text(), path).not.toContain("secret");
    }
    expect((await fetch(`${origin}/x/ext/ui/%E0%A4%A`)).status).toBe(400);
    await host.stop();
  });

  it("does not read a metadata.json that is a link out of the extension", async () => {
    await writeFile(join(dir, "elsewhere.json"), metadata());
    const folder = await extension({ "ui/index.html": "<html><head></head></html>" });
    await symlink(join(dir, "elsewhere.json"), join(folder, "metadata.json"));
    await expect(loadExtensionFolder(folder)).rejects.toMatchObject({
      code: "metadata_invalid",
      message: expect.stringContaining("leaves the extension") as unknown,
    });
  });

  it("reports a folder it cannot read in the dashboard and installs the others", async () => {
    const good = await extension({ "metadata.json": metadata(), "ui/index.html": "<html><head></head></html>" });
    const bad = join(dir, "bad");
    await mkdir(bad);
    await import("node:child_process").then(({ execFileSync }) => execFileSync("mkfifo", [join(bad, "Dockerfile")]));
    const host = await startDesktopHost({ folders: [bad, good], logger: silentLogger });
    expect(host.extensions.map((e) => e.id)).toEqual(["ext"]);
    await host.stop();
  }, 15_000);
});

describe("the static server", () => {
  /** The files this process holds open that are `path`. */
  async function openCopies(path: string): Promise<number> {
    let count = 0;
    for (const fd of await readdir("/proc/self/fd")) {
      if ((await readlink(`/proc/self/fd/${fd}`).catch(() => "")) === path) count += 1;
    }
    return count;
  }

  it("releases the file of every download the browser aborts", async () => {
    const folder = await extension({ "metadata.json": metadata(), "ui/index.html": "<html><head></head></html>" });
    const big = join(folder, "ui", "big.js");
    await writeFile(big, Buffer.alloc(32 * 1024 * 1024, 97));
    const host = await startDesktopHost({ folders: [folder], logger: silentLogger });
    const origin = host.origins.get("ext") ?? "";
    for (let round = 0; round < 20; round += 1) {
      const abort = new AbortController();
      const response = await fetch(`${origin}/x/ext/ui/big.js`, { signal: abort.signal });
      await response.body?.getReader().read();
      abort.abort();
    }
    await expect.poll(() => openCopies(big), { timeout: 10_000 }).toBe(0);
    // And the server still serves it whole afterwards.
    expect((await (await fetch(`${origin}/x/ext/ui/big.js`)).arrayBuffer()).byteLength).toBe(32 * 1024 * 1024);
    await host.stop();
  }, 60_000);
});

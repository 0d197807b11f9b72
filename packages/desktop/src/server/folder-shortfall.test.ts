import { mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadExtensionFolder } from "./extension-folder.ts";
import { folderModeShortfall } from "./folder-shortfall.ts";

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), "dext-shortfall-"));
});
afterAll(() => rm(dir, { recursive: true, force: true }));

async function folder(name: string, files: Record<string, string>) {
  const root = join(dir, name);
  for (const [path, text] of Object.entries(files)) {
    await mkdir(join(root, path, ".."), { recursive: true });
    await writeFile(join(root, path), text);
  }
  return loadExtensionFolder(root);
}

const tab = { "dashboard-tab": { title: "t", root: "/ui", src: "index.html" } };

describe("folderModeShortfall", () => {
  it("is nothing for a folder whose Dockerfile copies everything the extension needs", async () => {
    const loaded = await folder("complete", {
      Dockerfile:
        'FROM alpine\nCOPY metadata.json /\nCOPY ui /ui\nCOPY server.js /server.js\nCMD ["node", "/server.js"]\n',
      "metadata.json": JSON.stringify({ ui: tab, vm: { image: "x" } }),
      "ui/index.html": "<html></html>",
      "server.js": "",
    });
    expect(await folderModeShortfall(loaded)).toBeUndefined();
  });

  it("is nothing for a UI folder that only files copied into it make (COPY ui/*.html /ui/)", async () => {
    const loaded = await folder("implied-ui", {
      Dockerfile: "FROM alpine\nCOPY *.json /\nCOPY ui/*.html /ui/\n",
      "metadata.json": JSON.stringify({ ui: tab }),
      "ui/index.html": "<html></html>",
    });
    expect(await folderModeShortfall(loaded)).toBeUndefined();
  });

  it("names a compose stack", async () => {
    const loaded = await folder("compose", {
      Dockerfile: "FROM alpine\nCOPY metadata.json compose.yaml /\nCOPY ui /ui\n",
      "metadata.json": JSON.stringify({ ui: tab, vm: { composefile: "compose.yaml" } }),
      "compose.yaml": "services: {}\n",
      "ui/index.html": "<html></html>",
    });
    expect(await folderModeShortfall(loaded)).toMatch(/compose stack/);
  });

  it("names a UI that a RUN step builds, and a backend binary a RUN step compiles", async () => {
    const ui = await folder("ui-by-run", {
      Dockerfile: "FROM alpine\nCOPY metadata.json /\nRUN mkdir /ui && echo hi > /ui/index.html\n",
      "metadata.json": JSON.stringify({ ui: tab }),
    });
    expect(await folderModeShortfall(ui)).toMatch(/ui\.dashboard-tab\.root \(\/ui\)/);
    const backend = await folder("backend-by-run", {
      Dockerfile: 'FROM alpine\nCOPY metadata.json /\nCOPY ui /ui\nRUN go build -o /service .\nCMD ["/service"]\n',
      "metadata.json": JSON.stringify({ ui: tab, vm: { image: "x" } }),
      "ui/index.html": "<html></html>",
    });
    expect(await folderModeShortfall(backend)).toMatch(/runs \/service/);
  });

  it("says a UI copied from a build stage's output needs a build", async () => {
    const loaded = await folder("ui-from-stage", {
      Dockerfile:
        "FROM node AS web\nWORKDIR /src\nCOPY . .\nRUN make\nFROM alpine\nCOPY metadata.json /\nCOPY --from=web /src/dist /ui\n",
      "metadata.json": JSON.stringify({ ui: tab }),
    });
    expect(await folderModeShortfall(loaded)).toBe(
      "ui.dashboard-tab.root (/ui) comes from stage web (Dockerfile line 7), not from the folder: it needs a build",
    );
  });

  it("does not count a system program as missing", async () => {
    const loaded = await folder("system-cmd", {
      Dockerfile: 'FROM alpine\nCOPY metadata.json /\nCOPY ui /ui\nCMD ["/bin/sleep", "infinity"]\n',
      "metadata.json": JSON.stringify({ ui: tab, vm: { image: "x" } }),
      "ui/index.html": "<html></html>",
    });
    expect(await folderModeShortfall(loaded)).toBeUndefined();
  });
});

// `dext validate` and the local Desktop host must never disagree on where a file of the folder
// lands in the image: validate checks metadata.json's paths against imageLayout's entries, and the
// host (packages/desktop, dockerfile-layout.ts) serves and runs the same entries. This proves the
// shape per Dockerfile form (file X lands at Y), then that validate accepts exactly what lands.
import { mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import { dirname, join, relative } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { machinePlatform } from "./build-platform.ts";
import { readDockerfile } from "./dockerfile-model.ts";
import { imageLayout, landingAt } from "./image-layout.ts";
import { validateExtensionDir } from "./validate-extension-dir.ts";

interface Form {
  name: string;
  files: Record<string, string>;
  dockerfile: string;
  /** Image path → the folder's file that lands there. */
  lands: Record<string, string>;
  icon: string;
  uiRoot: string;
  binary?: string;
  command: string[];
}

const arch = machinePlatform().split("/")[1] ?? "";
const common = { "metadata.json": "", "docker.svg": "<svg/>", "ui/index.html": "<html></html>" };
const sleep = 'CMD ["/bin/sleep", "infinity"]';

const FORMS: Form[] = [
  {
    name: "relative destinations from the default WORKDIR /",
    files: common,
    dockerfile: `FROM alpine\nCOPY metadata.json .\nCOPY docker.svg .\nCOPY ui ui\n${sleep}\n`,
    lands: { "/metadata.json": "metadata.json", "/docker.svg": "docker.svg", "/ui/index.html": "ui/index.html" },
    icon: "docker.svg",
    uiRoot: "/ui",
    command: ["/bin/sleep", "infinity"],
  },
  {
    name: "absolute destinations, a rename and the shell form",
    files: { "metadata.json": "", "art/logo.svg": "<svg/>", "web/index.html": "<html></html>" },
    dockerfile:
      "FROM alpine\nCOPY metadata.json /\nCOPY art/logo.svg /brand/icon.svg\nCOPY web/ /ui/\nCMD sleep infinity\n",
    lands: { "/metadata.json": "metadata.json", "/brand/icon.svg": "art/logo.svg", "/ui/index.html": "web/index.html" },
    icon: "/brand/icon.svg",
    uiRoot: "/ui",
    command: ["/bin/sh", "-c", "sleep infinity"],
  },
  {
    name: "a WORKDIR for relative destinations",
    files: common,
    dockerfile:
      'FROM alpine\nWORKDIR /ext\nCOPY metadata.json /\nCOPY docker.svg ./\nCOPY ui ./ui\nCMD ["node", "server.js"]\n',
    lands: {
      "/metadata.json": "metadata.json",
      "/ext/docker.svg": "docker.svg",
      "/ext/ui/index.html": "ui/index.html",
    },
    icon: "/ext/docker.svg",
    uiRoot: "/ext/ui",
    command: ["node", "server.js"],
  },
  {
    name: "CRLF line ends",
    files: common,
    dockerfile:
      "FROM alpine\r\nWORKDIR /ext\r\nCOPY metadata.json /\r\nCOPY docker.svg \\\r\n  ui ./\r\nCMD node server.js\r\n",
    lands: { "/metadata.json": "metadata.json", "/ext/docker.svg": "docker.svg", "/ext/index.html": "ui/index.html" },
    icon: "/ext/docker.svg",
    uiRoot: "/ext",
    command: ["/bin/sh", "-c", "node server.js"],
  },
  {
    name: "wildcards",
    files: common,
    dockerfile: `FROM alpine\nCOPY *.json *.svg /\nCOPY ui/*.html /ui/\n${sleep}\n`,
    lands: { "/metadata.json": "metadata.json", "/docker.svg": "docker.svg", "/ui/index.html": "ui/index.html" },
    icon: "/docker.svg",
    uiRoot: "/ui",
    command: ["/bin/sleep", "infinity"],
  },
  {
    name: "ARG and ENV in paths",
    files: common,
    dockerfile: `ARG ICON=docker.svg\nFROM alpine\nARG ICON\nENV UI=/app/ui\nCOPY metadata.json /\nCOPY \${ICON} /img/\nCOPY ui $UI\n${sleep}\n`,
    lands: {
      "/metadata.json": "metadata.json",
      "/img/docker.svg": "docker.svg",
      "/app/ui/index.html": "ui/index.html",
    },
    icon: "/img/docker.svg",
    uiRoot: "/app/ui",
    command: ["/bin/sleep", "infinity"],
  },
  {
    name: "copies from a stage that copied the context (stage names in any case)",
    files: common,
    dockerfile: `FROM alpine AS Build\nWORKDIR /src\nCOPY . .\nRUN true\nFROM alpine\nCOPY --from=build /src/metadata.json /\nCOPY --from=BUILD /src/ui /ui\nCOPY --from=0 /src/docker.svg /docker.svg\n${sleep}\n`,
    lands: { "/metadata.json": "metadata.json", "/docker.svg": "docker.svg", "/ui/index.html": "ui/index.html" },
    icon: "/docker.svg",
    uiRoot: "/ui",
    command: ["/bin/sleep", "infinity"],
  },
  {
    name: "the escape directive",
    files: common,
    dockerfile:
      '# escape=`\nFROM alpine\nCOPY metadata.json `\n  docker.svg /\nCOPY ui /ui\nENTRYPOINT ["/bin/sleep"]\nCMD infinity\n',
    lands: { "/metadata.json": "metadata.json", "/docker.svg": "docker.svg", "/ui/index.html": "ui/index.html" },
    icon: "/docker.svg",
    uiRoot: "/ui",
    command: ["/bin/sleep", "/bin/sh", "-c", "infinity"],
  },
  {
    name: "a platform ARG, for this machine's platform",
    files: { ...common, "bin/linux-amd64/tool": "#!/bin/sh\n", "bin/linux-arm64/tool": "#!/bin/sh\n" },
    dockerfile: `FROM alpine\nARG TARGETARCH\nCOPY metadata.json docker.svg /\nCOPY ui /ui\nCOPY --chmod=0755 bin/linux-\${TARGETARCH}/tool /linux/tool\n${sleep}\n`,
    lands: {
      "/metadata.json": "metadata.json",
      "/docker.svg": "docker.svg",
      "/ui/index.html": "ui/index.html",
      "/linux/tool": `bin/linux-${arch}/tool`,
    },
    icon: "/docker.svg",
    uiRoot: "/ui",
    binary: "/linux/tool",
    command: ["/bin/sleep", "infinity"],
  },
];

let root: string;
beforeAll(async () => {
  root = await mkdtemp("/tmp/dla-");
});
afterAll(async () => {
  await rm(root, { recursive: true, force: true });
});

function metadataNaming(form: Form, icon: string): string {
  return JSON.stringify({
    icon,
    ui: { "dashboard-tab": { title: "T", root: form.uiRoot, src: "index.html" } },
    vm: { image: "${DESKTOP_PLUGIN_IMAGE}", exposes: { socket: "t.sock" } },
    ...(form.binary === undefined ? {} : { host: { binaries: [{ linux: [{ path: form.binary }] }] } }),
  });
}

async function folderFor(form: Form, index: number): Promise<string> {
  const dir = join(root, String(index));
  for (const [path, text] of Object.entries({ ...form.files, Dockerfile: form.dockerfile })) {
    await mkdir(dirname(join(dir, path)), { recursive: true });
    await writeFile(join(dir, path), path === "metadata.json" ? metadataNaming(form, form.icon) : text);
  }
  return dir;
}

/** validate's findings about files the image lacks, and about a missing command. */
async function placementFindings(dir: string): Promise<string[]> {
  const report = await validateExtensionDir(dir, { context: dir });
  return report.findings
    .filter((finding) => /never copies it there|has no CMD|does not exist in the build context/.test(finding.message))
    .map((finding) => finding.message);
}

describe.each(FORMS.map((form, index) => ({ ...form, index })))("$name", (form) => {
  it("lands each file where validate looks for it and where the host takes it from", async () => {
    const dir = await folderFor(form, form.index);
    const layout = imageLayout(readDockerfile(form.dockerfile, join(dir, "Dockerfile")), dir);
    const landed = Object.fromEntries(
      Object.keys(form.lands).map((imagePath) => {
        const hostPath = landingAt(layout.entries, imagePath)?.hostPath;
        return [imagePath, hostPath === undefined ? undefined : relative(dir, hostPath)];
      }),
    );
    expect(landed).toEqual(form.lands);
    expect(layout.command).toEqual(form.command);
    expect(await placementFindings(dir)).toEqual([]);
  });

  it("makes validate refuse a path the layout does not land", async () => {
    const dir = join(root, String(form.index));
    const elsewhere = `/elsewhere${form.icon.startsWith("/") ? "" : "/"}${form.icon}`;
    await writeFile(join(dir, "metadata.json"), metadataNaming(form, elsewhere));
    const dockerfile = readDockerfile(form.dockerfile, join(dir, "Dockerfile"));
    expect(landingAt(imageLayout(dockerfile, dir).entries, elsewhere)).toBeUndefined();
    expect(await placementFindings(dir)).toEqual([
      expect.stringContaining(`must be at ${elsewhere} in the image, but the final stage never copies it there`),
    ]);
  });
});

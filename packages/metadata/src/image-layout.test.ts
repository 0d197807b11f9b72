import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { readDockerfile } from "./dockerfile-model.ts";
import { FIXTURES } from "./testing/fixture-cases.ts";
import { imageLayout, landingAt } from "./image-layout.ts";

const extension = join(FIXTURES, "extensions", "host-binaries");
let ctx: string;

beforeAll(() => {
  ctx = mkdtempSync("/tmp/dl-");
  const files: Record<string, string> = {
    "ext/metadata.json": "{}",
    "ext/ui/index.html": "<html></html>",
    // The layout of Docker's own samples: metadata.json, the icon and ui/ at the context's top.
    "metadata.json": "{}",
    "docker.svg": "<svg/>",
    "ui/index.html": "<html></html>",
  };
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(ctx, path)), { recursive: true });
    writeFileSync(join(ctx, path), text);
  }
});
afterAll(() => {
  rmSync(ctx, { recursive: true, force: true });
});

function layoutOf(
  text: string,
  options: { context?: string; buildArgs?: Record<string, string>; platform?: string } = {},
) {
  const model = readDockerfile(text, "Dockerfile", new Map(Object.entries(options.buildArgs ?? {})), options.platform);
  return imageLayout(model, options.context ?? ctx);
}

/** The machine path that lands at `imagePath`, or undefined. */
function hostPathAt(text: string, imagePath: string, options?: Parameters<typeof layoutOf>[1]): string | undefined {
  return landingAt(layoutOf(text, options).entries, imagePath)?.hostPath;
}

describe("imageLayout: where each file of the context lands", () => {
  it("maps files copied from the context, into folders and onto names", () => {
    const layout = layoutOf(
      "FROM scratch\nCOPY ext/metadata.json /\nCOPY ext/ui /ui\nCOPY ext/metadata.json /etc/meta.json\n",
    );
    const at = (path: string) => landingAt(layout.entries, path)?.hostPath;
    expect(at("/metadata.json")).toBe(join(ctx, "ext", "metadata.json"));
    expect(at("/ui/index.html")).toBe(join(ctx, "ext", "ui", "index.html"));
    expect(at("/etc/meta.json")).toBe(join(ctx, "ext", "metadata.json"));
    expect(landingAt(layout.entries, "/nothing")).toBeUndefined();
  });

  it("puts a copied folder's contents, not the folder, at the destination, and checks they exist", () => {
    const { entries } = layoutOf("FROM a\nCOPY bin /tools\n", { context: extension });
    expect(landingAt(entries, "/tools/darwin-arm64/hello")?.entry).toMatchObject({ kind: "dir", line: 2 });
    expect(landingAt(entries, "/tools/bin/darwin-arm64/hello")).toBeUndefined();
    expect(landingAt(entries, "/tools/darwin-arm64/missing")).toBeUndefined();
  });

  it("places files in a destination folder, or at the destination itself", () => {
    const { entries } = layoutOf("FROM a\nCOPY metadata.json docker.svg /\nCOPY docker.svg /icons/icon.svg\n", {
      context: extension,
    });
    expect(landingAt(entries, "/metadata.json")?.entry.kind).toBe("file");
    expect(landingAt(entries, "/icons/icon.svg")?.hostPath).toBe(join(extension, "docker.svg"));
    expect(landingAt(entries, "/icons")).toBeUndefined();
  });

  it("matches wildcards per path segment", () => {
    const { entries } = layoutOf("FROM a\nCOPY bin/*-amd64/hello* /out/\n", { context: extension });
    expect(landingAt(entries, "/out/hello.exe")?.hostPath).toBe(join(extension, "bin", "windows-amd64", "hello.exe"));
  });

  it("puts a file copied to . or to an existing folder inside it, as Docker does (Docker's samples: COPY metadata.json .)", () => {
    const text =
      "FROM alpine\nCOPY metadata.json .\nCOPY docker.svg .\nCOPY ui ui\nCOPY ext/metadata.json /usr/local/bin\nWORKDIR /srv\nCOPY docker.svg ./\nCOPY metadata.json /ui\n";
    expect(hostPathAt(text, "/metadata.json")).toBe(join(ctx, "metadata.json"));
    expect(hostPathAt(text, "/docker.svg")).toBe(join(ctx, "docker.svg"));
    expect(hostPathAt(text, "/srv/docker.svg")).toBe(join(ctx, "docker.svg"));
    expect(hostPathAt(text, "/usr/local/bin/metadata.json")).toBe(join(ctx, "ext", "metadata.json"));
    // ui was copied as a folder, so a file copied onto /ui lands inside it.
    expect(hostPathAt(text, "/ui/metadata.json")).toBe(join(ctx, "metadata.json"));
    expect(hostPathAt(text, "/ui/index.html")).toBe(join(ctx, "ui", "index.html"));
  });

  it("renames a file copied onto a path that is not a folder, FROM scratch even onto a usual base folder", () => {
    const text = "FROM alpine\nCOPY metadata.json /extension.json\nWORKDIR /app\nCOPY docker.svg icon.svg\n";
    expect(hostPathAt(text, "/extension.json")).toBe(join(ctx, "metadata.json"));
    expect(hostPathAt(text, "/app/icon.svg")).toBe(join(ctx, "docker.svg"));
    expect(hostPathAt("FROM scratch\nCOPY docker.svg /opt\n", "/opt")).toBe(join(ctx, "docker.svg"));
    expect(hostPathAt("FROM alpine\nCOPY docker.svg /opt\n", "/opt/docker.svg")).toBe(join(ctx, "docker.svg"));
    // A WORKDIR made later in the stage did not exist when the file was copied.
    expect(hostPathAt("FROM alpine\nCOPY docker.svg /app\nWORKDIR /app\n", "/app")).toBe(join(ctx, "docker.svg"));
  });

  it("resolves relative destinations against WORKDIR and expands ARG and ENV as BuildKit scopes them", () => {
    const layout = layoutOf(
      'ARG DIR=ext\nFROM node\nARG DIR\nENV TARGET=/srv\nWORKDIR $TARGET\nCOPY ${DIR}/metadata.json "meta data.json"\n',
    );
    expect(landingAt(layout.entries, "/srv/meta data.json")?.hostPath).toBe(join(ctx, "ext", "metadata.json"));
    expect(layout.workdir).toBe("/srv");
    expect(layout.env).toEqual({ TARGET: "/srv" });
    // Not re-declared in the stage, a global ARG is empty there: the source is the context's /metadata.json.
    expect(hostPathAt("ARG DIR=ext\nFROM node\nCOPY ${DIR}/metadata.json /m.json\n", "/m.json")).toBe(
      join(ctx, "metadata.json"),
    );
  });

  it("lets build arguments override ARG defaults", () => {
    const text = "ARG DIR=nope\nFROM node\nARG DIR\nCOPY ${DIR}/metadata.json /\n";
    expect(hostPathAt(text, "/metadata.json", { buildArgs: { DIR: "ext" } })).toBe(join(ctx, "ext", "metadata.json"));
  });

  it("reads the platform ARGs for the platform asked (this machine's by default)", () => {
    const text = "FROM scratch\nARG TARGETARCH\nCOPY bin/linux-${TARGETARCH}/hello /linux/hello\n";
    const arm = { context: extension, platform: "linux/arm64" };
    expect(hostPathAt(text, "/linux/hello", arm)).toBe(join(extension, "bin", "linux-arm64", "hello"));
    expect(hostPathAt(text, "/linux/hello", { context: extension, platform: "linux/amd64" })).toBe(
      join(extension, "bin", "linux-amd64", "hello"),
    );
    expect(hostPathAt(text, "/linux/hello", { ...arm, buildArgs: { TARGETARCH: "amd64" } })).toBe(
      join(extension, "bin", "linux-amd64", "hello"),
    );
  });

  it("reads CRLF line ends, continuation lines and the escape directive", () => {
    const crlf = "FROM alpine\r\nWORKDIR /srv\r\nCOPY metadata.json \\\r\n  docker.svg ./\r\n";
    expect(hostPathAt(crlf, "/srv/docker.svg")).toBe(join(ctx, "docker.svg"));
    const escaped = "# escape=`\nFROM alpine\nCOPY ext\\metadata.json `\n  /x/\n";
    // With ` as the escape character a backslash is an ordinary character of the name.
    expect(landingAt(layoutOf(escaped).entries, "/x/metadata.json")).toBeUndefined();
    expect(hostPathAt("# escape=`\nFROM alpine\nCOPY ext/metadata.json `\n  /x/\n", "/x/metadata.json")).toBe(
      join(ctx, "ext", "metadata.json"),
    );
  });

  it("keeps --chmod as the entry's mode, and here-documents as files with no machine path", () => {
    const layout = layoutOf(
      "FROM alpine\nCOPY --chmod=0755 docker.svg /usr/local/bin/tool\nCOPY <<EOF /notes.txt\nhi\nEOF\n",
    );
    expect(landingAt(layout.entries, "/usr/local/bin/tool")?.entry.mode).toBe("0755");
    expect(landingAt(layout.entries, "/notes.txt")).toMatchObject({
      entry: { kind: "file", origin: "heredoc" },
      hostPath: undefined,
    });
  });

  it("only counts the final stage and the stages it is built FROM", () => {
    const text = "FROM a AS base\nCOPY docker.svg /base.svg\nFROM a AS other\nCOPY docker.svg /other.svg\nFROM BASE\n";
    expect(hostPathAt(text, "/base.svg")).toBe(join(ctx, "docker.svg"));
    expect(hostPathAt(text, "/other.svg")).toBeUndefined();
  });
});

describe("imageLayout: copies from other stages", () => {
  it("follows a copy from a stage that copied the context and built in place (stage names in any case)", () => {
    const text =
      "FROM --platform=$BUILDPLATFORM node AS Builder\nWORKDIR /repo\nCOPY a.json b.json ./\nCOPY . .\nRUN build\nFROM node\nCOPY --from=builder /repo/ext/ui /ui\n";
    const found = landingAt(layoutOf(text).entries, "/ui/index.html");
    expect(found?.hostPath).toBe(join(ctx, "ext", "ui", "index.html"));
    expect(found?.entry).toMatchObject({ origin: "stage", kind: "dir", fromStage: { name: "builder" } });
  });

  it("names a file copied from a stage as the stage names it, not as the context does", () => {
    const text = "FROM a AS build\nCOPY docker.svg /x/icon.svg\nFROM a\nCOPY --from=build /x/icon.svg /out/\n";
    expect(hostPathAt(text, "/out/icon.svg")).toBe(join(ctx, "docker.svg"));
  });

  it("keeps what only a build makes as unknown, with no machine path, so the host can say it needs a build", () => {
    const text = "FROM node AS build\nWORKDIR /app\nCOPY . .\nRUN make\nFROM node\nCOPY --from=build /app/dist /ui\n";
    const found = landingAt(layoutOf(text).entries, "/ui/index.html");
    expect(found).toMatchObject({ entry: { kind: "unknown", origin: "stage" }, hostPath: undefined });
  });

  it("trusts anything at or under a --from destination, and remembers the stage", () => {
    const model = readDockerfile(
      "FROM a AS build\nFROM b\nCOPY --from=build /app/dist /ui\nCOPY --from=0 /x /x\n",
      "Dockerfile",
    );
    const { entries } = imageLayout(model, extension);
    expect(landingAt(entries, "/ui/index.html")?.entry).toMatchObject({ kind: "unknown", fromStage: model.stages[0] });
    expect(landingAt(entries, "/x")?.entry.fromStage).toBe(model.stages[0]);
  });

  it("keeps copies from external images as unknown image entries", () => {
    const { entries } = layoutOf("FROM node\nCOPY --from=alpine:3 /bin/sh /bin/sh\n");
    expect(entries).toMatchObject([{ imagePath: "/bin/sh", kind: "unknown", origin: "image" }]);
    expect(entries[0]?.hostPath).toBeUndefined();
  });
});

describe("imageLayout: the command", () => {
  const command = (text: string) => layoutOf(text).command;

  it("joins ENTRYPOINT and CMD, and reads the shell form as sh -c with the text as written", () => {
    expect(command('FROM node\nENTRYPOINT ["tini", "--"]\nCMD ["node", "/b/main.js"]\n')).toEqual([
      "tini",
      "--",
      "node",
      "/b/main.js",
    ]);
    expect(command("FROM node\nCMD sleep infinity\n")).toEqual(["/bin/sh", "-c", "sleep infinity"]);
    expect(command('FROM node\nENV X=1\nCMD echo "$X" \\\n  done\n')).toEqual(["/bin/sh", "-c", 'echo "$X"   done']);
    expect(command("FROM node\n")).toBeUndefined();
  });

  it("uses the SHELL for the shell form", () => {
    expect(command('FROM node\nSHELL ["/bin/bash", "-lc"]\nCMD run\n')).toEqual(["/bin/bash", "-lc", "run"]);
  });

  it("takes the CMD of the final stage and the stages it is built FROM only", () => {
    expect(command('FROM node AS a\nCMD ["a"]\nFROM node\nCOPY ext/metadata.json /\n')).toBeUndefined();
    expect(command('FROM node AS a\nCMD ["a"]\nFROM a\n')).toEqual(["a"]);
  });

  it("clears an inherited CMD when the stage sets ENTRYPOINT, but not one it set before", () => {
    expect(command('FROM node AS a\nCMD ["a"]\nFROM a\nENTRYPOINT ["e"]\n')).toEqual(["e"]);
    expect(command('FROM node\nCMD ["a"]\nENTRYPOINT ["e"]\n')).toEqual(["e", "a"]);
    expect(command('FROM node AS a\nENTRYPOINT ["e"]\nFROM a\nCMD ["c"]\n')).toEqual(["e", "c"]);
  });
});

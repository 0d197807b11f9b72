import { mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { hostPathFor, readImageLayout } from "./dockerfile-layout.ts";

let ctx: string;
beforeAll(async () => {
  ctx = await mkdtemp(join(tmpdir(), "dext-layout-"));
  await mkdir(join(ctx, "ext", "ui"), { recursive: true });
  await writeFile(join(ctx, "ext", "metadata.json"), "{}");
  await writeFile(join(ctx, "ext", "ui", "index.html"), "<html></html>");
  // The layout of Docker's own samples: metadata.json, the icon and ui/ at the context's top.
  await mkdir(join(ctx, "ui"), { recursive: true });
  await writeFile(join(ctx, "metadata.json"), "{}");
  await writeFile(join(ctx, "docker.svg"), "<svg/>");
  await writeFile(join(ctx, "ui", "index.html"), "<html></html>");
});
afterAll(() => rm(ctx, { recursive: true, force: true }));

async function layoutOf(dockerfile: string, buildArgs?: Record<string, string>) {
  await writeFile(join(ctx, "Dockerfile"), dockerfile);
  return readImageLayout(join(ctx, "Dockerfile"), ctx, buildArgs);
}

describe("readImageLayout", () => {
  it("maps files copied from the context, into folders and onto names", async () => {
    const layout = await layoutOf(
      "FROM scratch\nCOPY ext/metadata.json /\nCOPY ext/ui /ui\nCOPY ext/metadata.json /etc/meta.json\n",
    );
    expect(hostPathFor(layout, "/metadata.json")).toBe(join(ctx, "ext", "metadata.json"));
    expect(hostPathFor(layout, "/ui/index.html")).toBe(join(ctx, "ext", "ui", "index.html"));
    expect(hostPathFor(layout, "/etc/meta.json")).toBe(join(ctx, "ext", "metadata.json"));
    expect(hostPathFor(layout, "/nothing")).toBeUndefined();
  });

  it("follows a copy from a build stage that copied the context and built in place", async () => {
    const layout = await layoutOf(
      "FROM --platform=$BUILDPLATFORM node AS builder\nWORKDIR /repo\nCOPY a.json b.json ./\nCOPY . .\nRUN build\nFROM node\nCOPY --from=builder /repo/ext/ui /ui\n",
    );
    expect(hostPathFor(layout, "/ui/index.html")).toBe(join(ctx, "ext", "ui", "index.html"));
  });

  it("ignores copies from external images, which are not on this machine", async () => {
    const layout = await layoutOf("FROM node\nCOPY --from=alpine:3 /bin/sh /bin/sh\n");
    expect(layout.entries).toEqual([]);
  });

  it("puts a file copied to . or to an existing folder inside it, as Docker does (Docker's samples: COPY metadata.json .)", async () => {
    const layout = await layoutOf(
      "FROM alpine\nCOPY metadata.json .\nCOPY docker.svg .\nCOPY ui ui\nCOPY ext/metadata.json /usr/local/bin\nWORKDIR /srv\nCOPY docker.svg ./\nCOPY metadata.json /ui\n",
    );
    expect(hostPathFor(layout, "/metadata.json")).toBe(join(ctx, "metadata.json"));
    expect(hostPathFor(layout, "/docker.svg")).toBe(join(ctx, "docker.svg"));
    expect(hostPathFor(layout, "/srv/docker.svg")).toBe(join(ctx, "docker.svg"));
    expect(hostPathFor(layout, "/usr/local/bin/metadata.json")).toBe(join(ctx, "ext", "metadata.json"));
    // ui was copied as a folder, so a file copied onto /ui lands inside it.
    expect(hostPathFor(layout, "/ui/metadata.json")).toBe(join(ctx, "metadata.json"));
    expect(hostPathFor(layout, "/ui/index.html")).toBe(join(ctx, "ui", "index.html"));
  });

  it("still renames a file copied onto a path that is not a folder", async () => {
    const layout = await layoutOf(
      "FROM alpine\nCOPY metadata.json /extension.json\nWORKDIR /app\nCOPY docker.svg icon.svg\n",
    );
    expect(hostPathFor(layout, "/extension.json")).toBe(join(ctx, "metadata.json"));
    expect(hostPathFor(layout, "/app/icon.svg")).toBe(join(ctx, "docker.svg"));
  });

  it("resolves relative destinations against WORKDIR and expands ARG and ENV", async () => {
    const layout = await layoutOf(
      'ARG DIR=ext\nFROM node\nENV TARGET=/srv\nWORKDIR $TARGET\nCOPY ${DIR}/metadata.json "meta data.json"\n',
    );
    expect(hostPathFor(layout, "/srv/meta data.json")).toBe(join(ctx, "ext", "metadata.json"));
    expect(layout.workdir).toBe("/srv");
    expect(layout.env).toEqual({ TARGET: "/srv" });
  });

  it("lets build arguments override ARG defaults", async () => {
    const layout = await layoutOf("ARG DIR=nope\nFROM node\nCOPY ${DIR}/metadata.json /\n", { DIR: "ext" });
    expect(hostPathFor(layout, "/metadata.json")).toBe(join(ctx, "ext", "metadata.json"));
  });

  it("joins ENTRYPOINT and CMD, and reads the shell form as sh -c", async () => {
    expect((await layoutOf('FROM node\nENTRYPOINT ["tini", "--"]\nCMD ["node", "/b/main.js"]\n')).command).toEqual([
      "tini",
      "--",
      "node",
      "/b/main.js",
    ]);
    expect((await layoutOf("FROM node\nCMD sleep infinity\n")).command).toEqual(["/bin/sh", "-c", "sleep infinity"]);
    expect((await layoutOf("FROM node\n")).command).toBeUndefined();
  });

  it("takes the CMD of the final stage only", async () => {
    const layout = await layoutOf('FROM node AS a\nCMD ["a"]\nFROM node\nCOPY ext/metadata.json /\n');
    expect(layout.command).toBeUndefined();
  });

  it("reports a Dockerfile without FROM", async () => {
    await expect(layoutOf("COPY x /\n")).rejects.toMatchObject({ code: "dockerfile_invalid" });
  });
});

// The Dockerfile's reading itself (forms, stages, variables, the command) is @dext/metadata's
// (image-layout.test.ts, layout-agreement.test.ts); this file covers what the host adds on top.
import { mkdir, mkdtemp, rm, symlink, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { imageLayout, readDockerfile } from "@dext/metadata";
import type { ImageLayout } from "@dext/metadata";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { containedHostPath, hostPathFor, layoutIn, readDockerfileModel } from "./dockerfile-layout.ts";

let ctx: string;
let outside: string;
beforeAll(async () => {
  ctx = await mkdtemp("/tmp/dext-layout-");
  outside = await mkdtemp("/tmp/dext-outside-");
  await mkdir(join(ctx, "ext", "ui"), { recursive: true });
  await writeFile(join(ctx, "ext", "metadata.json"), "{}");
  await writeFile(join(ctx, "ext", "ui", "index.html"), "<html></html>");
  await writeFile(join(outside, "secret"), "secret");
  await symlink(join(outside, "secret"), join(ctx, "ext", "ui", "leak"));
});
afterAll(async () => {
  await rm(ctx, { recursive: true, force: true });
  await rm(outside, { recursive: true, force: true });
});

async function layoutOf(dockerfile: string, buildArgs?: Record<string, string>) {
  await writeFile(join(ctx, "Dockerfile"), dockerfile);
  return layoutIn(await readDockerfileModel(join(ctx, "Dockerfile"), buildArgs), ctx);
}

describe("the layout of a Dockerfile read once (readDockerfileModel, then layoutIn)", () => {
  it("is @dext/metadata's imageLayout, the reading dext validate checks against", async () => {
    const text =
      'FROM node AS build\nWORKDIR /repo\nCOPY . .\nFROM node\nENV A=1\nCOPY ext/metadata.json /\nCOPY --from=build /repo/ext/ui /ui\nCMD ["node", "/ui"]\n';
    // Each side read its own model, so a --from entry's stage is compared by name.
    const plain = ({ entries, ...rest }: ImageLayout) => ({
      ...rest,
      entries: entries.map(({ fromStage, ...entry }) => ({ ...entry, fromStage: fromStage?.name })),
    });
    const host = plain(await layoutOf(text));
    expect(host).toEqual(plain(imageLayout(readDockerfile(text, join(ctx, "Dockerfile")), ctx)));
    expect(host.entries).toHaveLength(2);
  });

  it("maps image paths to the folder's files, relative ones from WORKDIR", async () => {
    const layout = await layoutOf("FROM scratch\nWORKDIR /app\nCOPY ext/metadata.json /\nCOPY ext/ui ui\n");
    expect(hostPathFor(layout, "/metadata.json")).toBe(join(ctx, "ext", "metadata.json"));
    expect(hostPathFor(layout, "ui/index.html")).toBe(join(ctx, "ext", "ui", "index.html"));
    expect(hostPathFor(layout, "/nothing")).toBeUndefined();
  });

  it("follows a copy from a build stage that copied the context and built in place", async () => {
    const layout = await layoutOf(
      "FROM --platform=$BUILDPLATFORM node AS builder\nWORKDIR /repo\nCOPY a.json b.json ./\nCOPY . .\nRUN build\nFROM node\nCOPY --from=builder /repo/ext/ui /ui\n",
    );
    expect(hostPathFor(layout, "/ui/index.html")).toBe(join(ctx, "ext", "ui", "index.html"));
  });

  it("has no machine path for what only a build makes: another image's files, a stage's build output", async () => {
    const layout = await layoutOf(
      "FROM node AS build\nRUN make /out\nFROM node\nCOPY --from=alpine:3 /bin/sh /bin/sh\nCOPY --from=build /out /srv\n",
    );
    expect(hostPathFor(layout, "/bin/sh")).toBeUndefined();
    expect(hostPathFor(layout, "/srv/server.js")).toBeUndefined();
    expect(layout.entries.map((entry) => [entry.origin, entry.kind])).toEqual([
      ["image", "unknown"],
      ["stage", "unknown"],
    ]);
  });

  it("does not follow a link out of what the COPY named", async () => {
    const layout = await layoutOf("FROM scratch\nCOPY ext/ui /ui\n");
    expect(await containedHostPath(layout, "/ui/index.html")).toBe(join(ctx, "ext", "ui", "index.html"));
    expect(hostPathFor(layout, "/ui/leak")).toBe(join(ctx, "ext", "ui", "leak"));
    expect(await containedHostPath(layout, "/ui/leak")).toBeUndefined();
  });

  it("lets build arguments override ARG defaults", async () => {
    const layout = await layoutOf("FROM node\nARG DIR=nope\nCOPY ${DIR}/metadata.json /\n", { DIR: "ext" });
    expect(hostPathFor(layout, "/metadata.json")).toBe(join(ctx, "ext", "metadata.json"));
  });

  it("refuses a COPY source that climbs out of the build context", async () => {
    await expect(layoutOf("FROM node\nCOPY ../secret /secret\n")).rejects.toMatchObject({
      code: "dockerfile_invalid",
      message: expect.stringContaining("outside the build context") as unknown,
    });
  });

  it("reports a Dockerfile without FROM", async () => {
    await expect(layoutOf("COPY x /\n")).rejects.toMatchObject({ code: "dockerfile_invalid" });
  });
});

// dext-desktop screenshots on the plain fixture: one host and one Chromium for every case.
import { mkdtemp, readFile, rm, symlink, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { silentLogger } from "@dext/backend";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { startDesktopHost } from "../server/desktop-host.ts";
import { buildPlainFixture, plainFixtureDir } from "../testing/build-plain-fixture.ts";
import { closeContexts, sharedChromium } from "../testing/shared-chromium.ts";
import { captureTab } from "./capture-tab.ts";
import { writeOutputFile } from "./output-folder.ts";
import { pngSize } from "./png-size.ts";
import { ScreenshotError } from "./screenshot-error.ts";
import { parseStateOption } from "./screenshot-states.ts";
import { screenshotsMain } from "./screenshots-cli.ts";
import type { Browser } from "playwright-core";
import type { DesktopHost } from "../server/desktop-host.ts";

let host: DesktopHost;
let browser: Browser;
let work: string;
let written: Map<string, Buffer>;

/** The mean of a PNG's pixels over a rectangle, decoded by Chromium itself. */
async function meanColour(png: Buffer, x: number, y: number, width: number, height: number): Promise<number[]> {
  const page = await browser.newPage();
  try {
    // An expression, not a function: this package's Node code is typed without the DOM.
    const args = JSON.stringify([png.toString("base64"), x, y, width, height]);
    return await page.evaluate<number[]>(`(async ([data, x, y, width, height]) => {
      const image = new Image();
      image.src = "data:image/png;base64," + data;
      await image.decode();
      const canvas = new OffscreenCanvas(image.width, image.height);
      const context = canvas.getContext("2d");
      context.drawImage(image, 0, 0);
      const pixels = context.getImageData(x, y, width, height).data;
      const sums = [0, 0, 0];
      for (let i = 0; i < pixels.length; i += 4) for (let c = 0; c < 3; c += 1) sums[c] += pixels[i + c];
      return sums.map((sum) => sum / (width * height));
    })(${args})`);
  } finally {
    await page.close();
  }
}

async function runCli(argv: string[]): Promise<{ code: number; stderr: string }> {
  let stderr = "";
  const spy = vi.spyOn(process.stderr, "write").mockImplementation((chunk: string | Uint8Array) => {
    stderr += String(chunk);
    return true;
  });
  try {
    return { code: await screenshotsMain(argv), stderr };
  } finally {
    spy.mockRestore();
  }
}

beforeAll(async () => {
  await buildPlainFixture();
  work = await mkdtemp(join(tmpdir(), "dext-shots-"));
  host = await startDesktopHost({ folders: [plainFixtureDir], logger: silentLogger, port: 0 });
  browser = await sharedChromium();
  written = new Map();
  const origin = host.origins.get("plain-extension") ?? "";
  await captureTab({
    browser,
    hostUrl: host.url,
    extensionId: "plain-extension",
    origin,
    states: [parseStateOption("after-hello:click=Ask the backend;wait=backend says")],
    timeoutMs: 10_000,
    write: async (fileName, png) => {
      const path = await writeOutputFile(work, fileName, png);
      written.set(fileName, await readFile(path));
      return path;
    },
  });
}, 90_000);

afterAll(async () => {
  await closeContexts(browser);
  await host.stop();
  await rm(work, { recursive: true, force: true });
});

describe("dext-desktop screenshots", () => {
  it("writes the first view and each state in light and dark, every file exactly 2400x1600", () => {
    expect([...written.keys()].sort()).toEqual([
      "after-hello-dark.png",
      "after-hello-light.png",
      "first-view-dark.png",
      "first-view-light.png",
    ]);
    for (const png of written.values()) expect(pngSize(png)).toEqual({ width: 2400, height: 1600 });
  });

  it("captures light and dark differently, in bytes and in the tab's background", async () => {
    const light = written.get("first-view-light.png") ?? Buffer.alloc(0);
    const dark = written.get("first-view-dark.png") ?? Buffer.alloc(0);
    expect(light.equals(dark)).toBe(false);
    // An empty corner of the tab: the page's background as each scheme paints it.
    expect(await meanColour(light, 2000, 1200, 200, 200)).not.toEqual(await meanColour(dark, 2000, 1200, 200, 200));
  });

  it("applies a state's steps before capturing it: the backend's answer is on screen", async () => {
    const before = written.get("first-view-light.png") ?? Buffer.alloc(0);
    const after = written.get("after-hello-light.png") ?? Buffer.alloc(0);
    expect(before.equals(after)).toBe(false);
    // The output beside the buttons (1200x800 at 2x): empty before, text after.
    expect(await meanColour(after, 470, 160, 340, 60)).not.toEqual(await meanColour(before, 470, 160, 340, 60));
  });

  it("names the state and step whose target never appears, as a step_target_missing error", async () => {
    const failing = captureTab({
      browser,
      hostUrl: host.url,
      extensionId: "plain-extension",
      origin: host.origins.get("plain-extension") ?? "",
      states: [parseStateOption("broken:click=No such button")],
      timeoutMs: 1_000,
      write: () => Promise.resolve(""),
    });
    await expect(failing).rejects.toThrow(ScreenshotError);
    await expect(failing).rejects.toMatchObject({
      code: "step_target_missing",
      message: expect.stringContaining('state "broken", step 1 (click=No such button)') as unknown,
    });
  });

  it("refuses a missing folder, a state it cannot read and an --out it may not write, before starting anything", async () => {
    const missing = await runCli([join(work, "nowhere"), "--out", work]);
    expect(missing).toMatchObject({ code: 2, stderr: expect.stringContaining("nowhere does not exist") as unknown });

    const badState = await runCli([plainFixtureDir, "--out", work, "--state", "after:press=Enter"]);
    expect(badState).toMatchObject({ code: 2, stderr: expect.stringContaining('unknown kind "press"') as unknown });
    expect((await runCli([plainFixtureDir, "--out", work, "--state", "Bad/Name:click=x"])).code).toBe(2);

    const noOut = await runCli([plainFixtureDir]);
    expect(noOut).toMatchObject({ code: 2, stderr: expect.stringContaining("--out <dir> is required") as unknown });

    const deep = await runCli([plainFixtureDir, "--out", join(work, "a", "b")]);
    expect(deep).toMatchObject({ code: 2, stderr: expect.stringContaining("is not an existing folder") as unknown });
  });

  it("never overwrites a file that is not a PNG, nor writes through a symlink", async () => {
    const out = await mkdtemp(join(work, "out-"));
    await writeFile(join(out, "first-view-dark.png"), "notes, not a picture");
    const notPng = await runCli([plainFixtureDir, "--out", out]);
    expect(notPng).toMatchObject({ code: 2, stderr: expect.stringContaining("is not a PNG") as unknown });
    await expect(readFile(join(out, "first-view-dark.png"), "utf8")).resolves.toBe("notes, not a picture");

    const linked = await mkdtemp(join(work, "linked-"));
    await symlink(join(out, "first-view-dark.png"), join(linked, "first-view-light.png"));
    expect((await runCli([plainFixtureDir, "--out", linked])).code).toBe(2);
  });

  it("checks the screenshots label against the folder: missing label, missing file, wrong size, all named", async () => {
    // The fixture's Dockerfile has no screenshots label.
    const noLabel = await runCli([plainFixtureDir, "--out", work, "--check-label"]);
    expect(noLabel).toMatchObject({ code: 1, stderr: expect.stringContaining("screenshots is missing") as unknown });

    const extension = await mkdtemp(join(work, "labelled-"));
    const entries = [
      { alt: "light", url: "https://example.com/shots/first-view-light.png" },
      { alt: "absent", url: "docs/screenshots/absent.png" },
      { alt: "small", url: "https://example.com/small.png" },
    ];
    await writeFile(
      join(extension, "Dockerfile"),
      `FROM scratch\nLABEL com.docker.extension.screenshots='${JSON.stringify(entries)}'\n`,
    );
    // A 1x1 PNG's signature and IHDR: enough for the size check.
    const small = Buffer.from("89504e470d0a1a0a0000000d4948445200000001000000010806000000", "hex");
    await writeFile(join(work, "small.png"), small);
    const checked = await runCli([extension, "--out", work, "--check-label"]);
    expect(checked.code).toBe(1);
    expect(checked.stderr).not.toContain("first-view-light.png");
    expect(checked.stderr).toContain("absent.png does not exist");
    expect(checked.stderr).toContain("small.png is 1x1, not 2400x1600");
  });
});

// desktopUI.dialog.showOpenDialog through the dashboard, in Chromium: what the person sees for the
// options a page passes (Electron's: properties, filters, defaultPath, title, buttonLabel), and
// the { canceled, filePaths } the page gets for what they pick.
import { mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openPlainExtensionPage } from "./testing/build-plain-fixture.ts";
import type { Frame, Page } from "playwright-core";
import type { DesktopHost } from "./server/desktop-host.ts";

let dir: string;
let host: DesktopHost;
let page: Page;
let frame: Frame;
let close: () => Promise<void>;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), "dext-dialog-"));
  await mkdir(join(dir, "sub"));
  await mkdir(join(dir, ".cache"));
  for (const name of ["a.png", "B.PNG", "notes.txt", ".hidden.png", "sub/c.png"]) await writeFile(join(dir, name), "x");
  ({ host, page, frame, close } = await openPlainExtensionPage());
}, 60_000);

afterAll(async () => {
  await close();
  await rm(dir, { recursive: true, force: true });
});

/** Opens the dialog from the extension's page; the page's promise is kept there until `result()` reads it. */
async function openDialog(options: unknown): Promise<{ result: () => Promise<unknown> }> {
  await frame.evaluate((given) => {
    (globalThis as unknown as { dialogResult: Promise<unknown> }).dialogResult = (
      globalThis as unknown as { ddClient: { desktopUI: { dialog: { showOpenDialog(o: unknown): Promise<unknown> } } } }
    ).ddClient.desktopUI.dialog.showOpenDialog(given);
  }, options);
  await page.locator("#open-dialog[open]").waitFor();
  return { result: () => frame.evaluate("window.dialogResult") };
}

/** The entries the dialog lists, as the person reads them (folders end in "/"). */
function listed(): Promise<string[]> {
  return page.locator("#open-dialog-entries [role=option]").allTextContents();
}

function entry(name: string) {
  return page
    .locator("#open-dialog-entries [role=option]")
    .filter({ hasText: new RegExp(`^${name.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}$`) });
}

describe("desktopUI.dialog.showOpenDialog", () => {
  it("lists only the files a filter allows, without hidden ones, and returns every file picked", async () => {
    const dialog = await openDialog({
      title: "Pick images",
      buttonLabel: "Use these",
      defaultPath: dir,
      filters: [
        { name: "Images", extensions: ["png"] },
        { name: "All files", extensions: ["*"] },
      ],
      properties: ["openFile", "multiSelections"],
    });
    await expect(page.locator("#open-dialog-title").textContent()).resolves.toBe("Pick images");
    await expect(page.locator("#open-dialog-ok").textContent()).resolves.toBe("Use these");
    await expect.poll(() => page.locator("#open-dialog-folder").inputValue()).toBe(dir);
    await expect.poll(listed).toEqual(["sub/", "a.png", "B.PNG"]);
    await expect(page.locator("#open-dialog-filter option").allTextContents()).resolves.toEqual([
      "Images (*.png)",
      "All files (*)",
    ]);
    await page.selectOption("#open-dialog-filter", { label: "All files (*)" });
    await expect.poll(listed).toEqual(["sub/", "a.png", "B.PNG", "notes.txt"]);
    await page.selectOption("#open-dialog-filter", { label: "Images (*.png)" });
    await entry("a.png").click();
    await entry("B.PNG").click();
    await page.locator("#open-dialog-ok").click();
    await expect(dialog.result()).resolves.toEqual({
      canceled: false,
      filePaths: [join(dir, "a.png"), join(dir, "B.PNG")],
    });
  });

  it("keeps one file picked without multiSelections", async () => {
    const dialog = await openDialog({ defaultPath: dir, properties: ["openFile"] });
    await expect.poll(listed).toEqual(["sub/", "a.png", "B.PNG", "notes.txt"]);
    await entry("a.png").click();
    await entry("notes.txt").click();
    await expect(page.locator("#open-dialog-entries [aria-selected=true]").allTextContents()).resolves.toEqual([
      "notes.txt",
    ]);
    await page.locator("#open-dialog-ok").click();
    await expect(dialog.result()).resolves.toEqual({ canceled: false, filePaths: [join(dir, "notes.txt")] });
  });

  it("shows folders only for openDirectory, hidden ones with showHiddenFiles, and returns the folder picked", async () => {
    const dialog = await openDialog({ defaultPath: dir, properties: ["openDirectory", "showHiddenFiles"] });
    await expect(page.locator("#open-dialog-title").textContent()).resolves.toBe("Choose a folder");
    await expect.poll(listed).toEqual([".cache/", "sub/"]);
    await entry("sub/").click();
    await page.locator("#open-dialog-ok").click();
    await expect(dialog.result()).resolves.toEqual({ canceled: false, filePaths: [join(dir, "sub")] });
  });

  it("keeps its button disabled until the folder is listed, after a dialog that left it enabled", async () => {
    const first = await openDialog({ defaultPath: dir, properties: ["openDirectory"] });
    await expect.poll(() => page.locator("#open-dialog-ok").isEnabled()).toBe(true);
    await page.locator("#open-dialog-cancel").click();
    await expect(first.result()).resolves.toEqual({ canceled: true, filePaths: [] });
    // The next listing is held back until the button has been looked at.
    let release: () => void = () => undefined;
    const held = new Promise<void>((resolve) => (release = resolve));
    await page.route("**/__dext/folder?*", async (route) => {
      await held;
      await route.continue();
    });
    try {
      const second = await openDialog({ defaultPath: join(dir, "sub"), properties: ["openDirectory"] });
      await expect(page.locator("#open-dialog-ok").isDisabled()).resolves.toBe(true);
      release();
      await expect.poll(() => page.locator("#open-dialog-folder").inputValue()).toBe(join(dir, "sub"));
      await page.locator("#open-dialog-ok").click();
      await expect(second.result()).resolves.toEqual({ canceled: false, filePaths: [join(dir, "sub")] });
    } finally {
      release();
      await page.unroute("**/__dext/folder?*");
    }
  });

  it("picks the folder it shows when a folder dialog is confirmed with nothing selected", async () => {
    const dialog = await openDialog({ defaultPath: join(dir, "sub"), properties: ["openDirectory"] });
    await expect.poll(listed).toEqual([]);
    await page.locator("#open-dialog-ok").click();
    await expect(dialog.result()).resolves.toEqual({ canceled: false, filePaths: [join(dir, "sub")] });
  });

  it("opens a defaultPath that names a file in its folder, with the file selected", async () => {
    const dialog = await openDialog({ defaultPath: join(dir, "sub", "c.png"), properties: ["openFile"] });
    await expect.poll(() => page.locator("#open-dialog-folder").inputValue()).toBe(join(dir, "sub"));
    await expect
      .poll(() => page.locator("#open-dialog-entries [aria-selected=true]").allTextContents())
      .toEqual(["c.png"]);
    await page.locator("#open-dialog-ok").click();
    await expect(dialog.result()).resolves.toEqual({ canceled: false, filePaths: [join(dir, "sub", "c.png")] });
  });

  it("goes into a folder in a file dialog, and back up", async () => {
    const dialog = await openDialog({ defaultPath: dir });
    await expect.poll(listed).toContain("sub/");
    await entry("sub/").click();
    await expect.poll(() => page.locator("#open-dialog-folder").inputValue()).toBe(join(dir, "sub"));
    await expect.poll(listed).toEqual(["c.png"]);
    await page.locator("#open-dialog-up").click();
    await expect.poll(() => page.locator("#open-dialog-folder").inputValue()).toBe(dir);
    await page.locator("#open-dialog-cancel").click();
    await expect(dialog.result()).resolves.toEqual({ canceled: true, filePaths: [] });
  });

  it("answers canceled with no paths when the person cancels or presses Escape", async () => {
    const first = await openDialog({ defaultPath: dir, properties: ["openFile"] });
    await entry("a.png").click();
    await page.locator("#open-dialog-cancel").click();
    await expect(first.result()).resolves.toEqual({ canceled: true, filePaths: [] });
    const second = await openDialog({ defaultPath: dir });
    await page.keyboard.press("Escape");
    await expect(second.result()).resolves.toEqual({ canceled: true, filePaths: [] });
  });

  it("lists folders for the dashboard alone: a call without its secret is refused", async () => {
    const answer = await fetch(new URL(`/__dext/folder?path=${encodeURIComponent(dir)}`, host.url));
    expect(answer.status).toBe(403);
    expect(await answer.json()).toMatchObject({ error: { code: "forbidden" } });
    const fromExtension = await fetch(
      new URL(`/__dext/folder?path=${encodeURIComponent(dir)}`, host.origins.get("plain-extension")),
    );
    expect(fromExtension.status).toBe(404);
  });
});

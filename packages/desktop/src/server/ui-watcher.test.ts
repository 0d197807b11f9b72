import { mkdir, mkdtemp, rm, symlink, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { setTimeout as delay } from "node:timers/promises";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { watchUiFolders } from "./ui-watcher.ts";

let dir: string;
let stop: (() => void) | undefined;

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), "dext-watch-"));
});

afterEach(async () => {
  stop?.();
  stop = undefined;
  await rm(dir, { recursive: true, force: true });
});

describe("watchUiFolders", () => {
  it("reloads once per change, and a symlink loop or a link out of the UI folder causes no reloads", async () => {
    const ui = join(dir, "ui");
    const elsewhere = join(dir, "elsewhere");
    await mkdir(join(ui, "assets"), { recursive: true });
    await mkdir(elsewhere);
    await writeFile(join(ui, "index.html"), "<p>one</p>");
    await symlink(".", join(ui, "loop"));
    await symlink("../..", join(ui, "assets", "up"));
    await symlink(elsewhere, join(ui, "out"));
    const changes: string[] = [];
    // The host's own debounce: with 50 ms, one write's two events (truncate, then data) came apart
    // on a loaded machine and counted as two changes.
    stop = watchUiFolders(new Map([["ext", ui]]), (id) => changes.push(id));

    // Nothing changed: a watcher that followed the loop would report its own walk, or hang.
    await delay(600);
    expect(changes).toEqual([]);

    // What changes outside the UI folder, reached through a link, is not the tab's to reload for.
    await writeFile(join(elsewhere, "busy.log"), "tick");
    await delay(600);
    expect(changes).toEqual([]);

    await writeFile(join(ui, "index.html"), "<p>two</p>");
    await expect.poll(() => changes, { timeout: 5_000 }).toEqual(["ext"]);
    await delay(600);
    expect(changes).toEqual(["ext"]);
  }, 20_000);

  it("sees a change in a folder created after the watch began, and in nested folders", async () => {
    const ui = join(dir, "ui");
    await mkdir(join(ui, "a", "b"), { recursive: true });
    const changes: string[] = [];
    // The host's debounce, as above: this test counts changes too.
    stop = watchUiFolders(new Map([["ext", ui]]), (id) => changes.push(id));
    await delay(300);
    await writeFile(join(ui, "a", "b", "deep.js"), "1");
    await expect.poll(() => changes.length, { timeout: 5_000 }).toBe(1);
    await mkdir(join(ui, "assets"));
    await expect.poll(() => changes.length, { timeout: 5_000 }).toBe(2);
    await delay(300);
    await writeFile(join(ui, "assets", "new.js"), "2");
    await expect.poll(() => changes.length, { timeout: 5_000 }).toBe(3);
  }, 20_000);

  it("watches nothing and throws nothing for a UI folder that does not exist yet", async () => {
    const changes: string[] = [];
    stop = watchUiFolders(new Map([["ext", join(dir, "not-built")]]), (id) => changes.push(id), 20);
    await delay(200);
    expect(changes).toEqual([]);
  });
});

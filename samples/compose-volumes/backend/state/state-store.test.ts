import { readdir, readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { tempDir } from "../testing/temp-dir.js";
import { withNote, withPin } from "./state-changes.js";
import { openStateStore, stateFileName } from "./state-store.js";

let dir: Awaited<ReturnType<typeof tempDir>>;
beforeEach(async () => {
  dir = await tempDir("store");
});
afterEach(() => dir.remove());

describe("the state store", () => {
  it("starts empty and creates its folder", async () => {
    const store = await openStateStore(join(dir.path, "nested", "state"));
    expect(store.current()).toEqual({ pinned: [], notes: {} });
  });

  it("gives a reopened store everything saved before", async () => {
    const first = await openStateStore(dir.path);
    await first.update((state) => withPin(state, "pgdata", true));
    await first.update((state) => withNote(state, "pgdata", "production copy, do not prune"));
    const second = await openStateStore(dir.path);
    expect(second.current()).toEqual({ pinned: ["pgdata"], notes: { pgdata: "production copy, do not prune" } });
  });

  it("applies concurrent changes one after another, so none is lost", async () => {
    const store = await openStateStore(dir.path);
    await Promise.all(Array.from({ length: 50 }, (_, index) => store.update((state) => withPin(state, `vol${index}`, true))));
    expect(store.current().pinned).toHaveLength(50);
    expect((await openStateStore(dir.path)).current().pinned).toHaveLength(50);
  });

  it("keeps the state as it was when a change is invalid, and goes on with the next", async () => {
    const store = await openStateStore(dir.path);
    await store.update((state) => withPin(state, "kept", true));
    await expect(store.update((state) => withPin(state, "not a volume name!", true))).rejects.toThrow(/must be a Docker volume name/);
    await store.update((state) => withPin(state, "after", true));
    expect(store.current().pinned).toEqual(["kept", "after"]);
  });

  it("removes a note with an empty text and unpins without touching the rest", async () => {
    const store = await openStateStore(dir.path);
    await store.update((state) => withNote(withPin(withPin(state, "aa", true), "bb", true), "aa", "x"));
    await store.update((state) => withNote(withPin(state, "aa", false), "aa", "  "));
    expect(store.current()).toEqual({ pinned: ["bb"], notes: {} });
  });

  it("moves a file it cannot read aside instead of overwriting it, and starts empty", async () => {
    await writeFile(join(dir.path, stateFileName), "{ not json");
    const store = await openStateStore(dir.path);
    expect(store.current()).toEqual({ pinned: [], notes: {} });
    const names = await readdir(dir.path);
    const aside = names.find((name) => name.startsWith(`${stateFileName}.unreadable-`));
    expect(aside).toBeDefined();
    expect(await readFile(join(dir.path, aside ?? ""), "utf8")).toBe("{ not json");
  });

  it("writes a versioned, readable file", async () => {
    const store = await openStateStore(dir.path);
    await store.update((state) => withPin(state, "pgdata", true));
    expect(JSON.parse(await readFile(store.path, "utf8"))).toEqual({ version: 1, state: { pinned: ["pgdata"], notes: {} } });
  });
});

import { mkdir, readdir, readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { makeSocketDir } from "@dext/backend/testing";
import type { SocketDir } from "@dext/backend/testing";
import { withNote, withPin } from "./state-changes.ts";
import { StateFileError } from "./state-file-error.ts";
import { openStateStore, stateFileName } from "./state-store.ts";

let dir: SocketDir;
beforeEach(async () => {
  dir = await makeSocketDir();
});
afterEach(() => dir.remove());

describe("the state store", () => {
  it("starts empty and creates its folder", async () => {
    const store = await openStateStore(join(dir.dir, "nested", "state"));
    expect(store.current()).toEqual({ pinned: [], notes: {} });
  });

  it("gives a reopened store everything saved before", async () => {
    const first = await openStateStore(dir.dir);
    await first.update((state) => withPin(state, "pgdata", true));
    await first.update((state) => withNote(state, "pgdata", "production copy, do not prune"));
    const second = await openStateStore(dir.dir);
    expect(second.current()).toEqual({ pinned: ["pgdata"], notes: { pgdata: "production copy, do not prune" } });
  });

  it("applies concurrent changes one after another, so none is lost", async () => {
    const store = await openStateStore(dir.dir);
    await Promise.all(
      Array.from({ length: 50 }, (_, index) => store.update((state) => withPin(state, `vol${index}`, true))),
    );
    expect(store.current().pinned).toHaveLength(50);
    expect((await openStateStore(dir.dir)).current().pinned).toHaveLength(50);
  });

  it("keeps the state as it was when a change is invalid, and goes on with the next", async () => {
    const store = await openStateStore(dir.dir);
    await store.update((state) => withPin(state, "kept", true));
    await expect(store.update((state) => withPin(state, "not a volume name!", true))).rejects.toThrow(
      /must be a Docker volume name/,
    );
    await store.update((state) => withPin(state, "after", true));
    expect(store.current().pinned).toEqual(["kept", "after"]);
  });

  it("removes a note with an empty text and unpins without touching the rest", async () => {
    const store = await openStateStore(dir.dir);
    await store.update((state) => withNote(withPin(withPin(state, "aa", true), "bb", true), "aa", "x"));
    await store.update((state) => withNote(withPin(state, "aa", false), "aa", "  "));
    expect(store.current()).toEqual({ pinned: ["bb"], notes: {} });
  });

  it.each([
    ["garbage", "{ not json", "not_json"],
    ["truncated JSON", '{"version": 1, "state": {"pinned": ["pg', "not_json"],
    ["an empty file", "", "not_json"],
    ["the wrong shape", '{"version": 1, "state": {"pinned": "pgdata"}}', "wrong_shape"],
    ["a future version", '{"version": 2, "state": {"pinned": [], "notes": {}}}', "wrong_shape"],
  ])(
    "opens over %s, refusing reads and saves with a StateFileError, and leaves the file as it was",
    async (_label, text, problem) => {
      await writeFile(join(dir.dir, stateFileName), text);
      const store = await openStateStore(dir.dir);
      expect(() => store.current()).toThrow(StateFileError);
      await expect(store.read()).rejects.toMatchObject({ code: "state_file_unusable", problem });
      await expect(store.update((state) => withPin(state, "pgdata", true))).rejects.toMatchObject({
        code: "state_file_unusable",
        problem,
      });
      expect(await readFile(join(dir.dir, stateFileName), "utf8")).toBe(text);
      expect(await readdir(dir.dir)).toEqual([stateFileName]);
    },
  );

  it("opens over a folder named state.json, refusing with not_a_file, and leaves the folder and its contents alone", async () => {
    await mkdir(join(dir.dir, stateFileName));
    await writeFile(join(dir.dir, stateFileName, "inside"), "kept");
    const store = await openStateStore(dir.dir);
    await expect(store.update((state) => withPin(state, "pgdata", true))).rejects.toMatchObject({
      problem: "not_a_file",
      message: expect.stringMatching(/is a folder, not a file/) as unknown,
    });
    expect(await readFile(join(dir.dir, stateFileName, "inside"), "utf8")).toBe("kept");
  });

  it("picks up a repaired file on the next call, without reopening", async () => {
    await writeFile(join(dir.dir, stateFileName), "{ not json");
    const store = await openStateStore(dir.dir);
    await expect(store.read()).rejects.toThrow(StateFileError);
    await writeFile(
      join(dir.dir, stateFileName),
      JSON.stringify({ version: 1, state: { pinned: ["fixed"], notes: {} } }),
    );
    expect(await store.read()).toEqual({ pinned: ["fixed"], notes: {} });
    expect(await store.update((state) => withPin(state, "more", true))).toEqual({
      pinned: ["fixed", "more"],
      notes: {},
    });
  });

  it("keeps an unusable file aside as state.json.bad-<time> when an import replaces it", async () => {
    await writeFile(join(dir.dir, stateFileName), "{ not json");
    const store = await openStateStore(dir.dir);
    expect(await store.replace({ pinned: ["imported"], notes: {} })).toEqual({ pinned: ["imported"], notes: {} });
    const aside = (await readdir(dir.dir)).find((name) => name.startsWith(`${stateFileName}.bad-`));
    expect(await readFile(join(dir.dir, aside ?? "missing"), "utf8")).toBe("{ not json");
    expect((await openStateStore(dir.dir)).current()).toEqual({ pinned: ["imported"], notes: {} });
  });

  it("refuses an invalid import before moving anything", async () => {
    await writeFile(join(dir.dir, stateFileName), "{ not json");
    const store = await openStateStore(dir.dir);
    await expect(store.replace({ pinned: ["not a volume name!"], notes: {} })).rejects.toThrow(
      /must be a Docker volume name/,
    );
    expect(await readdir(dir.dir)).toEqual([stateFileName]);
  });

  it("writes a versioned, readable file", async () => {
    const store = await openStateStore(dir.dir);
    await store.update((state) => withPin(state, "pgdata", true));
    expect(JSON.parse(await readFile(store.path, "utf8"))).toEqual({
      version: 1,
      state: { pinned: ["pgdata"], notes: {} },
    });
  });
});

import { describe, expect, it } from "vitest";
import { loadOnce } from "./load-once.ts";

describe("loadOnce", () => {
  it("runs the load once and hands every caller the same promise", async () => {
    let runs = 0;
    const load = loadOnce(() => Promise.resolve(++runs));
    const calls = [load(), load(), load()];
    expect(new Set(calls).size).toBe(1);
    expect(await Promise.all(calls)).toEqual([1, 1, 1]);
    expect(await load()).toBe(1);
    expect(runs).toBe(1);
  });

  it("forgets a failed load, so the next call tries again", async () => {
    let runs = 0;
    const load = loadOnce(() => (++runs === 1 ? Promise.reject(new Error("offline")) : Promise.resolve(runs)));
    await expect(load()).rejects.toThrow("offline");
    expect(await load()).toBe(2);
    expect(await load()).toBe(2);
    expect(runs).toBe(2);
  });
});

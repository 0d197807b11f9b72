// The corpus itself: every case says what Desktop does, and the files that stand for a pattern
// still have it after a checkout (line endings are the easiest to lose).
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { readCorpus } from "./corpus.ts";

const corpus = readCorpus();

describe("the conformance corpus", () => {
  it("has cases Desktop installs and cases it refuses, each stating what Desktop does", () => {
    expect(corpus.filter(({ spec }) => spec.installs).length).toBeGreaterThanOrEqual(10);
    expect(corpus.filter(({ spec }) => !spec.installs).length).toBeGreaterThanOrEqual(3);
    for (const { spec } of corpus) expect(spec.pattern).not.toBe("");
  });

  it.each(["Dockerfile", "metadata.json"])("keeps CRLF on every line of crlf-files/%s", (file) => {
    const text = readFileSync(join(corpus.find(({ name }) => name === "crlf-files")?.dir ?? "", file), "latin1");
    const lines = text.split("\n").slice(0, -1);
    expect(lines.length).toBeGreaterThan(3);
    expect(lines.filter((line) => !line.endsWith("\r"))).toEqual([]);
  });
});

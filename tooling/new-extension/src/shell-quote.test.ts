import { execFile } from "node:child_process";
import { promisify } from "node:util";
import { describe, expect, it } from "vitest";
import { shellQuote } from "./shell-quote.ts";

const run = promisify(execFile);

describe("shellQuote", () => {
  it("leaves a plain path as it is", () => {
    expect(shellQuote("/tmp/team-tools")).toBe("/tmp/team-tools");
  });

  it.each([
    "/tmp/my tools",
    "/tmp/it's",
    "/tmp/$(touch pwned)",
    "/tmp/`id`",
    "/tmp/a;b&c|d",
    "/tmp/*",
    '/tmp/"q"\\',
    "~user",
    "",
  ])("quotes %j so that sh reads it back unchanged", async (word) => {
    const { stdout } = await run("sh", ["-c", `printf '%s' ${shellQuote(word)}`]);
    expect(stdout).toBe(word);
  });
});

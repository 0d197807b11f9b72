import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { fixtureWorkspace, GREET } from "./fixture-workspace.ts";
import type { FixtureWorkspace } from "./fixture-workspace.ts";
import { runKnip } from "./run-knip.ts";

describe("knip with the repository's knip.jsonc", () => {
  let fixture: FixtureWorkspace;
  beforeEach(async () => {
    fixture = await fixtureWorkspace();
  });
  afterEach(() => fixture.remove());

  it("passes on a workspace with nothing unused, package exports read through @dext/source", async () => {
    expect(await runKnip(fixture.dir)).toEqual({ exitCode: 0, issues: [] });
  });

  it("fails on an export nothing imports, even one its own file uses", async () => {
    await fixture.write("packages/greeting/src/greet.ts", GREET.replace("function shout", "export function shout"));
    const run = await runKnip(fixture.dir);
    expect(run.exitCode).toBe(1);
    expect(run.issues.map((issue) => [issue.file, issue.exports.map((found) => found.name)])).toEqual([
      ["packages/greeting/src/greet.ts", ["shout"]],
    ]);
  });

  it("accepts an export marked @public: the way to keep one deliberately", async () => {
    await fixture.write(
      "packages/greeting/src/greet.ts",
      GREET.replace("function shout", "/** @public */\nexport function shout"),
    );
    expect(await runKnip(fixture.dir)).toEqual({ exitCode: 0, issues: [] });
  });

  it("fails on a file nothing imports", async () => {
    await fixture.write("packages/greeting/src/farewell.ts", 'export const farewell = "bye";\n');
    const run = await runKnip(fixture.dir);
    expect(run.exitCode).toBe(1);
    expect(run.issues.flatMap((issue) => issue.files.map((found) => found.name))).toEqual([
      "packages/greeting/src/farewell.ts",
    ]);
  });

  it("fails on a dependency nothing imports", async () => {
    await fixture.write(
      "samples/hello/package.json",
      JSON.stringify({
        name: "hello",
        version: "0.0.0",
        private: true,
        type: "module",
        scripts: { start: "node src/main.ts" },
        dependencies: { "@fixture/greeting": "workspace:*", yaml: "2.9.1" },
      }),
    );
    const run = await runKnip(fixture.dir);
    expect(run.exitCode).toBe(1);
    expect(run.issues.flatMap((issue) => issue.dependencies.map((found) => [issue.file, found.name]))).toEqual([
      ["samples/hello/package.json", "yaml"],
    ]);
  });
});

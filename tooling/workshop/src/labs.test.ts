import { rm } from "node:fs/promises";
import { afterEach, describe, expect, it } from "vitest";
import { LABS } from "./labs.ts";
import { formatResult, runLab } from "./run-lab.ts";
import { applySolution, freshExtension, labStartState } from "./testing/lab-start-state.ts";

/** What each lab's check must name on the lab's start state: the parts the attendee has to add. */
const EXPECTED_ON_START: Record<number, RegExp[]> = {
  1: [/shared\/contract\.ts: no route named `visit`/, /ui\/src: .*useBackendMutation\(backend, "visit"\)/],
  2: [
    /ticks\.sh: missing/,
    /Dockerfile: the final stage does not copy ticks\.sh/,
    /ui\/src: .*useExecStream\("vm", client\)/,
  ],
  3: [/metadata\.json: vm has no "composefile"/, /backend\/visits\.ts: after a restart .* not 3: the counts were lost/],
  4: [/metadata\.json: no host\.binaries/, /ui\/src: .*useExec\("host", client\)/],
  5: [
    /metadata\.json: the tab's title is "My"/,
    /the versions must all be 0\.2\.0/,
    /changelog label does not mention 0\.2\.0/,
  ],
};

const roots: string[] = [];
afterEach(async () => {
  await Promise.all(roots.splice(0).map((root) => rm(root, { recursive: true, force: true })));
});

describe.each(LABS.map((lab) => [lab.number, lab] as const))("lab %i", (number, lab) => {
  it("fails on the lab's start state, naming what is missing, and passes once its reference solution is applied", async () => {
    const { root, dir } = await labStartState(number);
    roots.push(root);

    const before = await runLab(lab, dir);
    const report = formatResult(before);
    expect(before.done, report).toBe(false);
    for (const expected of EXPECTED_ON_START[number] ?? []) expect(report).toMatch(expected);

    await applySolution(number, dir);
    const after = await runLab(lab, dir);
    expect(after.problems, formatResult(after)).toEqual([]);
    expect(after.done).toBe(true);
  });
});

describe("the lab runner", () => {
  it("says to run new-extension when the folder is not a copy of minimal-backend", async () => {
    const { root, dir } = await freshExtension();
    roots.push(root);
    await rm(`${dir}/shared`, { recursive: true });
    const lab = LABS[0];
    if (lab === undefined) throw new Error("no labs");
    const result = await runLab(lab, dir);
    expect(formatResult(result)).toContain(
      "not a copy of minimal-backend (no shared/contract.ts): start with `pnpm new-extension my-extension --from minimal-backend`",
    );
  });

  it("lists every problem of a lab at once, not only the first", async () => {
    const { root, dir } = await labStartState(2);
    roots.push(root);
    const lab = LABS[1];
    if (lab === undefined) throw new Error("no lab 2");
    expect((await runLab(lab, dir)).problems.length).toBeGreaterThanOrEqual(3);
  });

  it("has one reference solution and one start-state expectation per lab, numbered from 1", () => {
    expect(LABS.map((lab) => lab.number)).toEqual(LABS.map((_, index) => index + 1));
    expect(Object.keys(EXPECTED_ON_START).map(Number)).toEqual(LABS.map((lab) => lab.number));
  });
});

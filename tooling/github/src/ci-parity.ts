import { LineCounter, isMap, isScalar, isSeq, parseDocument } from "yaml";
import type { Finding } from "./finding.ts";
import { scriptCalls } from "./script-calls.ts";
import type { ScriptCall } from "./script-calls.ts";

/** A script call in one step of one job of a workflow. */
interface StepCall extends ScriptCall {
  job: string;
  /** The step's place in its job, then the line's: what orders two calls in one job. */
  order: number;
}

function jobsOf(text: string): { calls: StepCall[]; needs: Map<string, string[]>; jobsLine: number } | undefined {
  const lineCounter = new LineCounter();
  const document = parseDocument(text, { lineCounter });
  if (document.errors.length > 0 || !isMap(document.contents)) return undefined;
  const jobs = document.contents.get("jobs", true);
  if (!isMap(jobs)) return undefined;
  const calls: StepCall[] = [];
  const needs = new Map<string, string[]>();
  for (const pair of jobs.items) {
    const job = String(isScalar(pair.key) ? pair.key.value : pair.key);
    if (!isMap(pair.value)) continue;
    const jobNeeds = pair.value.get("needs", true);
    needs.set(
      job,
      isSeq(jobNeeds)
        ? jobNeeds.items.map((item) => String(isScalar(item) ? item.value : item))
        : isScalar(jobNeeds)
          ? [String(jobNeeds.value)]
          : [],
    );
    const steps = pair.value.get("steps", true);
    if (!isSeq(steps)) continue;
    steps.items.forEach((step, stepIndex) => {
      if (!isMap(step)) return;
      const run = step.get("run", true);
      if (!isScalar(run) || typeof run.value !== "string") return;
      // A block scalar's text starts on the line after `run: |`.
      const startLine =
        lineCounter.linePos(run.range?.[0] ?? 0).line +
        (run.type === "PLAIN" || run.type?.startsWith("QUOTE") === true ? 0 : 1);
      for (const call of scriptCalls(run.value, startLine))
        calls.push({ ...call, job, order: stepIndex * 10_000 + call.line });
    });
  }
  const jobsLine = lineCounter.linePos(jobs.range?.[0] ?? 0).line;
  return { calls, needs, jobsLine };
}

/** The jobs `job` waits for, directly or through others. */
function waitsFor(job: string, needs: Map<string, string[]>): Set<string> {
  const seen = new Set<string>();
  const queue = [...(needs.get(job) ?? [])];
  for (let next = queue.shift(); next !== undefined; next = queue.shift()) {
    if (seen.has(next)) continue;
    seen.add(next);
    queue.push(...(needs.get(next) ?? []));
  }
  return seen;
}

/**
 * `dext-ci-parity`: the CI workflow runs every script `.ci/run` runs, in the same order, so what CI
 * runs on GitHub is what `.ci/run` runs on a machine. A call comes after another when it is later
 * in the same job, or in a job that needs the other's (directly or not): jobs without `needs` run
 * side by side. The workflow may run more (setup actions, a script twice in two jobs); it may not
 * leave one out or run it before the one .ci/run runs first.
 */
export function checkCiParity(
  workflowText: string,
  workflowFile: string,
  ciRunText: string,
  ciRunName = ".ci/run",
): Finding[] {
  const expected = scriptCalls(ciRunText);
  const at = (line: number) => ({ file: workflowFile, line, column: 1, kind: "dext-ci-parity" });
  if (expected.length === 0)
    return [
      { ...at(1), message: `${ciRunName} runs no script this check can read; nothing to compare the workflow with` },
    ];
  const workflow = jobsOf(workflowText);
  // A workflow that does not parse, or has no jobs, is actionlint's to report.
  if (workflow === undefined) return [];
  const closure = new Map([...workflow.needs.keys()].map((job) => [job, waitsFor(job, workflow.needs)]));
  const after = (earlier: StepCall, later: StepCall) =>
    earlier.job === later.job ? earlier.order < later.order : (closure.get(later.job)?.has(earlier.job) ?? false);

  // The longest prefix of .ci/run's calls the workflow runs in order, and where it stopped.
  let stuck = { index: 0, previous: undefined as StepCall | undefined };
  const place = (index: number, previous: StepCall | undefined): boolean => {
    if (index === expected.length) return true;
    if (index > stuck.index) stuck = { index, previous };
    const want = expected[index]?.command;
    return workflow.calls.some(
      (call) => call.command === want && (previous === undefined || after(previous, call)) && place(index + 1, call),
    );
  };
  if (place(0, undefined)) return [];

  const missing = expected[stuck.index];
  const before = expected[stuck.index - 1];
  if (missing === undefined) return [];
  const runs = workflow.calls.filter((call) => call.command === missing.command);
  const what = `${ciRunName} runs "${missing.command}" (line ${missing.line})${before === undefined ? " first" : ` after "${before.command}" (line ${before.line})`}`;
  if (runs.length === 0)
    return [
      {
        ...at(workflow.jobsLine),
        message: `${what}; no step of this workflow runs it: CI must run the scripts .ci/run runs, in its order`,
      },
    ];
  const previous = stuck.previous;
  const where = runs.map((call) => `job "${call.job}" line ${call.line}`).join(", ");
  return [
    {
      ...at(runs[0]?.line ?? workflow.jobsLine),
      message: `${what}; this workflow runs it (${where}) but not after "${before?.command ?? ""}"${previous === undefined ? "" : ` (job "${previous.job}" line ${previous.line})`}: later in the same job, or in a job that needs that one`,
    },
  ];
}

import { mkdtemp, rm } from "node:fs/promises";
import { ExtensionFiles } from "./extension-files.ts";
import { LabStepError, ProblemList } from "./problems.ts";
import type { Lab } from "./lab.ts";
import type { Problem } from "./problems.ts";

export interface LabResult {
  lab: Lab;
  done: boolean;
  problems: Problem[];
}

/** Every lab starts from a copy of minimal-backend; without one, nothing else is worth checking. */
async function checkStartingPoint(files: ExtensionFiles, problems: ProblemList): Promise<void> {
  const missing = [];
  for (const file of ["metadata.json", "package.json", "shared/contract.ts", "backend/main.ts", "ui/src/main.tsx"]) {
    if (!(await files.exists(file))) missing.push(file);
  }
  if (missing.length > 0) {
    problems.add(
      files.dir,
      `not a copy of minimal-backend (no ${missing.join(", ")}): start with \`pnpm new-extension my-extension --from minimal-backend\`, or pass --dir`,
    );
  }
}

export async function runLab(lab: Lab, dir: string): Promise<LabResult> {
  const files = new ExtensionFiles(dir);
  const problems = new ProblemList();
  await checkStartingPoint(files, problems);
  if (problems.empty) {
    // Short: the backend's socket goes in here, and socket paths are limited to 103 bytes.
    const workDir = await mkdtemp("/tmp/dext-lab-");
    try {
      await lab.check({ files, problems, workDir });
    } catch (error) {
      if (!(error instanceof LabStepError)) throw error;
      problems.add(error.where, error.message);
    } finally {
      await rm(workDir, { recursive: true, force: true });
    }
  }
  return { lab, done: problems.empty, problems: problems.problems };
}

export function formatResult(result: LabResult): string {
  const heading = `Lab ${String(result.lab.number)}: ${result.lab.title}`;
  if (result.done) return `✓ ${heading}: done.\n  Checked: ${result.lab.proves}.`;
  const lines = result.problems.map((problem) => `  ✗ ${problem.where}: ${problem.missing}`);
  return `✗ ${heading}: not done yet. Missing:\n${lines.join("\n")}`;
}

import { execFile } from "node:child_process";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";

/** One file's findings, as knip's JSON reporter lists them (the kinds these tests read). */
interface KnipFileIssues {
  file: string;
  files: { name: string }[];
  exports: { name: string }[];
  dependencies: { name: string }[];
}

export interface KnipRun {
  exitCode: number;
  issues: KnipFileIssues[];
}

// knip exports no package.json; its bin sits beside dist/, where the main entry is.
const knipBin = join(dirname(createRequire(import.meta.url).resolve("knip")), "../bin/knip.js");

/** Runs this package's knip in `dir` as `pnpm knip` runs it at the root, with the JSON reporter. */
export function runKnip(dir: string): Promise<KnipRun> {
  return new Promise((resolve, reject) => {
    execFile(
      process.execPath,
      [knipBin, "--reporter", "json", "--no-config-hints"],
      { cwd: dir, maxBuffer: 16 * 1024 * 1024 },
      (error, stdout, stderr) => {
        const exitCode = error === null ? 0 : typeof error.code === "number" ? error.code : -1;
        if (exitCode !== 0 && exitCode !== 1) {
          reject(new Error(`knip exited ${String(exitCode)}: ${stderr}`));
          return;
        }
        const report = JSON.parse(stdout) as { issues: KnipFileIssues[] };
        resolve({ exitCode, issues: report.issues });
      },
    );
  });
}

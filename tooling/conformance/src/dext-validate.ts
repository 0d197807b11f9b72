import { execFile } from "node:child_process";
import { fileURLToPath } from "node:url";

/** One finding as `dext validate --json` prints it. */
export interface ReportedFinding {
  severity: "error" | "warning";
  scope: "desktop" | "marketplace";
  path: string;
  message: string;
}

export interface ValidateRun {
  exitCode: number;
  findings: ReportedFinding[];
}

// The root's `pnpm dext` script runs this file with these flags; running it the same way, without
// pnpm's start-up, is the CLI a user runs.
const dextEntry = fileURLToPath(new URL("../node_modules/@dext/metadata/bin/dext-source.ts", import.meta.url));

interface ValidateOptions {
  marketplace: boolean;
  /** A folder for Node's compile cache, shared by the runs: each run then starts in a third of the time. */
  compileCache: string;
}

/** `dext validate . --json [--marketplace]` in `dir`, as a user runs it there: its exit code and findings. */
export function dextValidate(dir: string, options: ValidateOptions): Promise<ValidateRun> {
  const args = ["--conditions=@dext/source", dextEntry, "validate", ".", "--json"];
  if (options.marketplace) args.push("--marketplace");
  // INIT_CWD is the folder pnpm was started in; the entry moves there, so it must not leak from the test's own pnpm.
  const { INIT_CWD: _pnpmFolder, ...inherited } = process.env;
  const env = { ...inherited, NODE_COMPILE_CACHE: options.compileCache };
  return new Promise((resolve, reject) => {
    execFile(process.execPath, args, { cwd: dir, env, timeout: 30_000 }, (error, stdout, stderr) => {
      const exitCode = error === null ? 0 : typeof error.code === "number" ? error.code : -1;
      if (exitCode !== 0 && exitCode !== 1) {
        reject(new Error(`dext validate in ${dir} exited ${exitCode}: ${stderr}`));
        return;
      }
      const report = JSON.parse(stdout) as { findings: ReportedFinding[] };
      resolve({ exitCode, findings: report.findings });
    });
  });
}

import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

/** One expected finding of `dext validate`: its location (relative to the case folder, or a JSON path) and part of its message. */
export interface ExpectedFinding {
  path: string;
  message: string;
}

/** cases/<name>/case.json: what Docker Desktop does with the folder's image, and what dext must say about it. */
interface ConformanceCase {
  /** The Dockerfile or metadata.json form this case is, in one line. */
  pattern: string;
  /** What Docker Desktop does with the image built from this folder, and the evidence (marked inferred where no source shows it). */
  desktop: string;
  installs: boolean;
  /** Installs: the text the page's script writes into #result in Desktop. */
  shows?: string;
  /** Refuses: the reason Desktop gives, in words. */
  refusal?: string;
  validate: {
    /** Errors of the default verdict (Desktop's); non-empty exactly when Desktop refuses the image. */
    errors: ExpectedFinding[];
    /** Desktop-scope warnings, in both verdicts. */
    warnings: ExpectedFinding[];
    /** Marketplace-scope findings: warnings by default, errors with --marketplace. */
    marketplaceErrors: ExpectedFinding[];
  };
  /**
   * Where the local host (folder mode, no Docker engine) cannot show what Desktop shows, and for every
   * case Desktop refuses: the dashboard's sentence above the tab (`<case>` for the case folder), and why.
   */
  host?: { says: string; why: string };
  /** A bug of the host or of the validator that makes this case fail today: that side's test is skipped, naming it, until the bug is fixed. */
  knownBugs?: { host?: string; validate?: string };
}

export interface CorpusEntry {
  name: string;
  dir: string;
  spec: ConformanceCase;
}

const casesDir = fileURLToPath(new URL("../cases/", import.meta.url));

class CaseFileError extends Error {
  readonly code = "bad_case_file";
  override readonly name = "CaseFileError";
}

function checkSpec(name: string, spec: ConformanceCase): ConformanceCase {
  const problem =
    typeof spec.desktop !== "string" || spec.desktop === ""
      ? "desktop must say what Docker Desktop does"
      : spec.installs && spec.shows === undefined
        ? "a case Desktop installs says what its page shows (shows)"
        : !spec.installs && spec.refusal === undefined
          ? "a case Desktop refuses says why (refusal)"
          : !spec.installs && spec.host === undefined && spec.knownBugs?.host === undefined
            ? "a case Desktop refuses says what the host says of it (host), or names the host's bug"
            : spec.installs !== (spec.validate.errors.length === 0)
              ? "validate.errors must be empty exactly when Desktop installs it"
              : undefined;
  if (problem !== undefined) throw new CaseFileError(`cases/${name}/case.json: ${problem}`);
  return spec;
}

/** Every case folder with its case.json, by name. */
export function readCorpus(): CorpusEntry[] {
  return readdirSync(casesDir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name)
    .sort()
    .map((name) => {
      const dir = join(casesDir, name);
      const spec = JSON.parse(readFileSync(join(dir, "case.json"), "utf8")) as ConformanceCase;
      return { name, dir, spec: checkSpec(name, spec) };
    });
}

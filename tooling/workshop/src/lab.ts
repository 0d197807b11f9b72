import type { ExtensionFiles } from "./extension-files.ts";
import type { ProblemList } from "./problems.ts";

export interface LabContext {
  files: ExtensionFiles;
  problems: ProblemList;
  /** A fresh, short folder under /tmp for bundles and sockets; removed after the check. */
  workDir: string;
}

export interface Lab {
  number: number;
  title: string;
  /** What `pnpm lab check` proves, in one line: printed when the lab passes. */
  proves: string;
  check(context: LabContext): Promise<void>;
}

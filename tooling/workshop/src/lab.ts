import type { ExtensionFiles } from "./extension-files.js";
import type { ProblemList } from "./problems.js";

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

import { relative } from "node:path";
import { validateExtensionDir } from "@dext/metadata";
import type { Finding } from "@dext/metadata";
import type { ProblemList } from "./problems.ts";

/**
 * `dext validate`'s findings for the folder (the same rules as `pnpm --filter <name> validate`),
 * with `TARGETARCH` set as BuildKit sets it for each platform of a multi-arch build.
 */
export async function validatorErrors(dir: string, targetArch?: "amd64" | "arm64"): Promise<Finding[]> {
  const buildArgs = targetArch === undefined ? undefined : new Map([["TARGETARCH", targetArch]]);
  const report = await validateExtensionDir(dir, buildArgs === undefined ? {} : { buildArgs });
  return report.findings.filter((finding) => finding.severity === "error");
}

/** Adds each finding as a problem, located in the attendee's folder, with the validator's fix. */
export function addFindings(problems: ProblemList, dir: string, findings: Finding[], prefix = ""): void {
  for (const finding of findings) {
    const where =
      finding.file === undefined
        ? `metadata.json ${finding.path}`
        : `${relative(dir, finding.file)}:${String(finding.line ?? "")}`;
    problems.add(where, `${prefix}${finding.message}${finding.fix === undefined ? "" : ` (fix: ${finding.fix})`}`);
  }
}

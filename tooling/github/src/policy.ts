import { LineCounter, parseDocument, isMap, isScalar } from "yaml";
import type { Node } from "yaml";
import type { Finding } from "./finding.ts";

/**
 * dext's own rules for workflows, which actionlint leaves to taste:
 * - `dext-pin`: every action is pinned to a full commit SHA, with the version it is in a comment
 *   (`uses: owner/repo@<40 hex> # v1.2.3`); a tag can be moved to other code, a SHA cannot.
 * - `dext-permissions`: the workflow sets `permissions` at the top (otherwise the token gets the
 *   repository's default, often write), grants no write there, and no job asks for `write-all`:
 *   a write is granted to the one job that needs it.
 * - `dext-concurrency`: the workflow sets a top-level `concurrency` group, so runs of one branch or
 *   tag do not pile up or race each other.
 */
export function checkPolicy(text: string, file: string): Finding[] {
  return [...pinFindings(text, file), ...documentFindings(text, file)];
}

const USES = /^(\s*(?:-\s+)?uses:\s*)["']?([^\s"'#]+)["']?(?:\s+#\s*(.*))?$/;
const SHA = /^[0-9a-f]{40}$/;

function pinFindings(text: string, file: string): Finding[] {
  const findings: Finding[] = [];
  text.split("\n").forEach((lineText, index) => {
    const match = USES.exec(lineText);
    if (match === null) return;
    const [, head = "", spec = "", comment] = match;
    // Local actions and reusable workflows of this repository come with the commit being run.
    if (spec.startsWith("./") || spec.startsWith("docker://")) return;
    const at = { file, line: index + 1, column: head.length + 1, kind: "dext-pin" };
    const [name = spec, ref] = spec.split("@");
    if (ref === undefined || !SHA.test(ref)) {
      findings.push({
        ...at,
        message: `${name} is not pinned to a commit: use "${name}@<full 40-character SHA> # <version>" (a tag or branch can be moved to other code)`,
      });
    } else if (comment === undefined || !/^v?\d+(\.\d+)*\b/.test(comment.trim())) {
      findings.push({
        ...at,
        message: `${name}@${ref.slice(0, 12)}… has no version comment: add "# v<version>" naming the release that commit is`,
      });
    }
  });
  return findings;
}

function documentFindings(text: string, file: string): Finding[] {
  const lineCounter = new LineCounter();
  const document = parseDocument(text, { lineCounter });
  // A file that is not YAML is actionlint's to report (syntax-check); nothing more to say here.
  if (document.errors.length > 0 || !isMap(document.contents)) return [];
  const root = document.contents;
  const where = (node: Node | null | undefined, kind: string): Omit<Finding, "message"> => {
    const offset = node?.range?.[0] ?? 0;
    const { line, col } = lineCounter.linePos(offset);
    return { file, line, column: col, kind };
  };
  const findings: Finding[] = [];

  const permissions = root.get("permissions", true);
  if (permissions === undefined) {
    findings.push({
      ...where(root, "dext-permissions"),
      message:
        'no top-level "permissions": the token gets the repository\'s default, which may be write; start from "permissions: { contents: read }" and grant writes to the job that needs them',
    });
  } else {
    const writes = grantedWrites(permissions);
    if (writes.length > 0) {
      findings.push({
        ...where(permissions, "dext-permissions"),
        message: `top-level "permissions" grants ${writes.join(", ")} to every job; keep the top read-only and grant it in the job that needs it`,
      });
    }
  }
  const jobs = root.get("jobs", true);
  if (isMap(jobs)) {
    for (const pair of jobs.items) {
      const job = pair.value;
      if (!isMap(job)) continue;
      const jobPermissions = job.get("permissions", true);
      if (isScalar(jobPermissions) && jobPermissions.value === "write-all") {
        findings.push({
          ...where(jobPermissions, "dext-permissions"),
          message: `job "${String(isScalar(pair.key) ? pair.key.value : pair.key)}" asks for write-all; name the scopes it writes`,
        });
      }
    }
  }

  const concurrency = root.get("concurrency", true);
  if (concurrency === undefined) {
    findings.push({
      ...where(root, "dext-concurrency"),
      message:
        'no top-level "concurrency": runs of one branch or tag can pile up and race; add a group such as "${{ github.workflow }}-${{ github.ref }}"',
    });
  }
  return findings;
}

/** `write-all`, or the scopes set to `write`. */
function grantedWrites(permissions: unknown): string[] {
  if (isScalar(permissions)) return permissions.value === "write-all" ? ["write-all"] : [];
  if (!isMap(permissions)) return [];
  return permissions.items.flatMap((pair) =>
    isScalar(pair.value) && pair.value.value === "write" && isScalar(pair.key)
      ? [`${String(pair.key.value)}: write`]
      : [],
  );
}

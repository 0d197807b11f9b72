import { fileURLToPath } from "node:url";
import { expect, it } from "vitest";
import { checkDocs, formatFindings } from "./check-docs.ts";

const repoRoot = fileURLToPath(new URL("../../..", import.meta.url));

it("every README.md and docs page names only paths, pnpm scripts and make targets that exist", async () => {
  const findings = await checkDocs(repoRoot);
  expect(formatFindings(findings), "fix the page, or the name it uses").toBe("");
});

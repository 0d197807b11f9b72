import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { MetadataReadError } from "./errors.ts";
import { FIXTURES } from "./testing/fixture-cases.ts";
import type { Finding } from "./finding.ts";
import { validateExtensionDir } from "./validate-extension-dir.ts";

/** fixtures/desktop-corpus/<name>/case.json; see the README there. */
interface DesktopCase {
  /** What Docker Desktop does with this folder's image, and the evidence. */
  desktop: string;
  installs: boolean;
  throws?: string;
  errors: { path: string; message: string }[];
  marketplaceErrors: { path: string; message: string }[];
}

const corpus = join(FIXTURES, "desktop-corpus");
const cases = readdirSync(corpus, { withFileTypes: true })
  .filter((entry) => entry.isDirectory())
  .map(
    (entry) =>
      [entry.name, JSON.parse(readFileSync(join(corpus, entry.name, "case.json"), "utf8")) as DesktopCase] as const,
  )
  .sort(([a], [b]) => a.localeCompare(b));

function errorsOf(findings: readonly Finding[], dir: string): { path: string; message: string; scope: string }[] {
  return findings
    .filter((finding) => finding.severity === "error")
    .map(({ path, message, scope }) => ({
      path: path.startsWith(`${dir}/`) ? path.slice(dir.length + 1) : path,
      message,
      scope,
    }));
}

function expected(list: DesktopCase["errors"], scope: string): { path: string; message: string; scope: string }[] {
  return list.map(({ path, message }) => ({ path, scope, message: expect.stringContaining(message) as string }));
}

describe("the Desktop corpus: Docker's sample shapes and published extensions' patterns", () => {
  it("covers installs and refusals", () => {
    expect(cases.filter(([, c]) => c.installs).length).toBeGreaterThanOrEqual(4);
    expect(cases.filter(([, c]) => !c.installs).length).toBeGreaterThanOrEqual(4);
  });

  describe.each(cases)("%s", (name, desktopCase) => {
    const dir = join(corpus, name);

    it(`by default: ${desktopCase.installs ? "no error, since Desktop installs it" : "the errors Desktop would give"} (${desktopCase.desktop})`, async () => {
      if (desktopCase.throws !== undefined) {
        await expect(validateExtensionDir(dir)).rejects.toMatchObject({ code: desktopCase.throws });
        await expect(validateExtensionDir(dir)).rejects.toBeInstanceOf(MetadataReadError);
        return;
      }
      const report = await validateExtensionDir(dir);
      expect(report.valid).toBe(desktopCase.installs);
      expect(desktopCase.installs).toBe(desktopCase.errors.length === 0);
      expect(errorsOf(report.findings, dir)).toEqual(expected(desktopCase.errors, "desktop"));
      // What only the Marketplace refuses is there, as warnings.
      const listing = report.findings.filter((finding) => finding.scope === "marketplace");
      expect(listing.map((finding) => finding.severity)).toEqual(desktopCase.marketplaceErrors.map(() => "warning"));
    });

    it("with --marketplace: the listing rules as errors too", async () => {
      if (desktopCase.throws !== undefined) {
        await expect(validateExtensionDir(dir, { marketplace: true })).rejects.toMatchObject({
          code: desktopCase.throws,
        });
        return;
      }
      const report = await validateExtensionDir(dir, { marketplace: true });
      expect(report.valid).toBe(desktopCase.errors.length + desktopCase.marketplaceErrors.length === 0);
      const errors = errorsOf(report.findings, dir);
      expect(errors.filter((finding) => finding.scope === "desktop")).toEqual(expected(desktopCase.errors, "desktop"));
      expect(errors.filter((finding) => finding.scope === "marketplace")).toEqual(
        expected(desktopCase.marketplaceErrors, "marketplace"),
      );
    });
  });
});

import { resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { vendoredPackages } from "./vendored-packages.ts";

const repoRoot = resolve(import.meta.dirname, "../../..");

describe("vendoredPackages", () => {
  it("is every dext package a standalone copy of a sample packs: its dependencies, their dependencies, and the configs", async () => {
    const names = (await vendoredPackages(repoRoot)).map((pkg) => pkg.name);
    expect(names).toEqual([
      "@dext/backend",
      "@dext/desktop",
      "@dext/desktop-facts",
      "@dext/eslint-config",
      "@dext/metadata",
      "@dext/prettier-config",
      "@dext/tsconfig",
      "@dext/ui",
      "@dext/vitest-config",
    ]);
  });
});

import js from "@eslint/js";
import { existsSync } from "node:fs";
import { dirname, join } from "node:path";
import turbo from "eslint-plugin-turbo";
import globals from "globals";
import tseslint from "typescript-eslint";

/** Whether a turbo.json is in the folder ESLint runs in or above it: a standalone extension has none. */
function inTurboRepository(from = process.cwd()) {
  for (let dir = from; ; dir = dirname(dir)) {
    if (existsSync(join(dir, "turbo.json"))) return true;
    if (dirname(dir) === dir) return false;
  }
}

/**
 * Type-aware rules for every package. Rules stay errors: a warning nobody reads is noise.
 * @type {import("typescript-eslint").ConfigArray}
 */
export default tseslint.config(
  { ignores: ["dist/**", ".cache/**", "coverage/**", ".docker-context/**", "**/*.d.ts"] },
  js.configs.recommended,
  ...tseslint.configs.strictTypeChecked,
  // Every environment variable the code reads is declared in turbo.json, so a change to one
  // reruns the tasks that read it, or is passed through on purpose where it is runtime-only.
  // A project without turbo (`new-extension --standalone`) has nothing to declare them in.
  {
    plugins: { turbo },
    rules: { "turbo/no-undeclared-env-vars": inTurboRepository() ? "error" : "off" },
  },
  {
    languageOptions: {
      globals: { ...globals.node },
      parserOptions: { projectService: true },
    },
    linterOptions: { reportUnusedDisableDirectives: "error" },
    rules: {
      "@typescript-eslint/consistent-type-imports": ["error", { fixStyle: "separate-type-imports" }],
      "@typescript-eslint/no-import-type-side-effects": "error",
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
      "@typescript-eslint/restrict-template-expressions": ["error", { allowNumber: true }],
      "@typescript-eslint/no-confusing-void-expression": "off",
      "no-console": "off",
    },
  },
  {
    files: ["**/*.js", "**/*.mjs"],
    ...tseslint.configs.disableTypeChecked,
  },
  {
    files: ["**/*.test.ts", "**/*.test.tsx"],
    rules: {
      "@typescript-eslint/no-non-null-assertion": "off",
      "@typescript-eslint/no-floating-promises": "off",
      // Tests reproduce what foreign hosts really reject with, which is often not an Error.
      "@typescript-eslint/prefer-promise-reject-errors": "off",
    },
  },
);

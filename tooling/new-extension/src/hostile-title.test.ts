import { readFile, rm } from "node:fs/promises";
import { extname, join, resolve } from "node:path";
import ts from "typescript";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { newExtension } from "./new-extension.ts";
import { makeSampleRepo } from "./testing/sample-repo.ts";

// A --title with what breaks each format it lands in: quotes, a backslash, shell and Make
// substitutions, markup that closes <title>, Markdown emphasis, a template substitution.
const title = `Tom's "tools" \\ $(whoami) </title><script>alert(1)</script> $(shell id) \${HOME} \`id\` *x* & {y} #z`;

const repoRoot = resolve(import.meta.dirname, "../../..");
let root = "";

beforeAll(async () => {
  root = await makeSampleRepo(repoRoot, "new-ext-title-");
});

afterAll(async () => {
  await rm(root, { recursive: true, force: true });
});

const decodeMarkup = (text: string): string =>
  text.replace(
    /&(amp|lt|gt|quot|#39);/g,
    (_entity, name: string) => ({ amp: "&", lt: "<", gt: ">", quot: '"', "#39": "'" })[name] ?? "",
  );

/** Every string literal's value in a TypeScript file, JSX attributes decoded as the compiler emits them. */
function stringLiterals(file: string, text: string): string[] {
  const output = ts.transpileModule(text, {
    fileName: file,
    reportDiagnostics: true,
    compilerOptions: { jsx: ts.JsxEmit.React, target: ts.ScriptTarget.ES2022 },
  });
  expect(output.diagnostics?.map((d) => ts.flattenDiagnosticMessageText(d.messageText, "\n")) ?? [], file).toEqual([]);
  const literals: string[] = [];
  const visit = (node: ts.Node): void => {
    if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) literals.push(node.text);
    ts.forEachChild(node, visit);
  };
  visit(ts.createSourceFile("out.js", output.outputText, ts.ScriptTarget.ES2022, true));
  return literals;
}

/** A Dockerfile double-quoted LABEL value read as BuildKit reads it: `\` escapes only `"`, `$` and itself. */
function dockerfileLabel(text: string, label: string): string | undefined {
  const match = new RegExp(`${label.replace(/\./g, "\\.")}="((?:[^"\\\\]|\\\\.)*)"`).exec(text);
  return match?.[1]?.replace(/\\(["$\\])/g, "$1");
}

describe("a --title with quotes, backslashes, substitutions and markup", () => {
  it.each([
    ["minimal-backend", "hostile-one"],
    ["compose-volumes", "hostile-two"],
    ["host-binaries", "hostile-three"],
  ])(
    "lands in every file of a %s copy escaped for that file, which still parses and reads back the exact title",
    async (sample, name) => {
      const result = await newExtension({ repoRoot: root, name, from: sample, title, install: false });
      let checked = 0;
      for (const file of result.files) {
        const text = await readFile(join(result.target, file), "utf8");
        const ext = extname(file);
        if (ext === ".json") {
          const parsed: unknown = JSON.parse(text);
          if (file === "metadata.json")
            expect((parsed as { ui: { "dashboard-tab": { title: string } } }).ui["dashboard-tab"].title).toBe(title);
          checked++;
        } else if ([".ts", ".tsx"].includes(ext)) {
          const literals = stringLiterals(file, text);
          if (text.includes("whoami")) {
            expect(literals, file).toContain(title);
            checked++;
          }
        } else if (ext === ".html" || ext === ".svg") {
          // No element the title did not come with: the markup in it stays text.
          expect(text, file).not.toContain("<script>");
          const inside = /<title>([^<]*)<\/title>|aria-label="([^"]*)"/.exec(text);
          if (inside !== null) {
            expect(decodeMarkup(inside[1] ?? inside[2] ?? ""), file).toBe(title);
            checked++;
          }
        } else if (file === "Dockerfile") {
          expect(dockerfileLabel(text, "org.opencontainers.image.title")).toBe(title);
          checked++;
        } else if (ext === ".md" && text.includes("whoami")) {
          const bold = /\*\*((?:[^*\\]|\\.)*)\*\*/.exec(text.slice(text.indexOf("whoami") - 40));
          expect(bold?.[1]?.replace(/\\([!-/:-@[-`{-~])/g, "$1")).toBe(title);
          checked++;
        }
      }
      expect(checked).toBeGreaterThanOrEqual(4);
    },
  );
});

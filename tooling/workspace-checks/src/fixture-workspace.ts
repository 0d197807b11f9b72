import { copyFile, mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";

const repoRoot = resolve(import.meta.dirname, "../../..");

export interface FixtureWorkspace {
  dir: string;
  write(path: string, text: string): Promise<void>;
  remove(): Promise<void>;
}

/**
 * A workspace laid out as this one (packages/*, samples/*, tooling/*) with the repository's own
 * knip.jsonc, so what knip reports here is what `pnpm test` would report there. A library exports
 * its source under the @dext/source condition, as dext's packages do, and a sample uses it; as
 * written, nothing in it is unused.
 */
export async function fixtureWorkspace(): Promise<FixtureWorkspace> {
  const dir = await mkdtemp(join(tmpdir(), "dext-knip-fixture-"));
  const write = async (path: string, text: string) => {
    await mkdir(dirname(join(dir, path)), { recursive: true });
    await writeFile(join(dir, path), text);
  };
  await copyFile(join(repoRoot, "knip.jsonc"), join(dir, "knip.jsonc"));
  await write("package.json", json({ name: "fixture", private: true, type: "module" }));
  await write("pnpm-workspace.yaml", "packages:\n  - packages/*\n  - samples/*\n  - tooling/*\n");
  await write(
    "packages/greeting/package.json",
    json({
      name: "@fixture/greeting",
      version: "0.0.0",
      private: true,
      type: "module",
      exports: { ".": { "@dext/source": "./src/index.ts", types: "./dist/index.d.ts", default: "./dist/index.js" } },
    }),
  );
  await write("packages/greeting/src/index.ts", 'export { greet } from "./greet.js";\n');
  await write("packages/greeting/src/greet.ts", GREET);
  await write(
    "samples/hello/package.json",
    json({
      name: "hello",
      version: "0.0.0",
      private: true,
      type: "module",
      scripts: { start: "node src/main.ts" },
      dependencies: { "@fixture/greeting": "workspace:*" },
    }),
  );
  await write(
    "samples/hello/src/main.ts",
    'import { greet } from "@fixture/greeting";\n\nconsole.log(greet("you"));\n',
  );
  return { dir, write, remove: () => rm(dir, { recursive: true, force: true }) };
}

/** greet.ts as the fixture starts: `shout` is used by `greet`, in the same file, and not exported. */
export const GREET = `export function greet(name: string): string {
  return \`hello \${shout(name)}\`;
}

function shout(text: string): string {
  return text.toUpperCase();
}
`;

function json(value: unknown): string {
  return `${JSON.stringify(value, null, 2)}\n`;
}

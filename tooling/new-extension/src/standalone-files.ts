import { readFile, rm } from "node:fs/promises";
import { join } from "node:path";
import type { Identity } from "./sample-identity.ts";
import { WrittenPaths } from "./written-paths.ts";

/** The sample's opening comment, up to its first blank line: it explains the workspace's build context. */
function withoutOpeningComment(text: string): string {
  const lines = text.split("\n");
  const firstCode = lines.findIndex((line) => !line.startsWith("#"));
  return lines
    .slice(firstCode === -1 ? 0 : firstCode)
    .join("\n")
    .replace(/^\n+/, "");
}

/** In the workspace a sample builds from the workspace pruned to it; standalone, from its own folder. */
function standaloneDockerfile(text: string, name: string): string {
  return [
    "# A standalone copy of a dext sample: the build context is this folder (make build-extension, or",
    "# docker build -t <image> .). No `# syntax=` line on purpose: BuildKit's built-in frontend has every",
    "# instruction used here, and a syntax line makes each build pull an image first.",
    "",
    withoutOpeningComment(text)
      .replaceAll(`samples/${name}/`, "")
      .replace(new RegExp(` --filter "${name}\\.\\.\\."`, "g"), "")
      .replaceAll(`pnpm --filter ${name} `, "pnpm ")
      // The lockfile names the vendored dext packages by file: the first install needs them.
      .replace("! -name .npmrc ", "! -name .npmrc ! -path './vendor/*' "),
  ].join("\n");
}

/** The workspace's Makefile writes a pruned context first; a standalone project builds from its folder. */
function standaloneMakefile(text: string): string {
  return [
    "# Docker's usual extension targets; the build context is this folder.",
    withoutOpeningComment(text)
      .replace(/^ROOT := .*$/m, "ROOT := .")
      .replace(/^CONTEXT := .*$/m, "CONTEXT := .")
      .replace(/^docker-context:.*$/m, "docker-context: ## Nothing to write: the build context is this folder")
      .replace(/^\t\$\(ROOT\)\/tooling\/docker\/prune-context\.sh.*\n/m, ""),
  ].join("\n");
}

const DOCKERIGNORE = `# Sent to docker build: the sources, the lockfile and vendor/, not installs or build output.
node_modules
dist
.cache
.turbo
**/*.test.ts
**/*.test.tsx
*.md
image
e2e
`;

function standaloneReadme(original: string, identity: Identity, from: string): string {
  return `# ${identity.name}

A Docker Desktop extension started from dext's \`${from}\` sample, as a project of its own.

\`\`\`sh
pnpm install && pnpm start   # builds it, then serves it in the local Desktop host (no Docker Desktop needed)
pnpm install && pnpm check   # lint, typecheck, build, tests, browser tests, dext validate
\`\`\`

\`make build-extension\` builds its image (\`${identity.image}\`) from this folder; \`make install-extension\`
installs it in Docker Desktop. The dext packages it uses are packed in \`vendor/\` and installed from
there (\`file:\` in package.json, \`overrides\` in pnpm-workspace.yaml): replace them with newer packs
to upgrade.

What follows is the sample's own README; paths in it are relative to this folder.

${original.replace(/^# .*\n/, "## About the sample\n")}`;
}

/** Rewrites the files that assume the dext workspace around them. */
export async function rewriteForStandalone(
  dir: string,
  identity: Identity,
  readme: string,
  from = "",
  written = new WrittenPaths(),
): Promise<void> {
  const dockerfile = await readFile(join(dir, "Dockerfile"), "utf8").catch(() => undefined);
  if (dockerfile !== undefined)
    await written.writeFile(join(dir, "Dockerfile"), standaloneDockerfile(dockerfile, identity.name));
  const makefile = await readFile(join(dir, "Makefile"), "utf8").catch(() => undefined);
  if (makefile !== undefined) await written.writeFile(join(dir, "Makefile"), standaloneMakefile(makefile));
  await written.writeFile(join(dir, ".dockerignore"), DOCKERIGNORE);
  await written.writeFile(join(dir, "README.md"), standaloneReadme(readme, identity, from));
  // A turbo.json that extends the workspace's has nothing to extend here.
  await rm(join(dir, "turbo.json"), { force: true });
}

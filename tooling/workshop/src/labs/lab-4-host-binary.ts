import { machine, type } from "node:os";
import { join, posix, relative } from "node:path";
import { landingAt } from "@dext/metadata";
import { buildContext, extensionImage, isExecutableMode } from "../extension-image.ts";
import { runScript } from "../run-script.ts";
import { findInUi, reachableUiSources } from "../ui-sources.ts";
import { addFindings, validatorErrors } from "../validate.ts";
import type { Lab, LabContext } from "../lab.ts";

const PLATFORMS = ["darwin", "linux", "windows"] as const;
type Platform = (typeof PLATFORMS)[number];

const EXAMPLE =
  '"host": { "binaries": [{ "darwin": [{ "path": "/darwin/host-info" }], "linux": [{ "path": "/linux/host-info" }], "windows": [{ "path": "/windows/host-info.cmd" }] }] }';

/** What the Linux binary must print on this machine: `uname -s` and `uname -m`, as the lab asks. */
const expectedHostInfo = (): string => `host-info on ${type()} ${machine()}\n`;

/** The first path metadata.json's host.binaries gives each platform. */
function binaryPaths(metadata: unknown): Partial<Record<Platform, string>> {
  const binaries = (metadata as { host?: { binaries?: unknown } } | undefined)?.host?.binaries;
  const paths: Partial<Record<Platform, string>> = {};
  if (!Array.isArray(binaries)) return paths;
  for (const entry of binaries as Record<string, unknown>[]) {
    for (const platform of PLATFORMS) {
      const list = entry[platform];
      const path = Array.isArray(list) ? (list[0] as { path?: unknown } | undefined)?.path : undefined;
      if (typeof path === "string") paths[platform] ??= path;
    }
  }
  return paths;
}

/** metadata.json declares a binary per OS, and dext validate finds each in the image. */
async function checkDeclared({ files, problems }: LabContext): Promise<Partial<Record<Platform, string>>> {
  const paths = binaryPaths(await files.json("metadata.json"));
  const missing = PLATFORMS.filter((platform) => paths[platform] === undefined);
  if (missing.length === PLATFORMS.length) {
    problems.add("metadata.json", `no host.binaries: add ${EXAMPLE}`);
    return paths;
  }
  for (const platform of missing)
    problems.add(
      "metadata.json",
      `host.binaries has no ${platform} entry: add "${platform}": [{ "path": "/${platform}/host-info${platform === "windows" ? ".cmd" : ""}" }]`,
    );
  // The validator's findings about host binaries: declared wrongly, or never copied into the image.
  const declared = new Set(Object.values(paths));
  const errors = (await validatorErrors(files.dir)).filter(
    (finding) =>
      finding.path.startsWith("$.host") ||
      /host binary/i.test(finding.message) ||
      [...declared].some((path) => finding.message.includes(path)),
  );
  addFindings(problems, files.dir, errors);
  return paths;
}

/** The file the final stage copies to the Linux path, executable, found in the extension folder. */
async function checkLinuxBinary({ files, problems }: LabContext, linuxPath: string): Promise<void> {
  const image = await extensionImage(files);
  const found = image === undefined ? undefined : landingAt(image.entries, linuxPath);
  const name = posix.basename(linuxPath);
  if (found === undefined) return; // dext validate has said the final stage never copies it
  const { entry } = found;
  if (!isExecutableMode(entry.mode)) {
    problems.add(
      `Dockerfile:${String(entry.line)}`,
      `${linuxPath} is not copied with an executable mode: \`COPY --chmod=0755 ${entry.source} ${linuxPath}\``,
    );
  }
  if (entry.origin !== "context") {
    problems.add(
      `Dockerfile:${String(entry.line)}`,
      `${linuxPath} does not come from your folder; copy the script itself: \`COPY --chmod=0755 samples/<name>/host/linux/${name} ${linuxPath}\``,
    );
    return;
  }
  // A source the build context lacks has no machine path yet: say where the Dockerfile looks for it.
  const local = relative(files.dir, found.hostPath ?? join(buildContext(files), posix.normalize(`/${entry.source}`)));
  if (!(await files.exists(local))) {
    problems.add(
      local,
      `missing: the Dockerfile copies it to ${linuxPath}; a script that prints \`${name} on <uname -s> <uname -m>\``,
    );
    return;
  }
  if (!(await files.executable(local))) {
    problems.add(local, `not executable: \`chmod +x ${local}\` (Desktop runs it directly, and so does this check)`);
    return;
  }
  const run = await runScript(files.path(local), [], files.dir).catch((error: unknown) => error as Error);
  if (run instanceof Error) {
    problems.add(local, `could not be started without a shell (${run.message}): it needs a \`#!/bin/sh\` first line`);
    return;
  }
  const expected = expectedHostInfo().replace("host-info", name);
  if (run.exitCode !== 0 || run.stdout !== expected) {
    problems.add(
      local,
      `printed ${JSON.stringify(run.stdout)} and exited ${String(run.exitCode)}; expected ${JSON.stringify(expected)} (\`echo "${name} on $(uname -s) $(uname -m)"\`) and 0`,
    );
  }
}

async function checkUi({ files, problems }: LabContext, name: string): Promise<void> {
  const ui = await reachableUiSources(files);
  const host = findInUi(ui, /useExec(?:Stream)?\(\s*["']host["']/);
  if (host === undefined) {
    problems.add(
      "ui/src",
      `no file the tab loads uses \`useExec("host", client)\`: a panel whose button calls \`run("${name}")\``,
    );
    return;
  }
  const escaped = name.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
  if (!new RegExp(`\\.(?:run|start)\\(\\s*["']${escaped}["']`).test(host.text)) {
    problems.add(
      host.file,
      `nothing runs the binary: \`run("${name}")\` on a click (host binaries are run by their file name, without the OS folder or .cmd)`,
    );
  }
}

export const lab4: Lab = {
  number: 4,
  title: "Ship a host binary",
  proves:
    'metadata.json declares host binaries for darwin, linux and windows, and dext validate finds each in the image; the Linux one, copied executable, runs without a shell and prints its system and CPU; the tab runs it with useExec("host", …). Real extensions ship compiled executables, one per OS and CPU (samples/host-binaries)',
  async check(context) {
    const paths = await checkDeclared(context);
    if (paths.linux !== undefined) await checkLinuxBinary(context, paths.linux);
    await checkUi(context, posix.basename(paths.linux ?? paths.darwin ?? "host-info"));
  },
};

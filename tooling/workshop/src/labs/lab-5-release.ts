import { addFindings, validatorErrors } from "../validate.ts";
import type { Lab, LabContext } from "../lab.ts";

const VERSION = "0.2.0";
const PLATFORMS = ["linux/amd64", "linux/arm64"] as const;

/** The title new-extension gave: the name's words, "extension" left out ("my-extension" → "My"). */
function defaultTitle(name: string): string {
  const kept = name.split("-").filter((word) => !/^extensions?$/.test(word));
  const [first = "", ...rest] = kept.length > 0 ? kept : name.split("-");
  return [first.charAt(0).toUpperCase() + first.slice(1), ...rest].join(" ");
}

/** A LABEL's value in the Dockerfile, quotes removed; undefined when it is not there. */
function labelValue(dockerfile: string, name: string): string | undefined {
  const escaped = name.replace(/\./g, "\\.");
  const match = new RegExp(`${escaped}=("(?:[^"\\\\]|\\\\.)*"|'[^']*'|\\S+)`).exec(dockerfile);
  return match?.[1]?.replace(/^["']|["']$/g, "");
}

/** `dext validate` with no error, for each CPU of the multi-arch image (BuildKit sets TARGETARCH). */
async function checkValid({ files, problems }: LabContext): Promise<void> {
  const seen = new Set<string>();
  for (const arch of ["amd64", "arm64"] as const) {
    const fresh = (await validatorErrors(files.dir, arch)).filter(
      (finding) => !seen.has(`${finding.path} ${finding.message}`),
    );
    for (const finding of fresh) seen.add(`${finding.path} ${finding.message}`);
    addFindings(problems, files.dir, fresh, arch === "arm64" ? "for linux/arm64: " : "");
  }
}

async function checkTitle({ files, problems }: LabContext, dockerfile: string): Promise<void> {
  const name = ((await files.json("package.json")) as { name?: unknown } | undefined)?.name;
  const tab = ((await files.json("metadata.json")) as { ui?: { "dashboard-tab"?: { title?: unknown } } } | undefined)
    ?.ui?.["dashboard-tab"]?.title;
  const label = labelValue(dockerfile, "org.opencontainers.image.title");
  const placeholder = typeof name === "string" ? defaultTitle(name) : undefined;
  if (typeof tab !== "string" || tab.trim() === "" || tab === placeholder) {
    problems.add(
      "metadata.json",
      `the tab's title is ${JSON.stringify(tab)}, the default new-extension gave; name what the extension does, e.g. "Guestbook" (ui.dashboard-tab.title)`,
    );
  } else if (/extension/i.test(tab)) {
    problems.add(
      "metadata.json",
      `the tab's title ${JSON.stringify(tab)} contains the word "extension", which the Marketplace refuses in titles: name the tool itself`,
    );
  } else if (label !== tab) {
    problems.add(
      "Dockerfile",
      `the org.opencontainers.image.title label is ${JSON.stringify(label)}, the tab says ${JSON.stringify(tab)}: the Marketplace and the tab should show one name`,
    );
  }
}

async function checkVersions({ files, problems }: LabContext, dockerfile: string): Promise<void> {
  const found = {
    "package.json": ((await files.json("package.json")) as { version?: unknown } | undefined)?.version,
    "Makefile TAG": /^TAG\s*[?:]?=\s*(\S+)/m.exec((await files.text("Makefile")) ?? "")?.[1],
    "Dockerfile ARG VERSION": /^ARG\s+VERSION=(\S+)/m.exec(dockerfile)?.[1],
  };
  const wrong = Object.entries(found).filter(([, value]) => value !== VERSION);
  if (wrong.length > 0) {
    const all = Object.entries(found)
      .map(([where, value]) => `${where} ${JSON.stringify(value)}`)
      .join(", ");
    problems.add(
      wrong.map(([where]) => where.split(" ")[0]).join(", "),
      `the versions must all be ${VERSION}, and agree: ${all}`,
    );
  }
  const changelog = labelValue(dockerfile, "com.docker.extension.changelog");
  if (changelog?.includes(VERSION) !== true) {
    problems.add(
      "Dockerfile",
      `the com.docker.extension.changelog label does not mention ${VERSION}: add what it brings, e.g. "<p>${VERSION}: guestbook, ticks, host-info.</p><p>0.1.0: first release.</p>"`,
    );
  }
}

/** The push target's recipe, its simple variables (`X ?= value`) expanded: what `make -n` would run. */
function pushRecipe(makefile: string, target: string): string | undefined {
  const variables = new Map<string, string>();
  for (const match of makefile.matchAll(/^([A-Za-z_][A-Za-z0-9_]*)\s*[?:]?=\s*(.*)$/gm))
    variables.set(match[1] as string, (match[2] as string).trim());
  const lines = makefile.split("\n");
  const start = lines.findIndex((line) => new RegExp(`^${target}\\s*:`).test(line));
  if (start === -1) return undefined;
  const recipe: string[] = [];
  for (const line of lines.slice(start + 1)) {
    if (!line.startsWith("\t")) break;
    recipe.push(line);
  }
  let text = recipe.join("\n").replace(/\\\n/g, " ");
  for (let round = 0; round < 3; round++)
    text = text.replace(/\$[({]([A-Za-z_][A-Za-z0-9_]*)[)}]/g, (whole, name: string) => variables.get(name) ?? whole);
  return text;
}

async function checkMakefile({ files, problems }: LabContext): Promise<void> {
  const recipe = pushRecipe((await files.text("Makefile")) ?? "", "push-extension");
  if (recipe === undefined) {
    problems.add(
      "Makefile",
      "no push-extension target: `docker buildx build --push --platform linux/amd64,linux/arm64 ...` (the Marketplace needs both CPUs)",
    );
    return;
  }
  const platforms = /--platform[=\s]+(\S+)/.exec(recipe)?.[1]?.split(",") ?? [];
  const missing = PLATFORMS.filter((platform) => !platforms.includes(platform));
  if (!/\bbuildx\s+build\b/.test(recipe) || missing.length > 0) {
    problems.add(
      "Makefile",
      `push-extension does not build ${missing.length > 0 ? missing.join(" and ") : "with buildx"}: its recipe should run \`docker buildx build --push --platform ${PLATFORMS.join(",")} ...\``,
    );
  }
}

export const lab5: Lab = {
  number: 5,
  title: "Validate and build a multi-arch image",
  proves: `dext validate finds no error for linux/amd64 and linux/arm64; the tab and the image label share a real title; package.json, the Makefile's TAG and the Dockerfile's VERSION are ${VERSION} and the changelog says what it brings; push-extension builds linux/amd64 and linux/arm64 with buildx`,
  async check(context) {
    const dockerfile = (await context.files.text("Dockerfile")) ?? "";
    await checkValid(context);
    await checkTitle(context, dockerfile);
    await checkVersions(context, dockerfile);
    await checkMakefile(context);
  },
};

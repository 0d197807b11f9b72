/** Hostile extension folders for the generated-input suite: FIFOs, devices, loops, escapes, huge and deep files. */
import { execFileSync, spawn } from "node:child_process";
import { mkdir, mkdtemp, rename, rm, symlink, truncate, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { abbreviate } from "@dext/vitest-config/property-runs";
import fc from "fast-check";
import { afterAll, beforeAll } from "vitest";
import type { Finding } from "../finding.ts";
import {
  deepNesting,
  hugeMetadata,
  malformedCompose,
  malformedDockerfile,
  notJson,
  oddUnicode,
  wrongType,
} from "./fuzz.ts";

/** What sits at one path of a case folder. */
type Planted =
  | { kind: "absent" }
  | { kind: "text"; text: string }
  | { kind: "bytes"; bytes: Uint8Array }
  /** A sparse file of this many bytes: cheap to make, over any cap. */
  | { kind: "sparse"; size: number }
  | { kind: "fifo" }
  | { kind: "device"; device: "/dev/zero" | "/dev/null" | "/dev/urandom" }
  /** Two symlinks pointing at each other. */
  | { kind: "loop" }
  | { kind: "dir" }
  /** A symlink to a regular file outside the case folder. */
  | { kind: "escape" };

/** Where a case folder's planted files come from: the regular file outside, and FIFOs. */
interface PlantSource {
  outside: string;
  fifo(path: string): Promise<void>;
}

async function plant(path: string, planted: Planted, source: PlantSource): Promise<void> {
  await mkdir(dirname(path), { recursive: true });
  switch (planted.kind) {
    case "absent":
      return;
    case "text":
      return writeFile(path, planted.text);
    case "bytes":
      return writeFile(path, planted.bytes);
    case "sparse":
      await writeFile(path, "");
      return truncate(path, planted.size);
    case "fifo":
      return source.fifo(path);
    case "device":
      return symlink(planted.device, path);
    case "loop":
      await symlink(`${path}.other`, path);
      return symlink(path, `${path}.other`);
    case "dir":
      await mkdir(path);
      return;
    case "escape":
      return symlink(source.outside, path);
  }
}

const HOSTILE: fc.Arbitrary<Planted>[] = [
  fc.constant({ kind: "absent" }),
  fc.constant({ kind: "fifo" }),
  fc.constantFrom("/dev/zero", "/dev/null", "/dev/urandom").map((device) => ({ kind: "device", device })),
  fc.constant({ kind: "loop" }),
  fc.constant({ kind: "dir" }),
  fc.constant({ kind: "escape" }),
  fc.integer({ min: 1, max: 64 }).map((mib) => ({ kind: "sparse", size: mib * 1024 * 1024 + 1 })),
  fc.uint8Array({ maxLength: 2000, size: "max" }).map((bytes) => ({ kind: "bytes", bytes })),
];

// A text of megabytes prints as its head and length in a failure report.
const text = (arbitrary: fc.Arbitrary<string>): fc.Arbitrary<Planted> =>
  arbitrary.map(
    (value) =>
      ({
        kind: "text",
        text: value,
        [fc.toStringMethod]: () => `{ kind: "text", text: ${abbreviate(value)} }`,
      }) as Planted,
  );

const metadataKeys = fc.constantFrom(
  "icon",
  "ui",
  "vm",
  "host",
  "name",
  "provider",
  "desktop-plugin-version",
  "$schema",
  "__proto__",
);
const composefile = fc.constantFrom(
  "docker-compose.yaml",
  "../outside.yaml",
  "/etc/hostname",
  "sub/../../x.yaml",
  "link.yaml",
  "compose/c.yaml",
);

/** JSON-ish metadata: known keys with random values, legacy keys for migrate, vm.composefile among escaping names. */
const metadataObject: fc.Arbitrary<string> = fc
  .record({
    keys: fc.dictionary(metadataKeys, fc.jsonValue({ maxDepth: 4 }), { maxKeys: 5 }),
    legacy: fc.boolean(),
    composefile,
    icon: fc.constantFrom("icon.svg", "../x.svg", "https://example.com/i.svg", ""),
  })
  .map(({ keys, legacy, composefile: file, icon }) =>
    JSON.stringify({
      icon,
      vm: { composefile: file },
      ...keys,
      ...(legacy ? { name: "n", provider: "p", "desktop-plugin-version": "1.0" } : {}),
    }),
  );

// Weights keep the expensive inputs (megabytes, 100k levels, thousands of lines) a few percent
// of the cases: each still comes up dozens of times in a run, and the suite stays well under a minute.
const metadataText = fc.oneof(
  { weight: 8, arbitrary: metadataObject },
  { weight: 4, arbitrary: fc.json({ maxDepth: 6 }) },
  { weight: 3, arbitrary: notJson },
  { weight: 3, arbitrary: wrongType.map((document) => JSON.stringify(document)) },
  { weight: 2, arbitrary: oddUnicode },
  { weight: 1, arbitrary: deepNesting },
  {
    weight: 1,
    arbitrary: fc
      .nat(3)
      .map(
        (depth) =>
          `{"name":"n","provider":"p","x":${"[".repeat(1000 + depth * 40_000)}${"]".repeat(1000 + depth * 40_000)}}`,
      ),
  },
  { weight: 1, arbitrary: fc.constant(`{"name":"${"n".repeat(1024 * 1024)}"}`) },
  { weight: 1, arbitrary: hugeMetadata },
);

const dockerfileText = fc.oneof(
  { weight: 12, arbitrary: malformedDockerfile },
  {
    weight: 3,
    arbitrary: fc
      .nat(40)
      .map((lines) => `FROM alpine\nARG A=xx\n${"ARG A=$A$A$A$A\n".repeat(lines)}LABEL a=$A\nCOPY . /\n`),
  },
  {
    weight: 3,
    arbitrary: fc.constant("FROM alpine\nCOPY metadata.json docker-compose.yaml icon.svg /\nCOPY */*/*/* /x/\n"),
  },
  { weight: 1, arbitrary: fc.nat(8000).map((count) => `FROM alpine\n${"ENV B=$B$B C=1\n".repeat(count)}`) },
  { weight: 1, arbitrary: fc.constant(`FROM alpine\nLABEL a="${"x".repeat(900_000)}"\n`) },
);

/** One generated extension folder: metadata.json, Dockerfile, compose file and icon, each hostile or not. */
export interface HostileCase {
  metadata: Planted;
  dockerfile: Planted;
  compose: Planted;
  icon: Planted;
  /** A symlink loop in the folder, for the context search and COPY wildcards. */
  loopDir: boolean;
}

export const hostileCase: fc.Arbitrary<HostileCase> = fc.record({
  metadata: fc.oneof({ weight: 3, arbitrary: text(metadataText) }, { weight: 2, arbitrary: fc.oneof(...HOSTILE) }),
  dockerfile: fc.oneof({ weight: 2, arbitrary: text(dockerfileText) }, { weight: 1, arbitrary: fc.oneof(...HOSTILE) }),
  compose: fc.oneof({ weight: 2, arbitrary: text(malformedCompose) }, { weight: 1, arbitrary: fc.oneof(...HOSTILE) }),
  icon: fc.oneof(fc.constant<Planted>({ kind: "text", text: "<svg/>" }), ...HOSTILE),
  loopDir: fc.boolean(),
});

/** Lays out `hostile` in the empty folder `dir`, with FIFOs and the outside file from `source`. */
async function layOut(dir: string, hostile: HostileCase, source: PlantSource): Promise<void> {
  await plant(join(dir, "metadata.json"), hostile.metadata, source);
  await plant(join(dir, "Dockerfile"), hostile.dockerfile, source);
  for (const name of ["docker-compose.yaml", "compose/c.yaml"]) await plant(join(dir, name), hostile.compose, source);
  await symlink(source.outside, join(dir, "link.yaml"));
  await plant(join(dir, "icon.svg"), hostile.icon, source);
  if (hostile.loopDir) await symlink(".", join(dir, "self"));
}

/** What the regular file outside every case folder holds; no run may change it. */
export const OUTSIDE_TEXT = "services: {}\n";

/** Longer than this, a CLI run over one hostile folder counts as a hang. */
export const HANG_MS = 10_000;
/** What `dext validate` and `dext migrate` may exit with: valid, findings, refused. */
export const EXIT_CODES = [0, 1, 2];
/** Under each suite test's 120 s timeout, so a slow run or a long shrink still ends in fast-check's report. */
export const BUDGET_MS = 110_000;

/** FIFOs made per `mkfifo` process: one process per FIFO cost more than a second of a 1000-case run. */
const FIFO_BATCH = 64;

/** A temp folder of case folders, beside the one regular file outside them that symlinks escape to. */
class HostileFolders implements PlantSource {
  root = "";
  outside = "";
  #count = 0;
  #fifos: string[] = [];
  #fifoBatches = 0;

  async create(): Promise<void> {
    this.root = await mkdtemp(join(tmpdir(), "dext-hostile-"));
    // The root is a repository root to `dext validate`'s build-context search, which climbs from a
    // case folder until every COPY source is found. Without it, a wildcard source such as
    // `COPY */*/*/* /x/` walked the machine's temp folder: a third of the run's time, and a cost
    // that grew with whatever else sat in /tmp. The climb to a parent folder is still exercised.
    await mkdir(join(this.root, ".git"));
    this.outside = join(this.root, "outside.yaml");
    await writeFile(this.outside, OUTSIDE_TEXT);
  }

  /** Moves a FIFO made ahead of time to `path`. */
  async fifo(path: string): Promise<void> {
    if (this.#fifos.length === 0) {
      const batch = join(this.root, `.fifos${this.#fifoBatches++}`);
      await mkdir(batch);
      this.#fifos = Array.from({ length: FIFO_BATCH }, (_, index) => join(batch, `f${index}`));
      execFileSync("mkfifo", this.#fifos);
    }
    const made = this.#fifos.pop();
    if (made === undefined) throw new Error("mkfifo made no FIFO");
    await rename(made, path);
  }

  async remove(): Promise<void> {
    if (this.root !== "") await rm(this.root, { recursive: true, force: true });
  }

  /** A new folder with `hostile` laid out in it. */
  async caseDir(hostile: HostileCase): Promise<string> {
    const dir = join(this.root, `c${this.#count++}`);
    await layOut(dir, hostile, this);
    return dir;
  }
}

/** The calling test file's hostile folders: created before its tests, removed after them. */
export function hostileFoldersOfThisFile(): HostileFolders {
  const folders = new HostileFolders();
  beforeAll(() => folders.create());
  afterAll(() => folders.remove());
  return folders;
}

const packageDir = fileURLToPath(new URL("../..", import.meta.url));

/** Runs the CLI from source in a real process, killed after `timeoutMs`: `code` is null then. */
export function runCliProcess(
  argv: string[],
  timeoutMs = 10_000,
): Promise<{ code: number | null; stdout: string; stderr: string; ms: number }> {
  const started = performance.now();
  const script = "const { main } = await import('./src/cli.ts'); process.exitCode = await main(process.argv.slice(1));";
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ["--conditions=@dext/source", "--input-type=module", "-e", script, ...argv], {
      cwd: packageDir,
      stdio: ["ignore", "pipe", "pipe"],
    });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
    const timer = setTimeout(() => child.kill("SIGKILL"), timeoutMs);
    child.on("error", reject);
    child.on("close", (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr, ms: performance.now() - started });
    });
  });
}

/** A crash shows as the catch-all message or a V8 stack frame; neither may ever reach the user. */
export function crashIn(output: string): string | undefined {
  return /unexpected failure|\n\s+at .+:\d+:\d+\)?\n|RangeError|TypeError/.exec(output)?.[0];
}

/**
 * The findings that lack a location: every finding must name a JSON path (`$…`) or a file, and a
 * finding whose path is `file:line` must carry that line.
 */
export function unlocated(findings: readonly Finding[]): Finding[] {
  return findings.filter((finding) => {
    if (finding.path.startsWith("$")) return false;
    if (finding.file === undefined || finding.file === "") return true;
    return (
      finding.path !== finding.file &&
      !(finding.line !== undefined && finding.line >= 1 && finding.path.startsWith(`${finding.file}:${finding.line}`))
    );
  });
}

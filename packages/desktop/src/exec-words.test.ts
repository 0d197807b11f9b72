// Exec as Docker Desktop runs it, for all three targets, buffered and streamed: the command and
// its arguments are joined into one command line and split again by shell quoting rules, with no
// shell. Each program here prints the argv it received as JSON, so the test sees the words.
import { chmod, mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { silentLogger } from "@dext/backend";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startDesktopHost } from "./server/desktop-host.ts";
import { execInPage } from "./testing/exec-in-page.ts";
import { closeContexts, sharedChromium } from "./testing/shared-chromium.ts";
import type { v1 } from "@docker/extension-api-client-types";
import type { Browser, Page } from "playwright-core";
import type { DesktopHost } from "./server/desktop-host.ts";

const printArgv = '#!/usr/bin/env node\nprocess.stdout.write(JSON.stringify(process.argv.slice(2)) + "\\n");\n';

let dir: string;
let host: DesktopHost;
let browser: Browser;
let page: Page;
let savedDockerCli: string | undefined;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), "dext-words-"));
  const folder = join(dir, "words");
  await mkdir(join(folder, "ui"), { recursive: true });
  await mkdir(join(folder, "host"), { recursive: true });
  const metadata = {
    ui: { "dashboard-tab": { title: "w", root: "/ui", src: "index.html" } },
    vm: { image: "x" },
    host: { binaries: [{ linux: [{ path: "/host/argv" }], darwin: [{ path: "/host/argv" }] }] },
  };
  await writeFile(join(folder, "metadata.json"), JSON.stringify(metadata));
  await writeFile(join(folder, "ui", "index.html"), "<!doctype html><html><head></head><body>words</body></html>");
  for (const path of ["argv.js", "host/argv"]) {
    await writeFile(join(folder, path), printArgv);
    await chmod(join(folder, path), 0o755);
  }
  // A stand-in docker CLI that prints what it was given: the docker target runs nothing else.
  const fakeDocker = join(dir, "docker");
  await writeFile(fakeDocker, printArgv);
  await chmod(fakeDocker, 0o755);
  savedDockerCli = process.env.DEXT_DOCKER_CLI;
  process.env.DEXT_DOCKER_CLI = fakeDocker;
  host = await startDesktopHost({ folders: [folder], logger: silentLogger });
  browser = await sharedChromium();
  page = await browser.newPage();
  await page.goto(`${host.origins.get("words") ?? ""}/x/words/ui/index.html`);
  await page.waitForFunction("window.ddClient !== undefined");
}, 60_000);

afterAll(async () => {
  await closeContexts(browser);
  await host.stop();
  if (savedDockerCli === undefined) delete process.env.DEXT_DOCKER_CLI;
  else process.env.DEXT_DOCKER_CLI = savedDockerCli;
  await rm(dir, { recursive: true, force: true });
});

type Target = "vm" | "host" | "docker";
const program: Record<Target, string> = { vm: "./argv.js", host: "argv", docker: "ps" };

/** The argv the program got for exec(cmd, args), called buffered or streamed from the page. */
async function argvOf(target: Target, cmd: string, args: string[], streamed: boolean): Promise<unknown> {
  const seen = await execInPage(page, target, cmd, args, undefined, streamed);
  if (seen.error !== undefined || seen.code !== 0) throw new Error(`exec ${cmd} failed: ${JSON.stringify(seen)}`);
  return JSON.parse(seen.stdout) as unknown;
}

// Each row: the arguments a page passes, and the words Desktop makes of them.
const rows: [string, string[], string[]][] = [
  ["Docker's documented format argument, quotes inside", ["--format", '"{{json .}}"'], ["--format", "{{json .}}"]],
  ["single quotes", ["--format", "'{{json .}}'"], ["--format", "{{json .}}"]],
  ["a flag and its value in one element", ["--filter label=a=b"], ["--filter", "label=a=b"]],
  ["a quoted element with a blank", ["'two words'", "x"], ["two words", "x"]],
  ["an empty element, and an empty quoted word", ["", '""'], [""]],
  ["escapes", ["a\\ b", '"say \\"hi\\""'], ["a b", 'say "hi"']],
  ["unicode", ["'Grüße 🐳'", "日本語"], ["Grüße 🐳", "日本語"]],
  [
    "shell syntax, never run",
    ["$(id)", "`id`", ";", "|", "&&", "*", "$HOME"],
    ["$(id)", "`id`", ";", "|", "&&", "*", "$HOME"],
  ],
];

describe.each(["buffered", "streamed"] as const)("exec words, %s", (mode) => {
  describe.each(["vm", "host", "docker"] as const)("on %s", (target) => {
    it.each(rows)("%s", async (_label, args, words) => {
      const argv = await argvOf(target, program[target], args, mode === "streamed");
      expect(argv).toEqual(target === "docker" ? [program.docker, ...words] : words);
    });
  });

  it('splits a command of two words, as in exec("network ls")', async () => {
    expect(await argvOf("docker", "network ls", ["--format", "'{{.Name}}'"], mode === "streamed")).toEqual([
      "network",
      "ls",
      "--format",
      "{{.Name}}",
    ]);
    expect(await argvOf("vm", "./argv.js first", ["second"], mode === "streamed")).toEqual(["first", "second"]);
  });
});

describe("a command line that does not parse", () => {
  it("fails like a command that ran and failed: the reason on stderr, exit code 2, nothing run", async () => {
    const failure = await page.evaluate(async () => {
      const dd = (globalThis as unknown as { ddClient: v1.DockerDesktopClient }).ddClient;
      try {
        await dd.extension.vm?.cli.exec("./argv.js", ['"unterminated']);
        return undefined;
      } catch (error) {
        return error as { code: number; stdout: string; stderr: string };
      }
    });
    expect(failure).toMatchObject({ code: 2, stdout: "", stderr: expect.stringContaining("Unterminated") as unknown });
  });
});

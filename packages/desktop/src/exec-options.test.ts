// ExecOptions (cwd, env) and a missing command, as a page sees them, for all three targets,
// buffered and streamed, in folder mode: real processes, the host's real sockets, Chromium.
// Each program prints where it ran and what it was given as JSON; a program that must never run
// writes a marker file instead.
import { silentLogger } from "@dext/backend";
import { existsSync } from "node:fs";
import { chmod, mkdir, mkdtemp, realpath, rm, symlink, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { delimiter, join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startDesktopHost } from "./server/desktop-host.ts";
import { execInPage } from "./testing/exec-in-page.ts";
import { closeContexts, sharedChromium } from "./testing/shared-chromium.ts";
import type { Browser, Page } from "playwright-core";
import type { DesktopHost } from "./server/desktop-host.ts";
import type { ExecTarget } from "./protocol/index.ts";

/** Prints who it is, where it runs, its arguments and the variables the tests look at; its Node is named, so a page's PATH cannot hide it. */
const reporter = (who: string) => `#!${process.execPath}
process.stdout.write(JSON.stringify({ who: ${JSON.stringify(who)}, cwd: process.cwd(), argv: process.argv.slice(2), A: process.env.A, B: process.env.B, token: process.env.SOME_TOKEN, setting: process.env.DEXT_TEST_SETTING }) + "\\n");
`;

let dir: string;
let marker: string;
let work: string;
let evilDir: string;
let host: DesktopHost;
let browser: Browser;
let page: Page;
const saved: Record<string, string | undefined> = {};

async function program(path: string, text: string): Promise<void> {
  await writeFile(path, text);
  await chmod(path, 0o755);
}

function setEnv(name: string, value: string | undefined): void {
  if (!(name in saved)) saved[name] = process.env[name];
  if (value === undefined) Reflect.deleteProperty(process.env, name);
  else process.env[name] = value;
}

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), "dext-opts-"));
  marker = join(dir, "MARKER");
  work = join(dir, "work");
  evilDir = join(dir, "evil");
  const outside = join(dir, "outside");
  const folder = join(dir, "opts");
  for (const path of [work, evilDir, outside, join(folder, "ui"), join(folder, "host"), join(folder, "data")])
    await mkdir(path, { recursive: true });
  const metadata = {
    ui: { "dashboard-tab": { title: "o", root: "/ui", src: "index.html" } },
    vm: { image: "x" },
    host: { binaries: [{ linux: [{ path: "/host/where" }], darwin: [{ path: "/host/where" }] }] },
  };
  await writeFile(join(folder, "metadata.json"), JSON.stringify(metadata));
  await writeFile(join(folder, "ui", "index.html"), "<!doctype html><html><head></head><body>opts</body></html>");
  await writeFile(join(folder, "plain.txt"), "not a folder\n");
  // No Dockerfile: the folder is the image's root. A link in it that leads out of it.
  await symlink(outside, join(folder, "escape"));
  await program(join(folder, "where.js"), reporter("vm"));
  await program(join(folder, "host", "where"), reporter("host"));
  await program(join(dir, "docker"), reporter("docker"));
  // What a page would like to run instead, were env able to choose the program.
  for (const name of ["where", "sh", "no-such-program", "dext-test-docker"])
    await program(join(evilDir, name), `#!/bin/sh\necho ran > '${marker}'\n`);
  setEnv("DEXT_DOCKER_CLI", join(dir, "docker"));
  // One of the user's variables, and one of the host's own settings.
  setEnv("SOME_TOKEN", "user-token");
  setEnv("DEXT_TEST_SETTING", "host-setting");
  host = await startDesktopHost({ folders: [folder], logger: silentLogger });
  browser = await sharedChromium();
  page = await browser.newPage();
  await page.goto(`${host.origins.get("opts") ?? ""}/x/opts/ui/index.html`);
  await page.waitForFunction("window.ddClient !== undefined");
}, 60_000);

afterAll(async () => {
  await closeContexts(browser);
  await host.stop();
  for (const [name, value] of Object.entries(saved)) {
    if (value === undefined) Reflect.deleteProperty(process.env, name);
    else process.env[name] = value;
  }
  await rm(dir, { recursive: true, force: true });
});

const reporterOf: Record<ExecTarget, string> = { vm: "/where.js", host: "where", docker: "ps" };

interface Report {
  who: string;
  cwd: string;
  argv: string[];
  A?: string;
  B?: string;
  token?: string;
  setting?: string;
}

function report(stdout: string): Report {
  return JSON.parse(stdout) as Report;
}

describe.each(["buffered", "streamed"] as const)("ExecOptions, %s", (mode) => {
  const streamed = mode === "streamed";

  it.each(["vm", "host", "docker"] as const)(
    "runs %s exec in the cwd asked for, with the env asked for",
    async (target) => {
      const cwd = target === "vm" ? "/data" : work;
      const seen = await execInPage(
        page,
        target,
        reporterOf[target],
        [],
        { cwd, env: { A: "from the page", B: "two words; $(id)" } },
        streamed,
      );
      expect(seen.code).toBe(0);
      const ran = report(seen.stdout);
      expect(ran.who).toBe(target);
      // In folder mode the container path /data is the extension's data folder on this machine.
      expect(ran.cwd).toBe(await realpath(target === "vm" ? join(dir, "opts", "data") : work));
      expect(ran).toMatchObject({ A: "from the page", B: "two words; $(id)" });
    },
  );

  it.each(["vm", "host", "docker"] as const)(
    "gives %s exec none of the host's own settings, even through env",
    async (target) => {
      const seen = await execInPage(
        page,
        target,
        reporterOf[target],
        [],
        { env: { DEXT_DOCKER_CLI: "/bin/sh" } },
        streamed,
      );
      const ran = report(seen.stdout);
      expect(ran.who).toBe(target);
      expect(ran.setting).toBeUndefined();
      // A container has none of this machine's variables; a program on this machine has the user's, as in Desktop.
      expect(ran.token).toBe(target === "vm" ? undefined : "user-token");
    },
  );

  it("resolves a relative vm command against the cwd asked for, as docker exec -w does", async () => {
    const seen = await execInPage(page, "vm", "../where.js", ["x"], { cwd: "/data" }, streamed);
    expect(report(seen.stdout)).toMatchObject({ who: "vm", argv: ["x"] });
  });

  it.each([
    ["a link out of the image", "/escape", "HTTP 403"],
    ["a path that climbs out (..)", "/data/../..", "HTTP 400"],
    ["a relative path", "data", "HTTP 400"],
  ])("refuses a vm cwd that is %s, running nothing", async (_label, cwd, status) => {
    const seen = await execInPage(page, "vm", "/where.js", [], { cwd }, streamed);
    expect(seen.error).toContain(status);
    expect(seen.stdout).toBe("");
  });

  it("fails a vm cwd the image does not have as docker exec -w does: the reason on stderr, code 127", async () => {
    const seen = await execInPage(page, "vm", "/where.js", [], { cwd: "/nope" }, streamed);
    expect(seen).toMatchObject({
      code: 127,
      stdout: "",
      stderr: expect.stringContaining('chdir to cwd ("/nope")') as unknown,
    });
    const file = await execInPage(page, "vm", "/where.js", [], { cwd: "/plain.txt" }, streamed);
    expect(file).toMatchObject({
      code: 126,
      stdout: "",
      stderr: expect.stringContaining("not a directory") as unknown,
    });
  });

  it.each(["host", "docker"] as const)(
    "refuses a %s cwd that is not an existing folder on this machine",
    async (target) => {
      for (const cwd of [join(dir, "missing"), join(dir, "docker"), "relative/path"]) {
        const seen = await execInPage(page, target, reporterOf[target], [], { cwd }, streamed);
        expect(seen.error, cwd).toContain("HTTP 400");
      }
    },
  );

  it.each(["vm", "host", "docker"] as const)(
    "refuses %s env that is not strings, or that would load other code",
    async (target) => {
      const notText = await execInPage(
        page,
        target,
        reporterOf[target],
        [],
        { env: { A: 1 as unknown as string } },
        streamed,
      );
      expect(notText.error).toMatch(/options\.env\.A must be a string/);
      const loader = await execInPage(
        page,
        target,
        reporterOf[target],
        [],
        { env: { LD_PRELOAD: join(dir, "evil.so") } },
        streamed,
      );
      expect(loader.error).toContain("HTTP 403");
    },
  );
});

describe("env never chooses the program", () => {
  it("runs the extension's own host binary whatever PATH the page sets, and no other", async () => {
    const own = await execInPage(page, "host", "where", [], { env: { PATH: evilDir } }, false);
    expect(report(own.stdout).who).toBe("host");
    const other = await execInPage(
      page,
      "host",
      "sh",
      ["-c", "id"],
      { env: { PATH: `${evilDir}${delimiter}/bin${delimiter}/usr/bin` } },
      false,
    );
    expect(other.code).toBe(127);
    expect(existsSync(marker)).toBe(false);
  });

  it("finds vm commands among the image's files only, whatever PATH the page sets", async () => {
    const seen = await execInPage(
      page,
      "vm",
      "sh",
      ["-c", "id"],
      { env: { PATH: `/${delimiter}${evilDir}${delimiter}/bin` } },
      false,
    );
    expect(seen.code).toBe(127);
    const own = await execInPage(page, "vm", "where.js", [], { env: { PATH: "/" } }, false);
    expect(report(own.stdout).who).toBe("vm");
    expect(existsSync(marker)).toBe(false);
  });

  it("looks a bare docker CLI name up on the host's PATH, never on the page's", async () => {
    const goodDir = join(dir, "good");
    await mkdir(goodDir, { recursive: true });
    setEnv("DEXT_DOCKER_CLI", "dext-test-docker");
    try {
      const missing = await execInPage(page, "docker", "ps", [], { env: { PATH: evilDir } }, false);
      expect(missing).toMatchObject({
        code: 127,
        stderr: expect.stringContaining('exec: "dext-test-docker": executable file not found in $PATH') as unknown,
      });
      await program(join(goodDir, "dext-test-docker"), reporter("docker"));
      setEnv("PATH", `${goodDir}${delimiter}${saved.PATH ?? ""}`);
      const found = await execInPage(page, "docker", "ps", [], { env: { PATH: evilDir } }, false);
      expect(report(found.stdout)).toMatchObject({ who: "docker", argv: ["ps"] });
    } finally {
      setEnv("DEXT_DOCKER_CLI", join(dir, "docker"));
      setEnv("PATH", saved.PATH);
    }
    expect(existsSync(marker)).toBe(false);
  });
});

describe("a command that is not there", () => {
  it("gives every target the same result, buffered and streamed: code 127, nothing on stdout, docker's words on stderr", async () => {
    setEnv("DEXT_DOCKER_CLI", join(dir, "no-docker-here", "docker"));
    try {
      for (const target of ["vm", "host", "docker"] as const) {
        const buffered = await execInPage(page, target, "no-such-program", ["x"], undefined, false);
        const streamed = await execInPage(page, target, "no-such-program", ["x"], undefined, true);
        expect(buffered, target).toMatchObject({
          code: 127,
          stdout: "",
          stderr: expect.stringMatching(/^exec: "[^"]+": executable file not found in \$PATH/) as unknown,
        });
        expect(streamed, target).toEqual(buffered);
      }
    } finally {
      setEnv("DEXT_DOCKER_CLI", join(dir, "docker"));
    }
    expect(existsSync(marker)).toBe(false);
  });
});

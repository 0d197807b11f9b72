// Desktop mounts /run/guest-services into the extension's container, so a backend may open its
// socket there by itself, with no path in its CMD for folder mode to map. Folder mode gives each
// command a private mount namespace where that folder is the host's socket folder.
import { execFile } from "node:child_process";
import { mkdir, mkdtemp, readdir, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { requestOverSocket } from "@dext/backend";
import { captureLog } from "./testing/captured-log.ts";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startDesktopHost } from "./server/desktop-host.ts";
import { guestServicesSupport } from "./server/guest-services-namespace.ts";
import type { DesktopHost } from "./server/desktop-host.ts";
import type { ProcessSpec } from "./server/vm-runtime.ts";

const run = promisify(execFile);
const support = guestServicesSupport();

// The socket path is written into the program, as some published backends do.
const server = `import { createServer } from "node:http";
createServer((req, res) => res.end(JSON.stringify({ uid: process.getuid() }))).listen("/run/guest-services/fixed.sock");
process.on("SIGTERM", () => process.exit(0));
`;
const check = `#!/bin/sh
test -S /run/guest-services/fixed.sock && echo "socket there"
ls -a /run
`;

const log = captureLog();
let dir: string;
let host: DesktopHost;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), "dext-gsns-"));
  const folder = join(dir, "fixed");
  await mkdir(folder);
  await writeFile(join(folder, "server.mjs"), server);
  await writeFile(join(folder, "check.sh"), check, { mode: 0o755 });
  await writeFile(
    join(folder, "metadata.json"),
    JSON.stringify({ vm: { image: "${DESKTOP_PLUGIN_IMAGE}", exposes: { socket: "fixed.sock" } } }),
  );
  await writeFile(
    join(folder, "Dockerfile"),
    'FROM node:24-alpine\nCOPY metadata.json /\nCOPY server.mjs /srv/server.js\nCOPY check.sh /\nCMD ["node", "/srv/server.js"]\n',
  );
  host = await startDesktopHost({ folders: [folder], logger: log.logger, build: "never" });
}, 60_000);

afterAll(async () => {
  await host.stop();
  await rm(dir, { recursive: true, force: true });
});

async function ask(socketPath: string): Promise<string> {
  return (await requestOverSocket({ socketPath, path: "/" })).body.toString("utf8");
}

describe.skipIf(!support.supported)(
  `folder mode's /run/guest-services${support.supported ? "" : ` (skipped: ${support.reason})`}`,
  () => {
    it("serves a backend that listens on /run/guest-services/<socket> written into its code", async () => {
      const extension = host.extensions.find((candidate) => candidate.id === "fixed");
      expect(extension?.vm?.state()).toMatchObject({ state: "running" });
      const answer = JSON.parse(await ask(extension?.vm?.socketPath ?? "")) as { uid: number };
      expect(typeof answer.uid).toBe("number");
    });

    it("lets vm.cli.exec see the same socket, with every entry of the machine's /run still there", async () => {
      const extension = host.extensions.find((candidate) => candidate.id === "fixed");
      const spec = (await extension?.vm?.execSpec("/check.sh", [])) as ProcessSpec;
      const { stdout } = await run(spec.file, spec.args, { cwd: spec.cwd, env: spec.env });
      const [first, ...entries] = stdout.trim().split("\n");
      expect(first).toBe("socket there");
      const machine = (await readdir("/run")).filter((name) => name !== "guest-services");
      expect(entries).toEqual(expect.arrayContaining([...machine, "guest-services"]));
    });

    it("leaves the machine's own /run without a guest-services folder", async () => {
      expect(await readdir("/run")).not.toContain("guest-services");
    });
  },
);

// A shell-form CMD in folder mode runs as the container would run it: Docker's own extension
// template writes `CMD /service -socket /run/guest-services/backend.sock`, so the paths are inside
// sh -c's text, and the host maps them there as it maps exec-form words.
import { mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { requestOverSocket, silentLogger } from "@dext/backend";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startDesktopHost } from "./server/desktop-host.ts";
import type { DesktopHost } from "./server/desktop-host.ts";

const server = `import { createServer } from "node:http";
const socket = process.argv[2];
createServer((req, res) => res.end(JSON.stringify({ cwd: process.cwd(), socket }))).listen(socket);
process.on("SIGTERM", () => process.exit(0));
`;

const cases = {
  plain: "CMD node /srv/server.js /run/guest-services/plain.sock",
  quoted: `CMD node "/srv/server.js" '/run/guest-services/quoted.sock'`,
  syntax: "CMD cd /srv && exec node server.js /run/guest-services/syntax.sock",
} as const;

let dir: string;
let host: DesktopHost;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), "dext-shcmd-"));
  const folders: string[] = [];
  for (const [name, cmd] of Object.entries(cases)) {
    const folder = join(dir, name);
    await mkdir(folder);
    await writeFile(join(folder, "server.mjs"), server);
    await writeFile(
      join(folder, "metadata.json"),
      JSON.stringify({ vm: { image: "${DESKTOP_PLUGIN_IMAGE}", exposes: { socket: `${name}.sock` } } }),
    );
    await writeFile(
      join(folder, "Dockerfile"),
      `FROM node:24-alpine\nCOPY metadata.json /\nCOPY server.mjs /srv/server.js\n${cmd}\n`,
    );
    folders.push(folder);
  }
  host = await startDesktopHost({ folders, logger: silentLogger, build: "never" });
}, 60_000);

afterAll(async () => {
  await host.stop();
  await rm(dir, { recursive: true, force: true });
});

async function ask(socketPath: string): Promise<{ cwd: string; socket: string }> {
  const answer = await requestOverSocket({ socketPath, path: "/" });
  return JSON.parse(answer.body.toString("utf8")) as { cwd: string; socket: string };
}

describe.each(Object.keys(cases))("a shell-form CMD (%s)", (name) => {
  it("starts the backend from the image's files, listening where the host expects the socket", async () => {
    const extension = host.extensions.find((candidate) => candidate.id === name);
    expect(extension?.vm?.state()).toMatchObject({ state: "running" });
    const socketPath = extension?.vm?.socketPath ?? "";
    expect(socketPath.endsWith(`/${name}.sock`)).toBe(true);
    const answer = await ask(socketPath);
    // The socket path the backend got is the host's folder for /run/guest-services, not the
    // machine's own /run/guest-services.
    expect(answer.socket).toBe(socketPath);
    if (name === "syntax") expect(answer.cwd.endsWith("/srv")).toBe(true);
  });
});

import { spawn } from "node:child_process";

const listenOnEach = `
const paths = process.argv.slice(1);
let up = 0;
for (const path of paths) require("net").createServer().listen(path, () => ++up === paths.length && console.log("up"));
`;

/**
 * A process that listens on each path and is then killed with SIGKILL, so the socket files stay
 * behind. One process for many paths: a Node start is the slow part.
 */
export async function leaveStaleSockets(paths: readonly string[]): Promise<void> {
  const child = spawn(process.execPath, ["-e", listenOnEach, ...paths], { stdio: ["ignore", "pipe", "inherit"] });
  await new Promise<void>((resolve) => child.stdout.once("data", () => resolve()));
  const exited = new Promise((resolve) => child.once("exit", resolve));
  child.kill("SIGKILL");
  await exited;
}

export function leaveStaleSocket(path: string): Promise<void> {
  return leaveStaleSockets([path]);
}

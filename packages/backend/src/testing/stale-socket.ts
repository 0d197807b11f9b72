import { spawn } from "node:child_process";

/** A process that listens on `path` and is then killed with SIGKILL, so its socket file stays behind. */
export async function leaveStaleSocket(path: string): Promise<void> {
  const child = spawn(process.execPath, ["-e", "require('net').createServer().listen(process.argv[1], () => console.log('up'))", path], {
    stdio: ["ignore", "pipe", "inherit"],
  });
  await new Promise<void>((resolve) => child.stdout.once("data", () => resolve()));
  const exited = new Promise((resolve) => child.once("exit", resolve));
  child.kill("SIGKILL");
  await exited;
}

// `node src/check-vm-service.ts <image>`: the image's VM service run as Docker Desktop runs it, by
// the local Desktop host's image mode (the vm.image container or the vm.composefile stack, with
// /run/guest-services mounted). It must answer GET /health on the socket metadata.json exposes,
// and each of its containers must exit 0 on `docker stop`'s SIGTERM. An image for another CPU runs
// under QEMU (install-arm64.sh), as Desktop's VM would run it on that CPU. Prints one line saying
// what answered; exit 1 on any failure.
import { requestOverSocket } from "@dext/backend";
import { docker, silentLogger, startDesktopHost } from "@dext/desktop/testing";

const [image] = process.argv.slice(2);
if (image === undefined) {
  process.stderr.write("usage: check-vm-service.ts <image>\n");
  process.exit(2);
}

async function containersOf(ref: string): Promise<string[]> {
  const { stdout } = await docker(["ps", "-q", "--filter", `ancestor=${ref}`]);
  return stdout.split("\n").filter((id) => id !== "");
}

/** Whether the image is for another CPU than this machine's, so that it runs under QEMU here. */
async function emulated(ref: string): Promise<boolean> {
  const { stdout } = await docker(["image", "inspect", "--format", "{{.Architecture}}", ref]);
  const native = process.arch === "x64" ? "amd64" : process.arch;
  return stdout.trim() !== native;
}

/**
 * `docker stop` (SIGTERM, then SIGKILL after `graceS`) of each container; the ones that did not
 * exit 0. Docker's own grace is 10 s, and natively a service gets exactly that. Under QEMU the
 * same code runs many times slower, more so beside other work (with two emulated stacks checked
 * at once, compose-volumes' engine proxy took more than 10 s), so an emulated service gets 60 s:
 * what is checked is that SIGTERM ends it with exit 0, not how fast an emulator runs it.
 */
async function stopEach(containers: readonly string[], graceS: number): Promise<string[]> {
  const failures: string[] = [];
  for (const container of containers) {
    await docker(["stop", "--time", String(graceS), container], (graceS + 20) * 1000);
    const { stdout } = await docker(["inspect", "--format", "{{.Name}} {{.State.ExitCode}}", container]);
    const [name = container, code = ""] = stdout.trim().split(" ");
    if (code !== "0") failures.push(`${name.replace(/^\//, "")} exited ${code} on SIGTERM`);
  }
  return failures;
}

const started = Date.now();
const host = await startDesktopHost({ folders: [], images: [image], port: 0, logger: silentLogger });
const problems: string[] = [];
let answered = "";
try {
  const extension = host.extensions[0];
  const vm = extension?.vm;
  if (extension === undefined) problems.push("the host installed nothing");
  else if (vm === undefined) answered = "no VM service (metadata.json has no vm)";
  else if (vm.state().state !== "running") problems.push(`VM service ${vm.state().state}: ${vm.state().detail ?? ""}`);
  else if (vm.socketPath === undefined) problems.push("metadata.json exposes no socket to ask");
  else {
    const health = await requestOverSocket({
      socketPath: vm.socketPath,
      path: "/health",
      agent: false,
      timeoutMs: 20_000,
    });
    if (health.status !== 200) problems.push(`GET /health answered ${health.status}`);
    const containers = await containersOf(image);
    if (containers.length === 0) problems.push(`no running container of ${image}`);
    const graceS = (await emulated(image)) ? 60 : 10;
    problems.push(...(await stopEach(containers, graceS)));
    answered = `VM service answered GET /health ${health.status} in ${((Date.now() - started) / 1000).toFixed(1)} s, ${containers.length} container(s) exited 0 on SIGTERM (within ${String(graceS)} s)`;
  }
} catch (error) {
  problems.push(error instanceof Error ? error.message : String(error));
} finally {
  await host.stop();
}
if (problems.length > 0) {
  process.stdout.write(`VM service FAILED: ${problems.join("; ")}\n`);
  process.exitCode = 1;
} else {
  process.stdout.write(`${answered}\n`);
}

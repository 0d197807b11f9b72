import { execFile } from "node:child_process";
import { writeFile } from "node:fs/promises";
import { join } from "node:path";
import { promisify } from "node:util";
import { guestServicesDir } from "@dext/desktop-facts";
import { composeCliPath, engineSocketPath } from "@dext/desktop-facts/node";
import { parse } from "yaml";
import { docker, dockerExecSpec } from "./docker-cli.ts";
import { DesktopHostError } from "./errors.ts";
import { readRegularFile } from "./read-regular-file.ts";
import { waitForSocket } from "./socket-ready.ts";
import type { InstallOptions } from "./installed-extension.ts";
import type { VmRuntime, VmState } from "./vm-runtime.ts";

const run = promisify(execFile);

/** Service names in file order: Desktop's SDK talks to the first one, and runs `vm.cli.exec` there. */
export function composeServiceNames(text: string): string[] {
  const document = parse(text) as { services?: Record<string, unknown> } | null;
  return Object.keys(document?.services ?? {});
}

/**
 * Where each service mounts Desktop's raw engine socket, which exists only inside Desktop's VM:
 * service name → container paths it is mounted at.
 */
export function rawSocketTargets(text: string): Map<string, string[]> {
  type Volume = string | { source?: string; target?: string };
  const document = parse(text) as { services?: Record<string, { volumes?: Volume[] } | null> } | null;
  const targets = new Map<string, string[]>();
  for (const [name, service] of Object.entries(document?.services ?? {})) {
    for (const volume of service?.volumes ?? []) {
      const [source, target] = typeof volume === "string" ? volume.split(":") : [volume.source, volume.target];
      if (source === "/var/run/docker.sock.raw" && target !== undefined)
        targets.set(name, [...(targets.get(name) ?? []), target]);
    }
  }
  return targets;
}

export interface ComposeVmOptions extends InstallOptions {
  image: string;
  composeFile: string;
  guestDir: string;
  socketPath: string | undefined;
}

/**
 * Runs an extension's compose stack as Desktop does: `${DESKTOP_PLUGIN_IMAGE}` set to the image,
 * the guest-services folder mounted at /run/guest-services in every service. An override file
 * adds the mount, so the author's compose file is used as it is.
 */
export async function startComposeVm(options: ComposeVmOptions): Promise<VmRuntime> {
  const text = await readRegularFile(options.composeFile);
  const services = composeServiceNames(text);
  const rawSocket = rawSocketTargets(text);
  const first = services[0];
  if (first === undefined)
    throw new DesktopHostError("vm_service_failed", `${options.composeFile} declares no services`);
  // Engines started without a bridge network (tooling/docker's) cannot create compose's default network.
  const noBridge = await docker(["network", "inspect", "bridge"]).then(
    () => false,
    () => true,
  );
  const override = {
    version: "3.8",
    services: Object.fromEntries(
      services.map((name) => {
        const volumes = [`${options.guestDir}:${guestServicesDir}`];
        // Outside Desktop there is no /var/run/docker.sock.raw: the same target gets this machine's engine
        // socket instead (compose merges volumes by target), or Docker would create an empty folder there.
        for (const target of rawSocket.get(name) ?? []) volumes.push(`${engineSocketPath()}:${target}`);
        return [name, { volumes, ...(noBridge ? { network_mode: "none" } : {}) }];
      }),
    ),
  };
  const overrideFile = join(options.stateDir, "compose.override.json");
  await writeFile(overrideFile, JSON.stringify(override, null, 2));
  const project = `dext-${options.id}-${process.pid}`;
  const env = { ...process.env, DESKTOP_PLUGIN_IMAGE: options.image, DOCKER_HOST: process.env.DOCKER_HOST ?? "" };
  const compose = async (args: string[]) => {
    try {
      const { stdout } = await run(
        composeCliPath(),
        ["-p", project, "-f", options.composeFile, "-f", overrideFile, ...args],
        { env, encoding: "utf8", timeout: 180_000 },
      );
      return stdout;
    } catch (cause) {
      const failed = cause as { stderr?: string; message: string };
      throw new DesktopHostError(
        "vm_service_failed",
        `${composeCliPath()} ${args.join(" ")}: ${failed.stderr?.trim() || failed.message}`,
        { cause },
      );
    }
  };
  await compose(["up", "-d"]);
  const container = (await compose(["ps", "-q", first])).trim();
  let state: VmState = { state: "starting", detail: `compose project ${project}` };
  if (options.socketPath !== undefined) {
    try {
      await waitForSocket(options.socketPath, { timeoutMs: 30_000 });
      state = { state: "running", detail: `compose project ${project}, ${first} on ${options.socketPath}` };
    } catch (error) {
      const logs = await compose(["logs", "--tail", "10"]).catch(() => "");
      state = { state: "exited", detail: `${error instanceof Error ? error.message : String(error)}\n${logs}` };
      options.logger.error(`VM service did not start: ${state.detail ?? ""}`);
    }
  } else {
    state = { state: "running", detail: `compose project ${project}` };
  }
  return {
    socketPath: options.socketPath,
    state: () => state,
    execSpec: (cmd, args, options) => Promise.resolve(dockerExecSpec(container, cmd, args, options)),
    stop: async () => {
      // Stopping the host is not an uninstall: named volumes (the extension's state) stay.
      await compose(["down", "--remove-orphans", "--timeout", "2"]).catch((error: unknown) =>
        options.logger.warn(`compose down failed: ${String(error)}`),
      );
      state = { state: "exited", detail: "stopped" };
    },
  };
}

import { mkdir, rm, stat } from "node:fs/promises";
import { basename, join, posix } from "node:path";
import { guestServicesDir } from "@dext/desktop-facts";
import { validateMetadata } from "@dext/metadata";
import { containedHostPath } from "./dockerfile-layout.ts";
import { metadataImagePaths, metadataPathProblems } from "./metadata-paths.ts";
import { imagePathFromMetadata } from "./contained-path.ts";
import { docker, dockerExecSpec } from "./docker-cli.ts";
import { DesktopHostError } from "./errors.ts";
import { readRegularFile } from "./read-regular-file.ts";
import { hostPlatform, installHostBinaries } from "./host-binaries.ts";
import { startComposeVm } from "./compose-vm.ts";
import { waitForSocket } from "./socket-ready.ts";
import type { ImageLayout, LandedEntry } from "./dockerfile-layout.ts";
import type { InstallOptions, InstalledExtension } from "./installed-extension.ts";
import type { VmRuntime, VmState } from "./vm-runtime.ts";

const imageVariable = /\$\{DESKTOP_PLUGIN_IMAGE\}/g;

/** Copies one path out of a created (not started) container; false when the image has nothing there. */
async function copyOut(container: string, imagePath: string, target: string): Promise<boolean> {
  await mkdir(posix.dirname(target), { recursive: true });
  return docker(["cp", `${container}:${imagePath}`, target]).then(
    () => true,
    () => false,
  );
}

/** A path copied out of the image, where it now sits on this machine. */
function copiedOut(imagePath: string, hostPath: string, kind: "file" | "dir"): LandedEntry {
  return { imagePath, kind, origin: "image", source: imagePath, hostPath, line: 0 };
}

/** Desktop's VM services get the default network; an engine started without a bridge has none, so use none. */
async function networkFlags(): Promise<string[]> {
  return docker(["network", "inspect", "bridge"]).then(
    () => [],
    () => ["--network", "none"],
  );
}

/**
 * Installs an extension from a built image, as `docker extension install` does: reads
 * metadata.json, copies the UI, icon and this OS's host binaries out of the image, and runs the VM
 * service with a private folder mounted at /run/guest-services.
 */
export async function installFromImage(image: string, options: InstallOptions): Promise<InstalledExtension> {
  await docker(["image", "inspect", image]).catch((cause: unknown) => {
    throw new DesktopHostError(
      "image_failed",
      `No image ${image} on the engine: build or load it first (${cause instanceof Error ? cause.message : String(cause)})`,
      { cause },
    );
  });
  const files = join(options.stateDir, "image");
  const guestDir = join(options.stateDir, "gs");
  await mkdir(guestDir, { recursive: true });
  // The container is only copied from, never started. An image with no VM service may be built
  // FROM scratch with no CMD, which `docker create` refuses unless it is given a command.
  const created = (await docker(["create", image, "/dext-copy-only"])).trim();
  const entries: ImageLayout["entries"] = [];
  let metadata;
  try {
    if (!(await copyOut(created, "/metadata.json", join(files, "metadata.json")))) {
      throw new DesktopHostError(
        "metadata_invalid",
        `${image} has no /metadata.json: it is not a Docker Desktop extension image`,
      );
    }
    const result = validateMetadata(JSON.parse(await readRegularFile(join(files, "metadata.json"))));
    if (!result.valid) {
      throw new DesktopHostError(
        "metadata_invalid",
        `${image}: /metadata.json is not valid: ${result.findings.map((f) => `${f.path}: ${f.message}`).join("; ")}`,
      );
    }
    metadata = result.metadata;
    entries.push(copiedOut("/metadata.json", join(files, "metadata.json"), "file"));
    const platform = hostPlatform() ?? "linux";
    const wanted = metadataImagePaths(metadata)
      .filter(({ field }) => !field.startsWith("host.") || field.includes(`].${platform}[`))
      .flatMap(({ field, value }) => {
        try {
          return [imagePathFromMetadata(value, field)];
        } catch {
          return []; // a path that leaves the image root is reported with the extension's problems
        }
      });
    for (const imagePath of wanted) {
      const target = join(files, "root", imagePath);
      if (await copyOut(created, imagePath, target))
        entries.push(copiedOut(imagePath, target, (await stat(target)).isDirectory() ? "dir" : "file"));
    }
  } finally {
    await docker(["rm", created]).catch(() => undefined);
  }
  const layout: ImageLayout = { entries, workdir: "/", env: {}, command: undefined };
  const resolveImagePath = (imagePath: string) => containedHostPath(layout, imagePath);
  const binaries = await installHostBinaries(metadata, resolveImagePath, join(options.stateDir, "bin"));
  const vm =
    metadata.vm === undefined ? undefined : await startImageVm(image, metadata.vm, guestDir, resolveImagePath, options);
  const problems = [...metadataPathProblems(metadata), ...binaries.problems];
  return {
    id: options.id,
    title: metadata.ui?.["dashboard-tab"]?.title ?? options.id,
    source: `image ${image}`,
    image,
    metadata,
    resolveImagePath,
    vm,
    binaries,
    problems,
    stop: async () => {
      await vm?.stop();
      await rm(files, { recursive: true, force: true });
    },
  };
}

async function startImageVm(
  image: string,
  vm: NonNullable<InstalledExtension["metadata"]["vm"]>,
  guestDir: string,
  resolveImagePath: (imagePath: string) => Promise<string | undefined>,
  options: InstallOptions,
): Promise<VmRuntime> {
  const socketName = vm.exposes?.socket;
  const socketPath = socketName === undefined ? undefined : join(guestDir, socketName);
  if (typeof vm.image !== "string") {
    const composeFile =
      typeof vm.composefile === "string"
        ? await resolveImagePath(imagePathFromMetadata(vm.composefile, "vm.composefile"))
        : undefined;
    if (composeFile === undefined)
      throw new DesktopHostError("image_failed", `${image} has no compose file at ${vm.composefile}`);
    return startComposeVm({ ...options, image, composeFile, guestDir, socketPath });
  }
  const name = `dext-${options.id}-${basename(guestDir.replace(/\/gs$/, "")).slice(0, 12)}-${process.pid}`;
  const vmImage = vm.image.replace(imageVariable, image);
  const container = (
    await docker([
      "run",
      "-d",
      "--name",
      name,
      ...(await networkFlags()),
      "-v",
      `${guestDir}:${guestServicesDir}`,
      vmImage,
    ])
  ).trim();
  let state: VmState = { state: "starting", detail: `container ${name}` };
  if (socketPath !== undefined) {
    try {
      await waitForSocket(socketPath, { timeoutMs: 20_000 });
      state = { state: "running", detail: `container ${name} on ${socketPath}` };
    } catch (error) {
      const logs = await docker(["logs", "--tail", "10", container]).catch(() => "");
      state = { state: "exited", detail: `${error instanceof Error ? error.message : String(error)}\n${logs}` };
      options.logger.error(`VM service did not start: ${state.detail ?? ""}`);
    }
  } else {
    state = { state: "running", detail: `container ${name}` };
  }
  return {
    socketPath,
    state: () => state,
    // vm.cli.exec runs in the VM service's container, as Desktop does, from the image's WORKDIR.
    execSpec: (cmd, args, options) => Promise.resolve(dockerExecSpec(container, cmd, args, options)),
    stop: async () => {
      // A short stop timeout, so the host stops within 5 s; SIGTERM still comes first.
      await docker(["stop", "--time", "2", container]).catch(() => undefined);
      await docker(["rm", "-f", container]).catch(() => undefined);
      state = { state: "exited", detail: "stopped" };
    },
  };
}

import { lstat, mkdir } from "node:fs/promises";
import { join } from "node:path";
import { guestServicesDir } from "@dext/desktop-facts";
import { containerEnvironment } from "./exec-environment.ts";
import { missingCommand } from "./exec-stream.ts";
import { findCommand } from "./find-command.ts";
import { LogBuffer } from "./log-buffer.ts";
import { isNodeCommand, withNodeWatch } from "./backend-watch.ts";
import { waitForSocket } from "./socket-ready.ts";
import { relayServiceLine } from "./service-output.ts";
import { folderShellCommand, shellFormText } from "./shell-form-command.ts";
import { startGuestNamespace } from "./guest-services-namespace.ts";
import { buildVirtualRoot, inVirtualRoot } from "./virtual-root.ts";
import type { Logger } from "@dext/backend";
import { vmWorkingFolder } from "./vm-working-folder.ts";
import type { ChildProcess } from "node:child_process";
import type { ExtensionFolder } from "./extension-folder.ts";
import type { ProcessGroups } from "./process-group.ts";
import type { ExecStartFailure, ProcessSpec, VmRuntime, VmState } from "./vm-runtime.ts";

export interface FolderVmOptions {
  /** A short private folder: holds the virtual root and the folder standing for /run/guest-services. */
  stateDir: string;
  groups: ProcessGroups;
  logger: Logger;
  startTimeoutMs?: number;
  /** Dev mode: a node CMD runs under `node --watch` (restarted when its bundle changes). */
  dev?: boolean;
}

function isIdle(command: readonly string[]): boolean {
  // Images without a server keep their container alive this way; nothing needs to run here.
  return command.join(" ") === "sleep infinity" || command.join(" ") === "/bin/sh -c sleep infinity";
}

/**
 * The VM service of an extension folder, run on this machine: the image's CMD starts in a virtual
 * root built from the Dockerfile, with /run/guest-services mapped to a private folder, so the
 * backend listens where the host (standing for Desktop) expects its socket.
 */
export async function startFolderVm(extension: ExtensionFolder, options: FolderVmOptions): Promise<VmRuntime> {
  const root = join(options.stateDir, "root");
  const guestDir = join(options.stateDir, "gs");
  await buildVirtualRoot(root, extension.layout);
  await mkdir(guestDir, { recursive: true });
  // Commands see /run/guest-services as in the container (the machine's /run stays visible too).
  const namespace = await startGuestNamespace(guestDir, join(options.stateDir, "old-run"));
  if (namespace.unavailable !== undefined)
    options.logger.warn(
      `folder mode: commands see this machine's /run, not their own /run/guest-services (${namespace.unavailable}); paths in the CMD are mapped, a path written into a program is not`,
    );
  const socketName = extension.metadata.vm?.exposes?.socket;
  const socketPath = socketName === undefined ? undefined : join(guestDir, socketName);
  const cwd = inVirtualRoot(root, extension.layout.workdir);

  const mapPath = async (value: string): Promise<string> => {
    if (value === guestServicesDir || value.startsWith(`${guestServicesDir}/`))
      return guestDir + value.slice(guestServicesDir.length);
    if (value.startsWith("/") && (await lstat(inVirtualRoot(root, value)).catch(() => undefined)) !== undefined)
      return inVirtualRoot(root, value);
    return value;
  };

  /**
   * The image's ENV with each value that is one absolute path of the image mapped as a CMD word is
   * (`ENV BACKEND_DIR=/backend`, then `CMD node $BACKEND_DIR/server.mjs`: the shell expands it).
   * PATH is left alone: it stays this machine's, standing for the base image's.
   */
  const imageEnv: Record<string, string> = {};
  for (const [name, value] of Object.entries(extension.layout.env))
    imageEnv[name] = name === "PATH" || /\s|:/.test(value) ? value : await mapPath(value);
  const env = containerEnvironment(imageEnv);

  let state: VmState = { state: "none", detail: undefined };
  let child: ChildProcess | undefined;
  // The VM service's own output, a line an event (a dext backend's are its JSON log lines).
  const logs = new LogBuffer(200, (line) => {
    relayServiceLine(options.logger, line);
  });
  const command =
    extension.metadata.vm !== undefined && "image" in extension.metadata.vm ? extension.layout.command : undefined;

  if (command !== undefined && command.length > 0 && !isIdle(command)) {
    const watched = options.dev === true && isNodeCommand(command);
    // Docker makes `CMD node /server.js ...` into sh -c "<text>": the paths are inside the text.
    const shellText = shellFormText(command);
    const [file = "", ...mapped] =
      shellText === undefined ? await Promise.all(command.map(mapPath)) : await folderShellCommand(shellText, mapPath);
    const args = watched ? withNodeWatch(mapped) : mapped;
    // What the dashboard shows: the command, not the dev-mode preload's source.
    const shown = [file, ...(watched ? ["--watch", ...mapped] : mapped)].join(" ");
    state = { state: "starting", detail: shown };
    const started = options.groups.spawn(namespace.wrap({ file, args, cwd, env }), watched ? "pipe" : "ignore-stdin");
    child = started;
    started.stdout?.on("data", (chunk: Buffer) => logs.push(chunk.toString()));
    started.stderr?.on("data", (chunk: Buffer) => logs.push(chunk.toString()));
    let exitReason: string | undefined;
    started.once("error", (error) => (exitReason = `could not start ${file}: ${error.message}`));
    started.once("exit", (code, signal) => {
      exitReason ??= `exited with ${signal ?? `code ${code ?? "?"}`}`;
      state = { state: "exited", detail: `${exitReason}\n${logs.tail(10).join("\n")}` };
    });
    if (socketPath !== undefined) {
      try {
        await waitForSocket(socketPath, { timeoutMs: options.startTimeoutMs ?? 15_000, gaveUp: () => exitReason });
        state = { state: "running", detail: `${shown} on ${socketPath}` };
      } catch (error) {
        // Desktop keeps the extension installed with a dead backend; so does the host, and says why.
        state = {
          state: "exited",
          detail: `${error instanceof Error ? error.message : String(error)}\n${logs.tail(10).join("\n")}`,
        };
        options.logger.error(`VM service did not start: ${state.detail ?? ""}`);
      }
    } else {
      state = { state: "running", detail: shown };
    }
  }

  return {
    socketPath,
    state: () => state,
    execSpec: async (cmd, args, options = { cwd: undefined, env: {} }): Promise<ProcessSpec | ExecStartFailure> => {
      // The cwd first: one the host refuses is refused whatever the command.
      const folder = options.cwd === undefined ? cwd : await vmWorkingFolder(root, extension.layout, options.cwd);
      if (typeof folder !== "string") return folder;
      // Still among the image's files only, whatever cwd and PATH say.
      const imagePath = await findCommand(extension.layout, cmd, { cwd: options.cwd, path: options.env.PATH });
      if (imagePath === undefined) {
        return missingCommand(
          cmd,
          "folder mode runs only what the Dockerfile copies into the image; open the built image with --image for its base image's programs",
        );
      }
      const spec = {
        file: inVirtualRoot(root, imagePath),
        args,
        cwd: folder,
        env: containerEnvironment(imageEnv, options.env),
      };
      return namespace.wrap(spec);
    },
    stop: async () => {
      if (child !== undefined) await options.groups.end(child);
      await namespace.stop();
    },
  };
}

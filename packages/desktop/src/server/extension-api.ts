import { createBackendApp, RouteError } from "@dext/backend";
import { desktopCommandWords } from "@dext/desktop-facts";
import { dockerCliPath } from "@dext/desktop-facts/node";
import { extensionApi } from "../protocol/host-api.ts";
import { listContainers, listImages } from "./docker-engine.ts";
import { DesktopHostError } from "./errors.ts";
import { machineEnvironment, machineWorkingFolder } from "./exec-environment.ts";
import { execEvents, execFailureEvents } from "./exec-stream.ts";
import { hostExecSpec } from "./host-binaries.ts";
import { callerGuard } from "./request-guard.ts";
import { proxyToSocket } from "./service-proxy.ts";
import { vmUnavailableAnswer } from "./vm-unavailable.ts";
import type { BackendApp, Logger } from "@dext/backend";
import type { ExecRequest } from "../protocol/index.ts";
import type { InstalledExtension } from "./installed-extension.ts";
import type { ProcessGroups } from "./process-group.ts";
import type { CallerPolicy } from "./request-guard.ts";
import type { ExecStartFailure, ProcessSpec } from "./vm-runtime.ts";

/** What an extension's API needs: the extension, its secret, the processes it runs, its log. */
export interface ExtensionApiSite {
  extension: InstalledExtension;
  policy: CallerPolicy;
  groups: ProcessGroups;
  logger: Logger;
}

/**
 * Environment names an exec may not set: they make the dynamic loader (glibc's, musl's, macOS's)
 * load other code into the program started, which would turn "only the docker CLI" or "only the
 * extension's binaries" into "any library on this machine".
 */
function isLoaderVariable(name: string): boolean {
  return /^(LD_|DYLD_)/i.test(name);
}

/**
 * A process spec for an exec, or why it cannot start (answered as Desktop would: the reason on
 * stderr, exit 127 for a missing command); a cwd the host refuses throws a RouteError.
 */
async function execSpecFor(
  extension: InstalledExtension,
  request: ExecRequest,
): Promise<ProcessSpec | ExecStartFailure> {
  const options = { cwd: request.cwd, env: request.env ?? {} };
  if (request.target === "vm") {
    if (extension.vm === undefined)
      return { stderr: "This extension has no VM service (no vm section in metadata.json)\n", code: 127 };
    return extension.vm.execSpec(request.cmd, request.args, options);
  }
  if (request.target === "host") return hostExecSpec(extension.binaries, request.cmd, request.args, options);
  // docker.cli.exec runs the docker CLI and nothing else: `cmd` is its first argument, never a program.
  const cwd = await machineWorkingFolder(options.cwd);
  return { file: dockerCliPath(), args: [request.cmd, ...request.args], cwd, env: machineEnvironment(options.env) };
}

/** The Engine API's answer, or a 503 in the one error shape saying no engine answers. */
async function fromEngine(list: () => Promise<unknown>): Promise<unknown> {
  try {
    return await list();
  } catch (error) {
    if (error instanceof DesktopHostError && error.code === "engine_unavailable")
      throw new RouteError("unavailable", error.message, { cause: error });
    throw error;
  }
}

/**
 * One extension's API (`/x/<id>/api`, mounted there by its server): the contract's handlers, behind
 * the caller guard, which refuses a call without the extension's secret or a JSON body before its
 * input is read. The input schemas refuse malformed calls (400); what the host never allows (403) is
 * refused before anything starts.
 */
export function createExtensionApi(site: ExtensionApiSite): BackendApp {
  const { extension } = site;
  return createBackendApp({
    contract: extensionApi,
    logger: site.logger,
    createContext: callerGuard(() => site.policy, site.logger, { body: true }),
    handlers: {
      exec: async ({ body }, { signal, requestId }) => {
        // Refusals are logged with their request id, as the caller guard logs its own.
        const refused = (error: RouteError) => {
          site.logger.warn("refused", {
            method: "POST",
            url: `/x/${extension.id}/api/exec`,
            requestId,
            reason: error.message,
          });
          return error;
        };
        const loader = Object.keys(body.env ?? {}).find(isLoaderVariable);
        if (loader !== undefined)
          throw refused(
            new RouteError(
              "forbidden",
              `env.${loader} is refused: it would make the dynamic loader run other code in the command`,
            ),
          );
        // Desktop's words, not the array's elements: see desktopCommandWords.
        let words;
        try {
          words = desktopCommandWords(body.cmd, body.args);
        } catch (error) {
          return execFailureEvents({
            stderr: `exec: ${error instanceof Error ? error.message : String(error)}\n`,
            code: 2,
          });
        }
        const spec = await execSpecFor(extension, { ...body, ...words }).catch((error: unknown) => {
          throw error instanceof RouteError && error.code === "forbidden" ? refused(error) : error;
        });
        if ("stderr" in spec) return execFailureEvents(spec);
        return execEvents(spec, site.groups, signal);
      },
      service: async ({ body }) =>
        vmUnavailableAnswer(extension) ?? (await proxyToSocket(extension.vm?.socketPath, body)),
      dockerContainers: ({ body }) => fromEngine(() => listContainers(body ?? {})),
      dockerImages: ({ body }) => fromEngine(() => listImages(body ?? {})),
    },
  });
}

import type { ServiceResponse } from "../protocol/index.ts";
import type { InstalledExtension } from "./installed-extension.ts";

/**
 * What a `vm.service` call gets when the host cannot run the extension's VM side at all: a folder
 * whose backend is a compose stack, installed from its files because no Docker engine answered
 * (with one, the host builds the image and runs that: see install-folder.ts) or `--no-build`. Answered as
 * a backend that cannot reach what it needs would answer (503, dext's one error shape), so the
 * tab says in one sentence what is missing and how to get it, instead of "not answering".
 */
export function vmUnavailableAnswer(extension: InstalledExtension): ServiceResponse | undefined {
  const vm = extension.metadata.vm;
  if (vm === undefined || !("composefile" in vm)) return undefined;
  if (extension.vm !== undefined && extension.vm.state().state !== "none") return undefined;
  const message =
    `The backend of ${extension.title} is a Docker Compose stack (vm.composefile), which the local host runs only from the extension's image on a Docker engine: ` +
    "start one (DOCKER_HOST) and restart the host, which then builds the image and runs the stack (or build it yourself and open it with `dext-desktop --image <image>`).";
  return {
    ok: true,
    status: 503,
    contentType: "application/json",
    body: JSON.stringify({ error: { code: "unavailable", message } }),
  };
}

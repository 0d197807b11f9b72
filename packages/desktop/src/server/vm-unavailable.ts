import type { ServiceResponse } from "../protocol/index.js";
import type { InstalledExtension } from "./installed-extension.js";

/**
 * What a `vm.service` call gets when the host cannot run the extension's VM side at all: a folder
 * whose backend is a compose stack (only a built image runs one, on a Docker engine). Answered as
 * a backend that cannot reach what it needs would answer (503, dext's one error shape), so the
 * tab says in one sentence what is missing and how to get it, instead of "not answering".
 */
export function vmUnavailableAnswer(extension: InstalledExtension): ServiceResponse | undefined {
  const vm = extension.metadata.vm;
  if (vm === undefined || !("composefile" in vm)) return undefined;
  if (extension.vm !== undefined && extension.vm.state().state !== "none") return undefined;
  const message =
    `The backend of ${extension.title} is a Docker Compose stack (vm.composefile), which the local host runs only from the extension's built image on a Docker engine: ` +
    "with one running, build the image (for a dext sample, `make build-extension` in its folder) and open it with `dext-desktop --image <image>`.";
  return { ok: true, status: 503, contentType: "application/json", body: JSON.stringify({ error: { code: "unavailable", message } }) };
}

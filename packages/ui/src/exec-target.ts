import type { v1 } from "@docker/extension-api-client-types";
import type { DesktopClient } from "./desktop-client.ts";
import { ExecUnavailableError } from "./errors.ts";

/**
 * Where a command runs:
 * - `vm`: in the extension's VM service container (`extension.vm.cli.exec`);
 * - `host`: one of the extension's host binaries, by file name (`extension.host.cli.exec`);
 * - `docker`: the `docker` CLI against Desktop's engine (`docker.cli.exec`).
 */
export type ExecTarget = "vm" | "host" | "docker";

/** The client's exec for `target`; throws `ExecUnavailableError` when metadata.json did not ask for it. */
export function execFor(client: DesktopClient, target: ExecTarget): v1.Exec {
  switch (target) {
    case "docker":
      return client.docker.cli.exec;
    case "vm": {
      const exec = client.extension.vm?.cli.exec;
      if (exec === undefined) {
        throw new ExecUnavailableError(
          "This Desktop client has no extension.vm.cli: declare a `vm` section in metadata.json",
        );
      }
      return exec;
    }
    case "host": {
      const exec = client.extension.host?.cli.exec;
      if (exec === undefined) {
        throw new ExecUnavailableError(
          "This Desktop client has no extension.host.cli: declare `host.binaries` in metadata.json",
        );
      }
      return exec;
    }
  }
}

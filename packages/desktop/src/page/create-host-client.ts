import { summarize } from "./chrome-bridge.ts";
import { createExec } from "./exec-client.ts";
import { createHttpService } from "./service-client.ts";
import type { v1 } from "@docker/extension-api-client-types";
import type { PageConfig } from "../protocol/index.ts";
import type { ChromeBridge } from "./chrome-bridge.ts";
import type { LoadHostApi } from "./host-api-loader.ts";

type AnyFunction = (...args: never[]) => unknown;

/** Arguments as the call log can carry them: postMessage cannot clone functions (stream callbacks). */
function cloneable(args: readonly unknown[]): unknown[] {
  try {
    return JSON.parse(
      JSON.stringify(args, (_key, value: unknown) => (typeof value === "function" ? "[function]" : value)),
    ) as unknown[];
  } catch {
    return args.map((arg) => summarize(arg));
  }
}

/** Wraps a client function so every call shows in the dashboard's call log with its outcome and time. */
function logged<F extends AnyFunction>(bridge: ChromeBridge, api: string, fn: F): F {
  return ((...args: Parameters<F>) => {
    const started = performance.now();
    const report = (outcome: "ok" | "error", detail: unknown) =>
      bridge.send({
        kind: "dext:call",
        api,
        args: cloneable(args),
        outcome,
        detail: summarize(detail),
        ms: Math.round(performance.now() - started),
      });
    let result: unknown;
    try {
      result = fn(...args);
    } catch (error) {
      report("error", error instanceof Error ? error.message : error);
      throw error;
    }
    if (result instanceof Promise) {
      result.then(
        (value: unknown) => report("ok", value),
        (error: unknown) => report("error", error instanceof Error ? error.message : error),
      );
    } else {
      report("ok", result === undefined ? "" : "(stream started)");
    }
    return result;
  }) as F;
}

/** `docker.listContainers` / `listImages`: the Engine API's answer; without an engine, an Error saying so. */
function engineOptions(options: unknown): Record<string, unknown> {
  return typeof options === "object" && options !== null ? (options as Record<string, unknown>) : {};
}

/** The `window.ddClient` the host injects: Desktop's API, served by the dext host. */
export function createHostClient(
  config: PageConfig,
  bridge: ChromeBridge,
  loadApi: LoadHostApi,
): v1.DockerDesktopClient {
  const service = createHttpService(loadApi);
  const navigate =
    (intent: string) =>
    (...args: unknown[]) => {
      bridge.send({ kind: "dext:navigate", intent, args });
      return Promise.resolve();
    };
  const toast = (level: "success" | "warning" | "error") => (message: string) =>
    bridge.send({ kind: "dext:toast", level, message });
  let dialogs = 0;

  const client: v1.DockerDesktopClient = {
    extension: {
      image: config.image,
      vm: {
        cli: { exec: logged(bridge, "extension.vm.cli.exec", createExec(loadApi, "vm")) },
        service: {
          request: logged(bridge, "extension.vm.service.request", service.request),
          get: logged(bridge, "extension.vm.service.get", service.get),
          post: logged(bridge, "extension.vm.service.post", service.post),
          put: logged(bridge, "extension.vm.service.put", service.put),
          patch: logged(bridge, "extension.vm.service.patch", service.patch),
          delete: logged(bridge, "extension.vm.service.delete", service.delete),
          head: logged(bridge, "extension.vm.service.head", service.head),
        },
      },
      host: { cli: { exec: logged(bridge, "extension.host.cli.exec", createExec(loadApi, "host")) } },
    },
    desktopUI: {
      toast: {
        success: logged(bridge, "desktopUI.toast.success", toast("success")),
        warning: logged(bridge, "desktopUI.toast.warning", toast("warning")),
        error: logged(bridge, "desktopUI.toast.error", toast("error")),
      },
      dialog: {
        showOpenDialog: logged(bridge, "desktopUI.dialog.showOpenDialog", (options: unknown) =>
          bridge.request<v1.OpenDialogResult>({ kind: "dext:dialog", requestId: `dialog-${++dialogs}`, options }),
        ),
      },
      navigate: {
        viewContainers: logged(bridge, "desktopUI.navigate.viewContainers", navigate("viewContainers")),
        viewContainer: logged(bridge, "desktopUI.navigate.viewContainer", navigate("viewContainer")),
        viewContainerLogs: logged(bridge, "desktopUI.navigate.viewContainerLogs", navigate("viewContainerLogs")),
        viewContainerInspect: logged(
          bridge,
          "desktopUI.navigate.viewContainerInspect",
          navigate("viewContainerInspect"),
        ),
        viewContainerTerminal: logged(
          bridge,
          "desktopUI.navigate.viewContainerTerminal",
          navigate("viewContainerTerminal"),
        ),
        viewContainerStats: logged(bridge, "desktopUI.navigate.viewContainerStats", navigate("viewContainerStats")),
        viewImages: logged(bridge, "desktopUI.navigate.viewImages", navigate("viewImages")),
        viewImage: logged(bridge, "desktopUI.navigate.viewImage", navigate("viewImage")),
        viewVolumes: logged(bridge, "desktopUI.navigate.viewVolumes", navigate("viewVolumes")),
        viewVolume: logged(bridge, "desktopUI.navigate.viewVolume", navigate("viewVolume")),
      },
    },
    host: {
      openExternal: logged(bridge, "host.openExternal", (url: string) => {
        // Desktop opens only web addresses in the user's browser.
        if (!/^https?:\/\//i.test(url)) throw new TypeError(`openExternal only opens http and https URLs, got ${url}`);
        bridge.send({ kind: "dext:open-external", url });
      }),
      platform: config.host.platform,
      arch: config.host.arch,
      hostname: config.host.hostname,
    },
    docker: {
      cli: { exec: logged(bridge, "docker.cli.exec", createExec(loadApi, "docker")) },
      listContainers: logged(bridge, "docker.listContainers", (options?: unknown) =>
        loadApi().then(({ client }) => client.dockerContainers({ body: engineOptions(options) })),
      ),
      listImages: logged(bridge, "docker.listImages", (options?: unknown) =>
        loadApi().then(({ client }) => client.dockerImages({ body: engineOptions(options) })),
      ),
    },
  };
  return client;
}

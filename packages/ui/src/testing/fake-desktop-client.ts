import type { v1 } from "@docker/extension-api-client-types";
import { recorded } from "./call-log.ts";
import type { FakeApi, FakeCall } from "./call-log.ts";
import { createFakeExec, emptyExec } from "./fake-exec.ts";
import type { FakeExecHandler } from "./fake-exec.ts";

/** The extension part of the fake: unlike Desktop's type, its VM service and host CLI always exist. */
export interface FakeExtension extends v1.Extension {
  readonly vm: v1.ExtensionVM & { readonly service: v1.HttpService };
  readonly host: v1.ExtensionHost;
}

/** A full `v1.DockerDesktopClient` that records every call in `calls`. */
export interface FakeDesktopClient extends v1.DockerDesktopClient {
  readonly extension: FakeExtension;
  /** Every call in order; `calls.length = 0` clears it. */
  readonly calls: FakeCall[];
}

export interface FakeCliOverrides {
  readonly exec?: FakeExecHandler;
}

/** Any leaf of the client can be replaced; what is not given keeps its default behaviour. */
export interface FakeDesktopClientOverrides {
  readonly extension?: {
    readonly image?: string;
    readonly vm?: { readonly cli?: FakeCliOverrides; readonly service?: Partial<v1.HttpService> };
    readonly host?: { readonly cli?: FakeCliOverrides };
  };
  readonly desktopUI?: {
    readonly toast?: Partial<v1.Toast>;
    readonly dialog?: Partial<v1.Dialog>;
    readonly navigate?: Partial<v1.NavigationIntents>;
  };
  readonly host?: Partial<v1.Host>;
  readonly docker?: {
    readonly cli?: FakeCliOverrides;
    readonly listContainers?: v1.Docker["listContainers"];
    readonly listImages?: v1.Docker["listImages"];
  };
}

const resolveEmptyObject = (): Promise<unknown> => Promise.resolve({});
const resolveEmptyList = (): Promise<unknown> => Promise.resolve([]);
const resolveVoid = (): Promise<void> => Promise.resolve();
const doNothing = (): void => undefined;

/**
 * A Docker Desktop client for tests and for hosts that run an extension's UI without Desktop.
 * Defaults: every exec succeeds with empty output, `vm.service.*` resolve `{}`, the Docker
 * lists resolve `[]`, the open dialog is cancelled, toasts and navigation only record.
 */
export function createFakeDesktopClient(overrides: FakeDesktopClientOverrides = {}): FakeDesktopClient {
  const calls: FakeCall[] = [];
  const { extension = {}, desktopUI = {}, host = {}, docker = {} } = overrides;
  const service = extension.vm?.service ?? {};
  const { toast = {}, dialog = {}, navigate = {} } = desktopUI;
  const on = <A extends unknown[], R>(api: FakeApi, impl: (...args: A) => R): ((...args: A) => R) =>
    recorded(calls, api, impl);

  const client: FakeDesktopClient = {
    calls,
    extension: {
      image: extension.image ?? "dext/fake-extension:0.0.0",
      vm: {
        cli: { exec: createFakeExec(calls, "extension.vm.cli.exec", extension.vm?.cli?.exec ?? emptyExec) },
        service: {
          get: on("extension.vm.service.get", service.get ?? resolveEmptyObject),
          post: on("extension.vm.service.post", service.post ?? resolveEmptyObject),
          put: on("extension.vm.service.put", service.put ?? resolveEmptyObject),
          patch: on("extension.vm.service.patch", service.patch ?? resolveEmptyObject),
          delete: on("extension.vm.service.delete", service.delete ?? resolveEmptyObject),
          head: on("extension.vm.service.head", service.head ?? resolveEmptyObject),
          request: on("extension.vm.service.request", service.request ?? resolveEmptyObject),
        },
      },
      host: {
        cli: { exec: createFakeExec(calls, "extension.host.cli.exec", extension.host?.cli?.exec ?? emptyExec) },
      },
    },
    desktopUI: {
      toast: {
        success: on("desktopUI.toast.success", toast.success ?? doNothing),
        warning: on("desktopUI.toast.warning", toast.warning ?? doNothing),
        error: on("desktopUI.toast.error", toast.error ?? doNothing),
      },
      dialog: {
        showOpenDialog: on(
          "desktopUI.dialog.showOpenDialog",
          dialog.showOpenDialog ?? (() => Promise.resolve({ canceled: true, filePaths: [] })),
        ),
      },
      navigate: {
        viewContainers: on("desktopUI.navigate.viewContainers", navigate.viewContainers ?? resolveVoid),
        viewContainer: on("desktopUI.navigate.viewContainer", navigate.viewContainer ?? resolveVoid),
        viewContainerLogs: on("desktopUI.navigate.viewContainerLogs", navigate.viewContainerLogs ?? resolveVoid),
        viewContainerInspect: on(
          "desktopUI.navigate.viewContainerInspect",
          navigate.viewContainerInspect ?? resolveVoid,
        ),
        viewContainerTerminal: on(
          "desktopUI.navigate.viewContainerTerminal",
          navigate.viewContainerTerminal ?? resolveVoid,
        ),
        viewContainerStats: on("desktopUI.navigate.viewContainerStats", navigate.viewContainerStats ?? resolveVoid),
        viewImages: on("desktopUI.navigate.viewImages", navigate.viewImages ?? resolveVoid),
        viewImage: on("desktopUI.navigate.viewImage", navigate.viewImage ?? resolveVoid),
        viewVolumes: on("desktopUI.navigate.viewVolumes", navigate.viewVolumes ?? resolveVoid),
        viewVolume: on("desktopUI.navigate.viewVolume", navigate.viewVolume ?? resolveVoid),
      },
    },
    host: {
      openExternal: on("host.openExternal", host.openExternal ?? doNothing),
      // Node's names, as Desktop reports them.
      platform: host.platform ?? "linux",
      arch: host.arch ?? "x64",
      hostname: host.hostname ?? "dext-fake-host",
    },
    docker: {
      cli: { exec: createFakeExec(calls, "docker.cli.exec", docker.cli?.exec ?? emptyExec) },
      listContainers: on("docker.listContainers", docker.listContainers ?? resolveEmptyList),
      listImages: on("docker.listImages", docker.listImages ?? resolveEmptyList),
    },
  };
  return client;
}

/**
 * Puts `client` where Desktop puts its own, `window.ddClient`, so code under test finds it.
 * Returns a function that restores what was there before.
 */
export function installFakeDesktopClient(win: Window, client: v1.DockerDesktopClient): () => void {
  const had = Object.prototype.hasOwnProperty.call(win, "ddClient");
  const previous: unknown = Reflect.get(win, "ddClient");
  Reflect.set(win, "ddClient", client);
  return () => {
    if (had) Reflect.set(win, "ddClient", previous);
    else Reflect.deleteProperty(win, "ddClient");
  };
}

/** The exec entry points of the client; each also has a `.close` entry for streamed processes. */
export type FakeExecApi = "extension.vm.cli.exec" | "extension.host.cli.exec" | "docker.cli.exec";

/** Every client method the fake records, named by its path on `ddClient`. */
export type FakeApi =
  | FakeExecApi
  | `${FakeExecApi}.close`
  | `extension.vm.service.${"get" | "post" | "put" | "patch" | "delete" | "head" | "request"}`
  | "docker.listContainers"
  | "docker.listImages"
  | `desktopUI.toast.${"success" | "warning" | "error"}`
  | "desktopUI.dialog.showOpenDialog"
  | `desktopUI.navigate.${
      | "viewContainers"
      | "viewContainer"
      | "viewContainerLogs"
      | "viewContainerInspect"
      | "viewContainerTerminal"
      | "viewContainerStats"
      | "viewImages"
      | "viewImage"
      | "viewVolumes"
      | "viewVolume"}`
  | "host.openExternal";

/** One call made on the fake client, with the arguments exactly as passed. */
export interface FakeCall {
  readonly api: FakeApi;
  readonly args: readonly unknown[];
}

/** Wraps `impl` so that each call is appended to `calls` before it runs. */
export function recorded<A extends unknown[], R>(
  calls: FakeCall[],
  api: FakeApi,
  impl: (...args: A) => R,
): (...args: A) => R {
  return (...args) => {
    calls.push({ api, args });
    return impl(...args);
  };
}

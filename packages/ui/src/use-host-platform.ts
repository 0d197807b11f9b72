import { useMemo } from "react";
import { useDesktopClient } from "./use-desktop-client.ts";

/** Node's platform names, as Desktop reports them. */
export type HostPlatformName = "darwin" | "win32" | "linux";

export interface HostPlatform {
  readonly platform: HostPlatformName;
  /** Node's names: `x64`, `arm64`, ... */
  readonly arch: string;
  readonly hostname: string;
  readonly isWindows: boolean;
  readonly isMac: boolean;
  readonly isLinux: boolean;
}

/**
 * The machine Desktop runs on (`ddClient.host`), e.g. to pick a host binary's name or show the
 * right shortcut; `undefined` outside Desktop. Read once: the host does not change while the tab is open.
 */
export function useHostPlatform(): HostPlatform | undefined {
  const desktop = useDesktopClient();
  return useMemo(() => {
    if (!desktop.insideDesktop) return undefined;
    const { platform, arch, hostname } = desktop.client.host;
    const name = platform as HostPlatformName;
    return {
      platform: name,
      arch,
      hostname,
      isWindows: name === "win32",
      isMac: name === "darwin",
      isLinux: name === "linux",
    };
  }, [desktop]);
}

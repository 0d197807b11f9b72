import { cleanup, fireEvent, renderHook, screen } from "@testing-library/react";
import { afterEach, describe, expect, it, vi } from "vitest";
import { ExternalLink } from "./external-link.tsx";
import { colorSchemes } from "./testing/color-scheme.ts";
import { renderThemed } from "./testing/render-themed.tsx";
import { createFakeDesktopClient, installFakeDesktopClient } from "./testing/index.ts";
import { useHostPlatform } from "./use-host-platform.ts";

let uninstall: (() => void) | undefined;
afterEach(() => {
  cleanup();
  uninstall?.();
  uninstall = undefined;
  vi.unstubAllGlobals();
});

function inDesktop(host?: Parameters<typeof createFakeDesktopClient>[0]) {
  const client = createFakeDesktopClient(host);
  uninstall = installFakeDesktopClient(window, client);
  return client;
}

describe.each(colorSchemes)("ExternalLink in %s", (scheme) => {
  it("opens the URL in the user's browser through host.openExternal inside Desktop", () => {
    const client = inDesktop();
    renderThemed(scheme, <ExternalLink href="https://docs.docker.com/extensions/">Extension docs</ExternalLink>);
    const link = screen.getByRole("link", { name: "Extension docs (opens in your browser)" });
    expect(link.getAttribute("href")).toBe("https://docs.docker.com/extensions/");

    const click = new MouseEvent("click", { bubbles: true, cancelable: true });
    fireEvent(link, click);
    expect(click.defaultPrevented).toBe(true);
    expect(client.calls).toEqual([{ api: "host.openExternal", args: ["https://docs.docker.com/extensions/"] }]);
  });

  it("is an ordinary new-tab link outside Desktop", () => {
    renderThemed(scheme, <ExternalLink href="https://example.com/">Example</ExternalLink>);
    const link = screen.getByRole("link");
    expect(link.getAttribute("target")).toBe("_blank");
    expect(link.getAttribute("rel")).toBe("noopener noreferrer");
    const click = new MouseEvent("click", { bubbles: true, cancelable: true });
    fireEvent(link, click);
    expect(click.defaultPrevented).toBe(false);
  });

  it("shows a URL Desktop would refuse to open as text, not as a link", () => {
    inDesktop();
    renderThemed(scheme, <ExternalLink href="file:///etc/passwd">passwd</ExternalLink>);
    expect(screen.queryByRole("link")).toBeNull();
    expect(screen.getByText("passwd")).toBeDefined();
  });
});

describe("useHostPlatform", () => {
  it("reports Desktop's host platform, arch and name", () => {
    inDesktop({ host: { platform: "win32", arch: "arm64", hostname: "studio" } });
    const { result } = renderHook(() => useHostPlatform());
    expect(result.current).toEqual({
      platform: "win32",
      arch: "arm64",
      hostname: "studio",
      isWindows: true,
      isMac: false,
      isLinux: false,
    });
  });

  it("is undefined outside Desktop", () => {
    const { result } = renderHook(() => useHostPlatform());
    expect(result.current).toBeUndefined();
  });
});

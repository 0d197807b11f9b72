import { cleanup, renderHook } from "@testing-library/react";
import { afterEach, describe, expect, it } from "vitest";
import { outsideDesktopReason } from "./errors.ts";
import { createFakeDesktopClient, installFakeDesktopClient } from "./testing/index.ts";
import { useDesktopClient } from "./use-desktop-client.ts";

let uninstall = (): void => undefined;
afterEach(() => {
  cleanup();
  uninstall();
});

describe("useDesktopClient", () => {
  it("reports outside-Desktop with the plain reason when window.ddClient is absent", () => {
    const { result } = renderHook(() => useDesktopClient());

    expect(result.current).toEqual({ insideDesktop: false, client: undefined, reason: outsideDesktopReason });
  });

  it("returns the injected client when a fake is installed", () => {
    const client = createFakeDesktopClient();
    uninstall = installFakeDesktopClient(window, client);

    const { result } = renderHook(() => useDesktopClient());

    expect(result.current).toEqual({ insideDesktop: true, client });
  });

  it("returns the same state object across renders, so it is safe in effect dependencies", () => {
    uninstall = installFakeDesktopClient(window, createFakeDesktopClient());
    const { result, rerender } = renderHook(() => useDesktopClient());
    const first = result.current;

    rerender();

    expect(result.current).toBe(first);
  });
});

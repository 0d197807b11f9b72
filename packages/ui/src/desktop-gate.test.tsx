import { cleanup, render, screen } from "@testing-library/react";
import { afterEach, describe, expect, it, vi } from "vitest";
import { DesktopGate } from "./desktop-gate.tsx";
import { DextProvider } from "./dext-provider.tsx";
import { outsideDesktopReason } from "./errors.ts";
import { colorSchemes } from "./testing/color-scheme.ts";
import { renderThemed } from "./testing/render-themed.tsx";
import { createFakeDesktopClient, installFakeDesktopClient } from "./testing/index.ts";

let uninstall = (): void => undefined;
afterEach(() => {
  cleanup();
  uninstall();
  vi.unstubAllGlobals();
});

describe.each(colorSchemes)("DesktopGate in %s", (scheme) => {
  it("shows the outside-Desktop notice in Docker's theme", async () => {
    renderThemed(scheme, <DesktopGate>{() => <p>containers</p>}</DesktopGate>);
    expect((await screen.findByRole("status")).textContent).toContain("Not running in Docker Desktop");
  });
});

describe("DesktopGate", () => {
  it("shows the outside-Desktop notice, and not its children, when there is no client", async () => {
    render(
      <DextProvider>
        <DesktopGate>{() => <p>containers</p>}</DesktopGate>
      </DextProvider>,
    );

    const notice = await screen.findByRole("status");
    expect(notice.textContent).toContain("Not running in Docker Desktop");
    expect(notice.textContent).toContain(outsideDesktopReason);
    expect(screen.queryByText("containers")).toBeNull();
  });

  it("shows a custom fallback outside Desktop when given one", () => {
    render(<DesktopGate fallback={<p>demo mode</p>}>{() => <p>containers</p>}</DesktopGate>);

    expect(screen.getByText("demo mode")).toBeDefined();
    expect(screen.queryByRole("status")).toBeNull();
  });

  it("renders its children with the injected client inside Desktop", () => {
    const client = createFakeDesktopClient({ host: { platform: "darwin" } });
    uninstall = installFakeDesktopClient(window, client);

    render(<DesktopGate>{(ddClient) => <p>host is {ddClient.host.platform}</p>}</DesktopGate>);

    expect(screen.getByText("host is darwin")).toBeDefined();
    expect(screen.queryByRole("status")).toBeNull();
  });
});

import { cleanup, render, screen } from "@testing-library/react";
import { afterEach, describe, expect, it } from "vitest";
import { DesktopGate } from "./desktop-gate.js";
import { DextProvider } from "./dext-provider.js";
import { outsideDesktopReason } from "./errors.js";
import { createFakeDesktopClient, installFakeDesktopClient } from "./testing/index.js";

let uninstall = (): void => undefined;
afterEach(() => {
  cleanup();
  uninstall();
});

describe("DesktopGate", () => {
  it("shows the outside-Desktop notice, and not its children, when there is no client", () => {
    render(
      <DextProvider>
        <DesktopGate>{() => <p>containers</p>}</DesktopGate>
      </DextProvider>,
    );

    const notice = screen.getByRole("status");
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

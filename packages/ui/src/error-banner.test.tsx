import { BackendClientError } from "@dext/backend/client";
import { cleanup, fireEvent, screen } from "@testing-library/react";
import { afterEach, describe, expect, it, vi } from "vitest";
import { ErrorBanner } from "./error-banner.tsx";
import { colorSchemes } from "./testing/color-scheme.ts";
import { renderThemed } from "./testing/render-themed.tsx";

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

const unavailable = new BackendClientError({
  kind: "unavailable",
  message: "Backend unavailable: connect ECONNREFUSED",
});
const drifted = new BackendClientError({
  kind: "invalid_response",
  message: "Response of GET /items does not match the contract",
});

describe.each(colorSchemes)("ErrorBanner in %s", (scheme) => {
  it("renders nothing without an error", () => {
    renderThemed(scheme, <ErrorBanner error={undefined} />);
    expect(screen.queryByRole("alert")).toBeNull();
  });

  it("offers Try again and Reload the extension for an unreachable backend, and calls them", async () => {
    const onRetry = vi.fn();
    const onReload = vi.fn();
    renderThemed(scheme, <ErrorBanner error={unavailable} onRetry={onRetry} onReload={onReload} />);
    expect((await screen.findByRole("alert")).textContent).toMatch(/^The extension's backend is not answering/);

    fireEvent.click(screen.getByRole("button", { name: "Try again" }));
    fireEvent.click(screen.getByRole("button", { name: "Reload the extension" }));
    expect(onRetry).toHaveBeenCalledOnce();
    expect(onReload).toHaveBeenCalledOnce();
  });

  it("offers no Try again when the caller cannot retry", async () => {
    renderThemed(scheme, <ErrorBanner error={unavailable} onReload={vi.fn()} />);
    expect(await screen.findByRole("button", { name: "Reload the extension" })).toBeDefined();
    expect(screen.queryByRole("button", { name: "Try again" })).toBeNull();
  });

  it("offers only a reload when the backend's answer breaks the contract", async () => {
    renderThemed(scheme, <ErrorBanner error={drifted} onRetry={vi.fn()} onReload={vi.fn()} />);
    expect((await screen.findByRole("alert")).textContent).toContain("different versions of the extension");
    expect(screen.queryByRole("button", { name: "Try again" })).toBeNull();
    expect(screen.getByRole("button", { name: "Reload the extension" })).toBeDefined();
  });

  it("shows the details behind a Details button that says whether it is expanded", async () => {
    renderThemed(scheme, <ErrorBanner error={drifted} title="Could not load the items" />);
    const toggle = await screen.findByRole("button", { name: "Details" });
    expect(toggle.getAttribute("aria-expanded")).toBe("false");
    expect(screen.getByText("invalid_response").closest("dl")?.hidden).toBe(true);

    fireEvent.click(toggle);
    expect(screen.getByRole("button", { name: "Hide details" }).getAttribute("aria-expanded")).toBe("true");
    expect(screen.getByText("invalid_response").closest("dl")?.hidden).toBe(false);
    expect(screen.getByText("Response of GET /items does not match the contract")).toBeDefined();
  });
});

import { cleanup, fireEvent, render, screen } from "@testing-library/react";
import { useState } from "react";
import type { JSX } from "react";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { DextProvider } from "./dext-provider.tsx";
import { ErrorBoundary } from "./error-boundary.tsx";
import { colorSchemes } from "./testing/color-scheme.ts";
import { renderThemed } from "./testing/render-themed.tsx";

let broken = true;
function Fragile(): JSX.Element {
  if (broken) throw new Error("volumes is not iterable");
  return <p>Recovered</p>;
}

// React logs every caught render error and rethrows it to the window in development; the tests
// assert on what the user sees instead, so both reports are silenced.
const silence = (event: ErrorEvent) => event.preventDefault();

beforeEach(() => {
  broken = true;
  vi.spyOn(console, "error").mockImplementation(() => undefined);
  window.addEventListener("error", silence);
});

afterEach(() => {
  window.removeEventListener("error", silence);
  cleanup();
  vi.restoreAllMocks();
  vi.unstubAllGlobals();
});

describe.each(colorSchemes)("ErrorBoundary in %s", (scheme) => {
  it("shows the error's message instead of a blank tab, and renders again from Try again", () => {
    renderThemed(
      scheme,
      <ErrorBoundary>
        <Fragile />
      </ErrorBoundary>,
    );
    const alert = screen.getByRole("alert");
    expect(alert.textContent).toContain("This view stopped working");
    expect(alert.textContent).toContain("volumes is not iterable");

    broken = false;
    fireEvent.click(screen.getByRole("button", { name: "Try again" }));
    expect(screen.getByText("Recovered")).toBeDefined();
  });

  it("takes a custom fallback and tells onError", () => {
    const onError = vi.fn();
    renderThemed(
      scheme,
      <ErrorBoundary onError={onError} fallback={(error) => <p>Custom: {error.message}</p>}>
        <Fragile />
      </ErrorBoundary>,
    );
    expect(screen.getByText("Custom: volumes is not iterable")).toBeDefined();
    expect(onError).toHaveBeenCalledWith(
      expect.objectContaining({ message: "volumes is not iterable" }),
      expect.anything(),
    );
  });
});

describe("DextProvider's root boundary", () => {
  it("catches an error anywhere in the UI, inside Docker's theme", () => {
    function Toggle(): JSX.Element {
      const [crash, setCrash] = useState(false);
      return crash ? <Fragile /> : <button onClick={() => setCrash(true)}>Crash</button>;
    }
    render(
      <DextProvider>
        <Toggle />
      </DextProvider>,
    );
    fireEvent.click(screen.getByRole("button", { name: "Crash" }));
    expect(screen.getByRole("alert").textContent).toContain("volumes is not iterable");
    expect(screen.getByRole("button", { name: "Reload the extension" })).toBeDefined();
  });
});

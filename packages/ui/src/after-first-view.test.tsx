import { act } from "react";
import { createRoot, hydrateRoot } from "react-dom/client";
import { renderToString } from "react-dom/server";
import { describe, expect, it, vi } from "vitest";
import { domContainers } from "./testing/dom-containers.ts";
import { AfterFirstView } from "./after-first-view.tsx";

function Tab() {
  return (
    <main>
      <button type="button">Run check</button>
      <AfterFirstView>
        <section>Send arguments</section>
      </AfterFirstView>
    </main>
  );
}

const container = domContainers();

describe("AfterFirstView", () => {
  it("is left out of the prerendered first view", () => {
    const html = renderToString(<Tab />);
    expect(html).toContain("Run check");
    expect(html).not.toContain("Send arguments");
  });

  it("appears right after React hydrates that view, with no mismatch and the prerendered nodes kept", async () => {
    const root = container(renderToString(<Tab />));
    const prerenderedButton = root.querySelector("button");
    const onRecoverableError = vi.fn();
    const consoleError = vi.spyOn(console, "error").mockImplementation(() => undefined);
    try {
      await act(async () => {
        hydrateRoot(root, <Tab />, { onRecoverableError });
        await Promise.resolve();
      });
      expect(root.textContent).toContain("Send arguments");
      expect(root.querySelector("button")).toBe(prerenderedButton);
      expect(onRecoverableError).not.toHaveBeenCalled();
      expect(consoleError).not.toHaveBeenCalled();
    } finally {
      consoleError.mockRestore();
    }
  });

  it("renders at once where the tab renders from scratch", () => {
    const root = container();
    const reactRoot = createRoot(root);
    act(() => {
      reactRoot.render(<Tab />);
    });
    expect(root.textContent).toContain("Send arguments");
    act(() => {
      reactRoot.unmount();
    });
  });
});

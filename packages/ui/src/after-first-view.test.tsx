import { act } from "react";
import { createRoot, hydrateRoot } from "react-dom/client";
import { renderToString } from "react-dom/server";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
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

const containers: HTMLElement[] = [];
function container(html = ""): HTMLElement {
  const element = document.createElement("div");
  element.innerHTML = html;
  document.body.append(element);
  containers.push(element);
  return element;
}

// What Testing Library sets for its own renders: React then expects its updates inside act().
beforeEach(() => {
  vi.stubGlobal("IS_REACT_ACT_ENVIRONMENT", true);
});

afterEach(() => {
  vi.unstubAllGlobals();
  for (const element of containers.splice(0)) element.remove();
});

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

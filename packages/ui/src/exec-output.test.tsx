import { act, cleanup, fireEvent, screen } from "@testing-library/react";
import { afterEach, describe, expect, it, vi } from "vitest";
import { ExecOutput } from "./exec-output.tsx";
import type { OutputLine } from "./output-lines.ts";
import { colorSchemes } from "./testing/color-scheme.ts";
import { renderThemed } from "./testing/render-themed.tsx";

const esc = "\u001b";

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
  Reflect.deleteProperty(navigator, "clipboard");
});

let nextId = 0;
function out(text: string): OutputLine {
  return { id: nextId++, stream: "stdout", text };
}
function err(text: string): OutputLine {
  return { id: nextId++, stream: "stderr", text };
}

// jsdom lays nothing out and ignores scrollTop writes; give the log a geometry and a plain
// scrollTop so following the tail can be observed.
function layOut(element: HTMLElement, scrollHeight: number, clientHeight = 100): void {
  if (Object.getOwnPropertyDescriptor(element, "scrollTop") === undefined) {
    Object.defineProperty(element, "scrollTop", { configurable: true, writable: true, value: 0 });
  }
  Object.defineProperty(element, "scrollHeight", { configurable: true, value: scrollHeight });
  Object.defineProperty(element, "clientHeight", { configurable: true, value: clientHeight });
}

// Red, as each theme's palette renders it (jsdom reports inline colours as rgb()).
const red = { light: "rgb(180, 35, 24)", dark: "rgb(255, 122, 112)" } as const;

describe.each(colorSchemes)("ExecOutput in %s", (scheme) => {
  it("shows the lines in a labelled, keyboard-focusable log in a monospace font", () => {
    renderThemed(
      scheme,
      <ExecOutput label="Output of kubectl version" lines={[out("Client Version: v1.31"), out("")]} />,
    );
    const log = screen.getByRole("log", { name: "Output of kubectl version" });
    expect(log.textContent).toContain("Client Version: v1.31");
    expect(log.tabIndex).toBe(0);
    expect(getComputedStyle(log).fontFamily).toMatch(/monospace/);
    expect(log.querySelectorAll("[data-stream]")).toHaveLength(2);
  });

  it("tells stderr apart by colour and, for screen readers, by name", () => {
    renderThemed(scheme, <ExecOutput label="Output" lines={[out("fine"), err("broken")]} />);
    const [stdout, stderr] = Array.from(screen.getByRole("log").querySelectorAll<HTMLElement>("[data-stream]"));
    expect(stderr?.dataset.stream).toBe("stderr");
    expect(stderr?.textContent).toBe("stderr: broken");
    expect(stdout?.textContent).toBe("fine");
    expect(getComputedStyle(stderr!).color).not.toBe(getComputedStyle(stdout!).color);
    expect(getComputedStyle(stderr!).borderLeftStyle).toBe("solid");
  });

  it("renders ANSI colours in this theme's palette and never shows the escape codes", () => {
    renderThemed(
      scheme,
      <ExecOutput label="Output" lines={[out(`${esc}[31mFAIL${esc}[0m test.ts`), out(`${esc}[1mbold`)]} />,
    );
    const log = screen.getByRole("log");
    expect(log.textContent).not.toContain(esc);
    expect(screen.getByText("FAIL").style.color).toBe(red[scheme]);
    expect(screen.getByText("test.ts", { exact: false }).style.color).toBe("");
    expect(screen.getByText("bold").style.fontWeight).toBe("700");
  });

  it("follows the newest line until the user scrolls up, and again from the Follow button", () => {
    const first = [out("1"), out("2")];
    const { rerender } = renderThemed(scheme, <ExecOutput label="Output" lines={first} />);
    const log = screen.getByRole("log");
    layOut(log, 500);
    const more = [...first, out("3")];
    rerender(<ExecOutput label="Output" lines={more} />);
    expect(log.scrollTop).toBe(500);

    log.scrollTop = 100;
    fireEvent.scroll(log);
    layOut(log, 600);
    rerender(<ExecOutput label="Output" lines={[...more, out("4")]} />);
    expect(log.scrollTop).toBe(100);

    fireEvent.click(screen.getByRole("button", { name: "Follow output" }));
    expect(log.scrollTop).toBe(600);
    expect(screen.queryByRole("button", { name: "Follow output" })).toBeNull();
  });

  it("copies the plain text, without escape codes, and says so", async () => {
    const writeText = vi.fn(() => Promise.resolve());
    Object.defineProperty(navigator, "clipboard", { configurable: true, value: { writeText } });
    renderThemed(scheme, <ExecOutput label="Output of build" lines={[out(`${esc}[32mok${esc}[0m`), err("warning")]} />);

    await act(async () => {
      fireEvent.click(screen.getByRole("button", { name: "Copy Output of build" }));
      await Promise.resolve();
    });
    expect(writeText).toHaveBeenCalledWith("ok\nwarning");
    expect(screen.getByRole("status").textContent).toBe("Copied 2 lines");
  });

  it("says when copying failed rather than pretending", async () => {
    Object.defineProperty(navigator, "clipboard", {
      configurable: true,
      value: { writeText: () => Promise.reject(new Error("denied")) },
    });
    renderThemed(scheme, <ExecOutput label="Output" lines={[out("x")]} />);
    await act(async () => {
      fireEvent.click(screen.getByRole("button", { name: "Copy Output" }));
      await new Promise((resolve) => setTimeout(resolve, 0));
    });
    expect(screen.getByRole("status").textContent).toBe("Could not copy the output");
  });

  it("shows the empty text with Copy disabled, and how many lines were dropped", () => {
    const { rerender } = renderThemed(scheme, <ExecOutput label="Output" lines={[]} emptyText="Waiting for logs…" />);
    expect(screen.getByRole("log").textContent).toBe("Waiting for logs…");
    expect(screen.getByRole("button", { name: "Copy Output" })).toHaveProperty("disabled", true);

    rerender(<ExecOutput label="Output" lines={[out("late")]} droppedLines={120} />);
    expect(screen.getByRole("log").textContent).toBe("… 120 earlier lines not kept" + "late");
  });
});

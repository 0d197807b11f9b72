import { cleanup, fireEvent, screen, waitFor } from "@testing-library/react";
import { useState } from "react";
import type { JSX } from "react";
import { afterEach, describe, expect, it, vi } from "vitest";
import { ConfirmDialog } from "./confirm-dialog.tsx";
import { colorSchemes } from "./testing/color-scheme.ts";
import { renderThemed } from "./testing/render-themed.tsx";

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

function DeleteVolume({
  onConfirm,
  busy = false,
}: {
  readonly onConfirm: () => void;
  readonly busy?: boolean;
}): JSX.Element {
  const [open, setOpen] = useState(false);
  return (
    <>
      <button onClick={() => setOpen(true)}>Delete data</button>
      <ConfirmDialog
        open={open}
        title="Delete volume data?"
        confirmLabel="Delete"
        destructive
        busy={busy}
        onConfirm={onConfirm}
        onCancel={() => setOpen(false)}
      >
        Its files are removed for good.
      </ConfirmDialog>
    </>
  );
}

describe.each(colorSchemes)("ConfirmDialog in %s", (scheme) => {
  it("renders nothing, and loads nothing, while closed", () => {
    renderThemed(scheme, <DeleteVolume onConfirm={vi.fn()} />);
    expect(screen.queryByRole("dialog")).toBeNull();
  });

  it("opens as a labelled dialog with Cancel focused, and confirms from the action button", async () => {
    const onConfirm = vi.fn();
    renderThemed(scheme, <DeleteVolume onConfirm={onConfirm} />);
    fireEvent.click(screen.getByRole("button", { name: "Delete data" }));

    const dialog = await screen.findByRole("dialog", { name: "Delete volume data?" });
    expect(dialog.getAttribute("aria-describedby")).not.toBeNull();
    expect(document.getElementById(dialog.getAttribute("aria-describedby") ?? "")?.textContent).toBe(
      "Its files are removed for good.",
    );
    await waitFor(() => expect(document.activeElement).toBe(screen.getByRole("button", { name: "Cancel" })));

    fireEvent.click(screen.getByRole("button", { name: "Delete" }));
    expect(onConfirm).toHaveBeenCalledOnce();
  });

  it("cancels on Escape and gives focus back to the button that opened it", async () => {
    renderThemed(scheme, <DeleteVolume onConfirm={vi.fn()} />);
    const opener = screen.getByRole("button", { name: "Delete data" });
    opener.focus();
    fireEvent.click(opener);
    const dialog = await screen.findByRole("dialog");

    fireEvent.keyDown(dialog, { key: "Escape" });
    await waitFor(() => expect(screen.queryByRole("dialog")).toBeNull());
    expect(document.activeElement).toBe(opener);
  });

  it("disables both buttons while busy, and says it is working", async () => {
    renderThemed(scheme, <DeleteVolume onConfirm={vi.fn()} busy />);
    fireEvent.click(screen.getByRole("button", { name: "Delete data" }));
    await screen.findByRole("dialog");
    expect(screen.getByRole("button", { name: "Delete…" })).toHaveProperty("disabled", true);
    expect(screen.getByRole("button", { name: "Cancel" })).toHaveProperty("disabled", true);
  });
});

import { Button } from "@mui/material";
import { cleanup, screen } from "@testing-library/react";
import { afterEach, describe, expect, it, vi } from "vitest";
import { EmptyState } from "./empty-state.tsx";
import { PageHeader } from "./page-header.tsx";
import { colorSchemes } from "./testing/color-scheme.ts";
import { renderThemed } from "./testing/render-themed.tsx";

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

describe.each(colorSchemes)("PageHeader in %s", (scheme) => {
  it("makes the title the page's h1, with the description and actions beside it", () => {
    renderThemed(
      scheme,
      <PageHeader
        title="Volume inspector"
        description="Every volume of the engine."
        actions={<Button>Refresh</Button>}
      />,
    );
    const heading = screen.getByRole("heading", { level: 1, name: "Volume inspector" });
    const header = heading.closest("header");
    expect(header?.textContent).toContain("Every volume of the engine.");
    expect(header?.contains(screen.getByRole("button", { name: "Refresh" }))).toBe(true);
  });

  it("renders only the title when given nothing else", () => {
    renderThemed(scheme, <PageHeader title="Minimal" />);
    expect(screen.getByRole("heading", { level: 1 }).closest("header")?.textContent).toBe("Minimal");
  });
});

describe.each(colorSchemes)("EmptyState in %s", (scheme) => {
  it("says what is empty and offers the next step, announced as a status", () => {
    renderThemed(
      scheme,
      <EmptyState
        title="No volumes yet"
        description="Create one with docker volume create."
        action={<Button>Create</Button>}
      />,
    );
    const status = screen.getByRole("status");
    expect(status.textContent).toBe("No volumes yet" + "Create one with docker volume create." + "Create");
    expect(screen.getByRole("button", { name: "Create" })).toBeDefined();
  });
});

import { BackendClientError } from "@dext/backend/client";
import { Button } from "@mui/material";
import { cleanup, screen } from "@testing-library/react";
import axe from "axe-core";
import { afterEach, describe, expect, it, vi } from "vitest";
import { ConfirmDialog } from "./confirm-dialog.tsx";
import { EmptyState } from "./empty-state.tsx";
import { ErrorBanner } from "./error-banner.tsx";
import { ErrorFallback } from "./error-boundary.tsx";
import { ExecOutput } from "./exec-output.tsx";
import { ExternalLink } from "./external-link.tsx";
import { JobProgress } from "./job-progress.tsx";
import { OutsideDesktopNotice } from "./outside-desktop-notice.tsx";
import { PageHeader } from "./page-header.tsx";
import { TextInput } from "./text-input.tsx";
import { colorSchemes } from "./testing/color-scheme.ts";
import { renderThemed } from "./testing/render-themed.tsx";

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

// jsdom computes no layout or colours, so colour contrast is checked in Chromium (the samples'
// browser tests); every other rule of WCAG 2.x A/AA and axe's best practices runs here.
async function violations(): Promise<string[]> {
  const results = await axe.run(document.body, {
    runOnly: { type: "tag", values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"] },
    rules: { "color-contrast": { enabled: false } },
  });
  return results.violations.map(
    (violation) => `${violation.id}: ${violation.nodes.map((node) => node.html).join(" | ")}`,
  );
}

const job = {
  status: { state: "running" as const, progress: 0.4, message: "layer 2 of 5" },
  error: undefined,
  active: true,
  cancelling: false,
  cancel: () => undefined,
};

describe.each(colorSchemes)("every piece of the kit, in %s, passes axe", (scheme) => {
  it("on one page: header, link, empty state, banner, output, progress, notice, fallback", async () => {
    renderThemed(
      scheme,
      <main>
        <PageHeader
          title="Kit"
          description={<ExternalLink href="https://docs.docker.com/">Docs</ExternalLink>}
          actions={<Button>Refresh</Button>}
        />
        <EmptyState title="No volumes yet" action={<Button>Create</Button>} />
        <TextInput label="Your name" helperText="Shown in the greeting" value="" onChange={() => {}} />
        <TextInput label="Note" multiline required value="" onChange={() => {}} />
        <ErrorBanner
          error={new BackendClientError({ kind: "unavailable", message: "down" })}
          onRetry={() => undefined}
        />
        <ExecOutput
          label="Output of build"
          lines={[
            { id: 1, stream: "stdout", text: "\u001b[32mok\u001b[0m" },
            { id: 2, stream: "stderr", text: "warning" },
          ]}
        />
        <JobProgress job={job} label="Scanning" />
        <OutsideDesktopNotice />
        <ErrorFallback error={new Error("boom")} reset={() => undefined} />
      </main>,
    );
    // The banner and the progress bar load their views on first show: check them once they are there.
    await screen.findByText(/backend is not answering/);
    await screen.findByRole("progressbar", { name: "Scanning" });
    expect(await violations()).toEqual([]);
  });

  it("with the confirm dialog open", async () => {
    renderThemed(
      scheme,
      <ConfirmDialog
        open
        title="Delete volume data?"
        confirmLabel="Delete"
        destructive
        onConfirm={() => undefined}
        onCancel={() => undefined}
      >
        Its files are removed for good.
      </ConfirmDialog>,
    );
    await screen.findByRole("dialog");
    expect(await violations()).toEqual([]);
  });
});

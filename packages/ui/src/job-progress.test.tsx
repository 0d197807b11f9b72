import { defineJob, jobIdParamsSchema } from "@dext/backend/client";
import { act, cleanup, fireEvent, screen, waitFor } from "@testing-library/react";
import type { JSX } from "react";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import * as z from "zod/mini";
import { JobProgress } from "./job-progress.tsx";
import { colorSchemes } from "./testing/color-scheme.ts";
import type { ColorScheme } from "./testing/color-scheme.ts";
import { renderThemed } from "./testing/render-themed.tsx";
import { createFakeDesktopClient, createFakeJobBackend } from "./testing/index.ts";
import { useJob } from "./use-job.ts";
import type { DesktopClient } from "./desktop-client.ts";
import type { FakeJobBackend } from "./testing/index.ts";

// Input `{ id }` (a job id), result `{ message }`.
const scanJob = defineJob({
  name: "scan",
  input: jobIdParamsSchema,
  result: z.object({ message: z.string() }),
});

const options = { intervalMs: 5, retry: { attempts: 1 } };

function ScanPanel({ client }: { readonly client: DesktopClient }): JSX.Element {
  const job = useJob(scanJob, client, options);
  return (
    <div>
      <button onClick={() => job.start({ id: "alpine" })}>Scan</button>
      <button onClick={() => job.watch("job-1")}>Resume</button>
      <JobProgress job={job} label="Scanning" />
      {job.result !== undefined && <p>Summary: {job.result.message}</p>}
    </div>
  );
}

let backend: FakeJobBackend;

let scheme: ColorScheme = "light";

function renderPanel() {
  backend = createFakeJobBackend("scan");
  const client = createFakeDesktopClient({ extension: { vm: { service: { request: backend.request } } } });
  return renderThemed(scheme, <ScanPanel client={client} />);
}

function progressValue(): string | null {
  return screen.getByRole("progressbar", { name: "Scanning" }).getAttribute("aria-valuenow");
}

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

describe.each(colorSchemes)("useJob with JobProgress in %s", (current) => {
  beforeEach(() => {
    scheme = current;
  });

  it("renders nothing before the job starts", () => {
    renderPanel();
    expect(screen.queryByRole("group", { name: "Scanning" })).toBeNull();
  });

  it("shows the job's progress and message while it runs, then its typed result", async () => {
    renderPanel();
    fireEvent.click(screen.getByRole("button", { name: "Scan" }));
    await screen.findByText("Waiting to start…");

    act(() => backend.update("job-1", { state: "running", progress: 0.4, message: "layer 2 of 5" }));
    await screen.findByText("layer 2 of 5");
    expect(progressValue()).toBe("40");
    expect(screen.getByText("40%")).toBeDefined();

    act(() =>
      backend.update("job-1", { state: "succeeded", progress: 1, message: "", result: { message: "3 findings" } }),
    );
    await screen.findByText("Summary: 3 findings");
    expect(screen.getByText("Done")).toBeDefined();
    expect(progressValue()).toBe("100");
    expect(screen.queryByRole("button", { name: "Cancel" })).toBeNull();
  });

  it("cancels the job on the backend from the Cancel button and shows it as cancelled, not failed", async () => {
    renderPanel();
    fireEvent.click(screen.getByRole("button", { name: "Scan" }));
    // The job client loads on the first start, so the request reaches the backend a moment later.
    await waitFor(() => expect(backend.calls).toContain("POST /jobs/scan"));
    act(() => backend.update("job-1", { state: "running", progress: 0.1, message: "pulling" }));
    await screen.findByText("pulling");

    fireEvent.click(screen.getByRole("button", { name: "Cancel" }));
    await screen.findByText("Cancelled");
    expect(backend.calls).toContain("DELETE /jobs/scan/job-1");
    expect(screen.queryByRole("alert")).toBeNull();
    expect(screen.queryByRole("button", { name: "Cancel" })).toBeNull();
  });

  it("shows a failed job's error plainly, with the request id an operator can look up", async () => {
    renderPanel();
    fireEvent.click(screen.getByRole("button", { name: "Scan" }));
    await screen.findByText("Waiting to start…");
    act(() =>
      backend.update("job-1", {
        state: "failed",
        error: { code: "internal", message: "Internal error (job job-1)", requestId: "req-9" },
      }),
    );

    const alert = await screen.findByRole("alert");
    expect(alert.textContent).toContain("Internal error (job job-1). Its logs name request req-9.");
    expect(alert.textContent).toMatch(/^Scanning failed/);
    expect(screen.queryByRole("progressbar")).toBeNull();
  });

  it("shows a refused start with the fields the backend named", async () => {
    renderPanel();
    backend.refuseNextStart(400, {
      error: {
        code: "invalid_input",
        message: "Invalid request: body.id",
        issues: [{ path: "body.id", message: "must be a job id" }],
      },
    });
    fireEvent.click(screen.getByRole("button", { name: "Scan" }));

    const alert = await screen.findByRole("alert");
    expect(alert.textContent).toContain("The backend refused the request. body.id: must be a job id");
    fireEvent.click(screen.getByRole("button", { name: "Details" }));
    expect(screen.getByText("Invalid request: body.id")).toBeDefined();
  });

  it("stops polling when the component goes away, without cancelling the job", async () => {
    const { unmount } = renderPanel();
    fireEvent.click(screen.getByRole("button", { name: "Scan" }));
    // The job client loads on the first start, so the request reaches the backend a moment later.
    await waitFor(() => expect(backend.calls).toContain("POST /jobs/scan"));
    act(() => backend.update("job-1", { state: "running", progress: 0.2 }));
    await waitFor(() => expect(progressValue()).toBe("20"));

    unmount();
    const callsAtUnmount = backend.calls.length;
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(backend.calls.length).toBe(callsAtUnmount);
    expect(backend.calls.filter((call) => call.startsWith("DELETE"))).toEqual([]);
  });

  it("follows, by id, a job started before the UI was re-created", async () => {
    renderPanel();
    await backend.request({ url: "/jobs/scan", method: "POST", headers: {}, data: { id: "alpine" } });
    act(() => backend.update("job-1", { state: "running", progress: 0.7, message: "almost" }));

    fireEvent.click(screen.getByRole("button", { name: "Resume" }));
    await screen.findByText("almost");
    expect(progressValue()).toBe("70");
    expect(backend.calls.filter((call) => call.startsWith("POST"))).toHaveLength(1);
  });
});

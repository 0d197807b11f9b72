// @vitest-environment jsdom
import { DextProvider } from "@dext/ui";
import { createFakeDesktopClient, FakeHttpRejection, installFakeDesktopClient } from "@dext/ui/testing";
import { act, cleanup, configure, fireEvent, render, screen, waitFor, within } from "@testing-library/react";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { App } from "./app.tsx";
import { createFakeService } from "./testing/fake-service.ts";
import { volume } from "./testing/volumes.ts";
import type { FakeDesktopClient } from "@dext/ui/testing";
import type { v1 } from "@docker/extension-api-client-types";
import type { FakeService, FakeServiceOptions } from "./testing/fake-service.ts";

// The first backend call imports the contract, zod and the client lazily, as the tab does: a cold
// import that can take over a second on a loaded machine, more than findBy waits by default.
configure({ asyncUtilTimeout: 5_000 });

let uninstall: (() => void) | undefined;
afterEach(() => {
  cleanup();
  uninstall?.();
  uninstall = undefined;
});

const pgdata = volume("pgdata", {
  composeProject: "shop",
  usedBy: [{ id: "c1", name: "shop-db-1", state: "running", destination: "/var/lib/postgresql/data", readOnly: false }],
});
const cache = volume("cache");

function renderInDesktop(options: Partial<FakeServiceOptions> = {}): {
  service: FakeService;
  client: FakeDesktopClient;
} {
  const service = createFakeService({ volumes: [cache, pgdata], ...options });
  const client = createFakeDesktopClient({ extension: { vm: { service: { request: service.request } } } });
  // The fake is typed as Desktop's own client: this line fails to compile if the two drift apart.
  const typed: v1.DockerDesktopClient = client;
  uninstall = installFakeDesktopClient(window, typed);
  render(
    <DextProvider>
      <App />
    </DextProvider>,
  );
  return { service, client };
}

function rowOf(name: string): HTMLElement {
  const row = document.querySelector<HTMLElement>(`tr[data-volume="${name}"]`);
  if (row === null) throw new Error(`no row for ${name}`);
  return row;
}

describe("the volume inspector UI", () => {
  it("says it runs outside Docker Desktop instead of rendering a blank page", async () => {
    render(
      <DextProvider>
        <App />
      </DextProvider>,
    );
    expect(screen.getByRole("heading", { name: "Volume inspector" })).toBeDefined();
    expect(await screen.findByText(/outside Docker Desktop/i)).toBeDefined();
  });

  it("lists volumes with the containers that use them, pinned ones first", async () => {
    renderInDesktop({ state: { pinned: ["pgdata"], notes: { pgdata: "production data" } } });
    await screen.findByText("Docker Engine 27.0.1");
    const rows = within(await screen.findByRole("table", { name: "Volumes" }))
      .getAllByRole("row")
      .slice(1);
    expect(rows.map((row) => row.getAttribute("data-volume"))).toEqual(["pgdata", "cache"]);
    expect(within(rowOf("pgdata")).getByText("shop-db-1")).toBeDefined();
    expect(within(rowOf("pgdata")).getByText("📝 production data")).toBeDefined();
    expect(within(rowOf("cache")).getByText("unused")).toBeDefined();
    expect(within(rowOf("cache")).getByText("not scanned")).toBeDefined();
  });

  it("says the engine has no volumes and what would add one, rather than an empty table", async () => {
    renderInDesktop({ volumes: [] });
    expect((await screen.findByRole("status")).textContent).toMatch(
      /^The engine has no volumesCreate one with docker volume create/,
    );
    expect(screen.queryByRole("table")).toBeNull();
  });

  it("pins a volume through the backend and moves it up", async () => {
    const { service } = renderInDesktop();
    fireEvent.click(await screen.findByRole("button", { name: "Pin pgdata" }));
    await screen.findByRole("button", { name: "Unpin pgdata" });
    expect(service.calls).toContain("PUT /state/pins/pgdata");
    expect(service.state.pinned).toEqual(["pgdata"]);
  });

  it("scans sizes as a job with a progress bar, then shows the sizes the backend measured", async () => {
    const { service } = renderInDesktop({});
    fireEvent.click(await screen.findByRole("button", { name: "Scan sizes" }));
    await screen.findByText("Waiting to start…");
    act(() => service.jobs.update("job-1", { state: "running", progress: 0.55, message: "Walking pgdata (2 of 2)" }));
    await screen.findByText("Walking pgdata (2 of 2)");
    expect(screen.getByRole("progressbar", { name: "Size scan" }).getAttribute("aria-valuenow")).toBe("55");

    const scannedAt = "2026-03-04T05:06:07.000Z";
    service.volumes = [
      volume("cache", {
        scan: { scannedAt, bytes: null, contents: null, problem: "The helper container did not finish within 60 s" },
      }),
      {
        ...pgdata,
        scan: {
          scannedAt,
          bytes: 48_213_000,
          contents: {
            files: 1_234,
            directories: 20,
            bytes: 48_000_000,
            largest: [{ path: "base/1/1259", bytes: 8_192_000 }],
            complete: true,
          },
          problem: null,
        },
      },
    ];
    act(() =>
      service.jobs.update("job-1", {
        state: "succeeded",
        progress: 1,
        message: "2 volumes scanned",
        result: { scannedAt, scanned: 2, failed: 0 },
      }),
    );
    await waitFor(() => expect(within(rowOf("pgdata")).queryByText("48.2 MB")).not.toBeNull());
    expect(within(rowOf("pgdata")).getByText("1,234 files")).toBeDefined();
    expect(within(rowOf("cache")).getByText("unknown")).toBeDefined();
    expect(within(rowOf("cache")).getByText("The helper container did not finish within 60 s")).toBeDefined();
  });

  it("browses a volume: folders, then a file's content, with breadcrumbs back", async () => {
    const modifiedAt = "2026-01-02T03:04:05.000Z";
    const { client } = renderInDesktop({
      listings: {
        "pgdata:": {
          kind: "directory",
          path: "",
          omitted: 0,
          entries: [
            { name: "base", kind: "directory", bytes: 0, modifiedAt },
            { name: "PG_VERSION", kind: "file", bytes: 3, modifiedAt },
          ],
        },
        "pgdata:PG_VERSION": {
          kind: "file",
          path: "PG_VERSION",
          bytes: 3,
          modifiedAt,
          preview: "16\n",
          previewTruncated: false,
        },
      },
    });
    fireEvent.click(await screen.findByRole("button", { name: "Browse pgdata" }));
    const detail = await screen.findByRole("region", { name: "Volume pgdata" });
    fireEvent.click(await within(detail).findByText("📄 PG_VERSION"));
    expect((await within(detail).findByLabelText("File content")).textContent).toBe("16\n");
    fireEvent.click(
      within(within(detail).getByRole("navigation", { name: "Path" })).getByRole("button", { name: "pgdata" }),
    );
    await within(detail).findByText("📁 base");
    fireEvent.click(within(detail).getByRole("button", { name: "Open in Docker Desktop" }));
    expect(client.calls).toContainEqual({ api: "desktopUI.navigate.viewVolume", args: ["pgdata"] });
  });

  it("shows the backend's refusal when browsing fails", async () => {
    renderInDesktop({ listings: {} });
    fireEvent.click(await screen.findByRole("button", { name: "Browse cache" }));
    const alert = await screen.findByRole("alert");
    expect(alert.textContent).toMatch(/^Could not open this pathNot found\. Nothing at \/ in this volume/);
    fireEvent.click(within(alert).getByRole("button", { name: "Details" }));
    expect(within(alert).getByText("req-fake")).toBeDefined();
  });

  it("saves a note, and says whether what is shown is saved", async () => {
    const { service } = renderInDesktop({
      listings: { "pgdata:": { kind: "directory", path: "", omitted: 0, entries: [] } },
    });
    fireEvent.click(await screen.findByRole("button", { name: "Browse pgdata" }));
    const note = await screen.findByLabelText("Note");
    fireEvent.change(note, { target: { value: "nightly backup at 02:00" } });
    expect(screen.getByText("Not saved yet")).toBeDefined();
    fireEvent.click(screen.getByRole("button", { name: "Save note" }));
    await screen.findByText("Saved");
    expect(service.state.notes).toEqual({ pgdata: "nightly backup at 02:00" });
  });

  it("says why the list cannot load when the engine is unreachable", async () => {
    const body = {
      error: {
        code: "unavailable",
        message: "Docker engine unreachable on /run/engine-proxy/engine.sock: connect ENOENT",
        requestId: "req-9",
      },
    };
    renderInDesktop({ volumesFailure: new FakeHttpRejection(503, body) });
    const alert = await screen.findByRole("alert", {}, { timeout: 5_000 });
    expect(alert.textContent).toMatch(
      /^Could not load the volumesThe backend cannot reach what it needs\. Docker engine unreachable on \/run\/engine-proxy\/engine\.sock: connect ENOENT/,
    );
    expect(within(alert).getByRole("button", { name: "Try again" })).toBeDefined();
  });
});

/** jsdom's Blob has no text(), which every browser Desktop embeds has; read it with jsdom's FileReader. */
function blobText(this: Blob): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(typeof reader.result === "string" ? reader.result : "");
    reader.onerror = () => reject(new Error("unreadable blob"));
    reader.readAsText(this);
  });
}

describe("export and import of the state", () => {
  let created: Blob[];
  beforeEach(() => {
    if (!("text" in Blob.prototype))
      Object.defineProperty(Blob.prototype, "text", { value: blobText, configurable: true });
    created = [];
    // jsdom makes no object URLs; the download link only needs one to click. Spies, so restoreMocks
    // puts the originals back for the next test file in this worker (vitest.config.ts).
    vi.spyOn(URL, "createObjectURL").mockImplementation((blob) => {
      created.push(blob as Blob);
      return "blob:fake";
    });
    vi.spyOn(URL, "revokeObjectURL").mockImplementation(() => undefined);
  });

  it("offers the whole state as a JSON download", async () => {
    const click = vi.spyOn(HTMLAnchorElement.prototype, "click").mockImplementation(() => undefined);
    const { client } = renderInDesktop({ state: { pinned: ["pgdata"], notes: { cache: "scratch" } } });
    fireEvent.click(await screen.findByRole("button", { name: "Export state" }));
    await screen.findByText("Exported 1 pinned, 1 notes to compose-volumes-state-2026-03-04.json");
    expect(click).toHaveBeenCalledOnce();
    const link = click.mock.contexts[0] as HTMLAnchorElement;
    expect(link.download).toBe("compose-volumes-state-2026-03-04.json");
    expect(JSON.parse(await created[0]!.text())).toMatchObject({
      format: "dext.compose-volumes.state",
      state: { pinned: ["pgdata"], notes: { cache: "scratch" } },
    });
    expect(client.calls).toContainEqual({ api: "desktopUI.toast.success", args: ["State exported"] });
  });

  it("imports a file, replacing the state, and shows the new pins", async () => {
    const { service } = renderInDesktop({ state: { pinned: [], notes: {} } });
    await screen.findByRole("button", { name: "Pin pgdata" });
    const document = {
      format: "dext.compose-volumes.state",
      version: 1,
      exportedAt: "2026-03-04T05:06:07.000Z",
      state: { pinned: ["pgdata"], notes: {} },
    };
    const file = new File([JSON.stringify(document)], "backup.json", { type: "application/json" });
    fireEvent.change(screen.getByLabelText("State file to import"), { target: { files: [file] } });
    await screen.findByText("Imported 1 pinned, 0 notes from backup.json; they replace what was there");
    expect(service.state.pinned).toEqual(["pgdata"]);
    await screen.findByRole("button", { name: "Unpin pgdata" });
  });

  it("refuses a file that is not an export, naming the field the backend rejected", async () => {
    renderInDesktop();
    await screen.findByRole("button", { name: "Pin pgdata" });
    const file = new File([JSON.stringify({ format: "dext.compose-volumes.state", version: 2 })], "future.json");
    fireEvent.change(screen.getByLabelText("State file to import"), { target: { files: [file] } });
    await screen.findByText(/^Import failed: Invalid request: body.version, body.exportedAt, body.state$/);
    const alert = screen.getByRole("alert");
    expect(alert.textContent).toMatch(/The backend refused the request\. body\.version: .+; body\.exportedAt: /);
    fireEvent.click(within(alert).getByRole("button", { name: "Details" }));
    expect(within(alert).getByText("req-import")).toBeDefined();
  });

  it("says plainly when the file is not JSON at all", async () => {
    renderInDesktop();
    await screen.findByRole("button", { name: "Pin pgdata" });
    fireEvent.change(screen.getByLabelText("State file to import"), {
      target: { files: [new File(["not json"], "notes.txt")] },
    });
    await screen.findByText("Import failed: notes.txt is not JSON");
  });
});

// @vitest-environment jsdom
import { DextProvider } from "@dext/ui";
import {
  createFakeDesktopClient,
  createFakeProcess,
  execResult,
  ExecFailure,
  installFakeDesktopClient,
} from "@dext/ui/testing";
import type { FakeDesktopClient, FakeExecHandler, FakeProcess } from "@dext/ui/testing";
import { act, cleanup, configure, fireEvent, render, screen, waitFor, within } from "@testing-library/react";
import { afterEach, describe, expect, it } from "vitest";
import { App } from "./app.tsx";

// The first backend call imports the contract, zod and the client lazily, as the tab does: a cold
// import that can take over a second on a loaded machine, more than findBy waits by default.
configure({ asyncUtilTimeout: 5_000 });

let uninstall: (() => void) | undefined;
afterEach(() => {
  cleanup();
  uninstall?.();
  uninstall = undefined;
});

function renderInDesktop(hostExec: FakeExecHandler): FakeDesktopClient {
  const client = createFakeDesktopClient({ extension: { host: { cli: { exec: hostExec } } } });
  uninstall = installFakeDesktopClient(window, client);
  render(
    <DextProvider>
      <App />
    </DextProvider>,
  );
  return client;
}

const tool = (name: string, found: boolean, version?: string) =>
  `${JSON.stringify({ type: "tool", name, found, ...(version === undefined ? {} : { version }), detail: found ? `${name} ${version ?? ""}` : "not found on PATH" })}\n`;

async function startCheck(): Promise<{ process: FakeProcess; client: FakeDesktopClient }> {
  const process = createFakeProcess();
  const client = renderInDesktop(() => process);
  fireEvent.click(screen.getByRole("button", { name: "Run check" }));
  // The exec attaches its listeners a tick later, as a real process starts.
  await waitFor(() => {
    expect(process.attached).toBe(true);
  });
  return { process, client };
}

/**
 * The tables and alerts are lazy views of run-results.tsx: once its module has loaded and React
 * has rendered again, one that is not on the page is really absent, not still loading.
 */
async function settleLazyViews(): Promise<void> {
  await import("./run-results.tsx");
  await act(async () => {
    await Promise.resolve();
  });
}

describe("host-binaries UI", () => {
  it("says it runs outside Docker Desktop instead of rendering a blank page", async () => {
    render(
      <DextProvider>
        <App />
      </DextProvider>,
    );
    expect(await screen.findByText(/outside Docker Desktop/i)).toBeTruthy();
  });

  it("runs host-doctor streamed with the required tools as separate arguments", async () => {
    const { client } = await startCheck();
    const call = client.calls.find((c) => c.api === "extension.host.cli.exec");
    expect(call?.args.slice(0, 2)).toEqual(["host-doctor", ["check", "--json", "--require", "docker"]]);
  });

  it("shows each tool as its line arrives, before the binary has exited", async () => {
    const { process } = await startCheck();
    act(() => {
      process.stdout(tool("docker", true, "27.3.1"));
    });
    const table = await screen.findByRole("table", { name: "Tools" });
    expect(within(table).getByText("docker")).toBeTruthy();
    expect(within(table).getByText("27.3.1")).toBeTruthy();
    await settleLazyViews();
    expect(screen.queryByLabelText("Exit status")).toBeNull();
    act(() => {
      process.stdout(tool("node", false));
    });
    expect(await within(table).findByText("missing")).toBeTruthy();
  });

  it("shows the exit status, the contexts and a toast when the check ends", async () => {
    const { process, client } = await startCheck();
    act(() => {
      process.stdout(tool("docker", true, "27.3.1"));
      process.stdout(
        `${JSON.stringify({ type: "context", name: "desktop-linux", current: true, endpoint: "unix:///x.sock" })}\n`,
      );
      process.stdout(
        `${JSON.stringify({ type: "summary", found: ["docker"], missing: ["kubectl"], missingRequired: [] })}\n`,
      );
      process.exit(0);
    });
    expect((await screen.findByLabelText("Exit status")).textContent).toContain("exit 0: the check ran");
    expect(screen.getByText("desktop-linux")).toBeTruthy();
    // The toast waits for the lines' parser, which loads with the first line: under load it can come
    // a few frames after the exit status.
    await waitFor(() => {
      expect(client.calls.find((c) => c.api === "desktopUI.toast.success")?.args).toEqual(["1 of 2 tools found"]);
    });
  });

  it("explains exit 1 and shows stderr apart when a required tool is missing", async () => {
    const { process, client } = await startCheck();
    act(() => {
      process.stderr("kubectl is required\n");
      process.exit(1);
    });
    expect((await screen.findByLabelText("Exit status")).textContent).toContain("exit 1: a required tool is missing");
    expect(screen.getByText("kubectl is required")).toBeTruthy();
    // The toast waits for the lines' parser, which loads with the first line (stderr included).
    await waitFor(() => {
      expect(client.calls.some((c) => c.api === "desktopUI.toast.error")).toBe(true);
    });
  });

  it("stops the binary with Stop, and closes it when the tab goes away", async () => {
    const { process } = await startCheck();
    fireEvent.click(screen.getByRole("button", { name: "Stop" }));
    expect(process.closed).toBe(true);

    cleanup();
    const second = (await startCheck()).process;
    expect(second.closed).toBe(false);
    cleanup();
    expect(second.closed).toBe(true);
  });

  it("sends each line as one argument, buffered, and shows every argument arrived intact", async () => {
    const client = renderInDesktop((_cmd, args) =>
      execResult(
        `${args
          .slice(2)
          .map((a) => JSON.stringify(a))
          .join("\n")}\n`,
      ),
    );
    fireEvent.change(screen.getByLabelText("Arguments, one per line"), {
      target: { value: 'a b\nit\'s "q"\n$(id);|&' },
    });
    fireEvent.click(screen.getByRole("button", { name: "Send" }));
    const table = await screen.findByRole("table", { name: "Arguments received" });
    expect(within(table).getAllByText("yes")).toHaveLength(3);
    const call = client.calls.find((c) => c.api === "extension.host.cli.exec");
    // Quoted for Desktop's command line (which the fake client splits as Desktop does): the
    // program got each line back as one argument, as the table's "yes" rows show.
    expect(call?.args[1]).toEqual(["args", "--", "'a b'", "'it'\\''s \"q\"'", "'$(id);|&'"]);
  });

  it("shows a non-zero exit and its stderr plainly instead of a table", async () => {
    renderInDesktop(() => Promise.reject(new ExecFailure("", "host-doctor: unknown option\n", 2)));
    fireEvent.click(screen.getByRole("button", { name: "Send" }));
    const status = await screen.findByLabelText("Exit status");
    expect(status.textContent).toContain("exit 2: host-doctor did not understand its arguments");
    expect(status.textContent).toContain("host-doctor: unknown option");
    await settleLazyViews();
    expect(screen.queryByRole("table", { name: "Arguments received" })).toBeNull();
  });
});

// @vitest-environment jsdom
import { DextProvider } from "@dext/ui";
import { createFakeDesktopClient, execFailure, execResult, installFakeDesktopClient } from "@dext/ui/testing";
import { cleanup, fireEvent, render, screen } from "@testing-library/react";
import { afterEach, describe, expect, it } from "vitest";
import { App } from "./app.tsx";
import type { FakeDesktopClientOverrides } from "@dext/ui/testing";
import type { v1 } from "@docker/extension-api-client-types";

let uninstall: (() => void) | undefined;
afterEach(() => {
  cleanup();
  uninstall?.();
  uninstall = undefined;
});

function renderInDesktop(overrides: FakeDesktopClientOverrides = {}) {
  const client = createFakeDesktopClient(overrides);
  // The fake is the test double Desktop's own type describes; this line fails to compile if it drifts.
  const typed: v1.DockerDesktopClient = client;
  uninstall = installFakeDesktopClient(window, typed);
  render(
    <DextProvider>
      <App />
    </DextProvider>,
  );
  return client;
}

function typeName(name: string) {
  fireEvent.change(screen.getByLabelText("Your name"), { target: { value: name } });
}

describe("minimal-backend UI", () => {
  it("says plainly that it runs outside Docker Desktop instead of rendering a blank page", async () => {
    render(
      <DextProvider>
        <App />
      </DextProvider>,
    );
    expect(screen.getByRole("heading", { name: "Minimal backend" })).toBeDefined();
    expect(await screen.findByText(/outside Docker Desktop/i)).toBeDefined();
    expect(screen.queryByRole("button", { name: "Run hello.sh" })).toBeNull();
  });

  it("runs hello.sh in the VM with the name as one argument and shows its output", async () => {
    const client = renderInDesktop({
      extension: { vm: { cli: { exec: (_cmd, args) => execResult(`Hello, ${args[0] ?? ""}! (hello.sh in vm)\n`) } } },
    });
    typeName(`Moby "the whale" $HOME`);
    fireEvent.click(screen.getByRole("button", { name: "Run hello.sh" }));
    expect((await screen.findByRole("status")).textContent).toBe(
      `hello.sh: Hello, Moby "the whale" $HOME! (hello.sh in vm)`,
    );
    // Quoted for Desktop's command line; the handler above got it back as one argument.
    expect(client.calls).toContainEqual({
      api: "extension.vm.cli.exec",
      args: ["./hello.sh", [`'Moby "the whale" $HOME'`]],
    });
    expect(client.calls).toContainEqual({ api: "desktopUI.toast.success", args: ["hello.sh answered"] });
  });

  it("shows stderr and the exit code when hello.sh fails", async () => {
    renderInDesktop({ extension: { vm: { cli: { exec: () => execFailure("", "hello.sh: not found\n", 127) } } } });
    fireEvent.click(screen.getByRole("button", { name: "Run hello.sh" }));
    expect((await screen.findByText(/hello.sh failed/)).textContent).toBe("hello.sh failed with exit code 127");
    const output = screen.getByRole("log", { name: "Output of hello.sh" });
    expect(output.querySelector("[data-stream=stderr]")?.textContent).toBe("stderr: hello.sh: not found");
  });

  it("calls the typed backend route through vm.service and shows its message", async () => {
    const client = renderInDesktop({
      extension: {
        vm: {
          service: {
            request: () =>
              Promise.resolve({ message: "Hello, Moby! (from the backend)", servedAt: "2026-01-01T00:00:00.000Z" }),
          },
        },
      },
    });
    typeName(" Moby ");
    fireEvent.click(screen.getByRole("button", { name: "Ask the backend" }));
    // The first backend call loads the contract, zod and the client (lazily, as the tab does): a
    // cold import that can take over a second on a loaded machine.
    expect((await screen.findByRole("status", {}, { timeout: 5_000 })).textContent).toBe(
      "backend: Hello, Moby! (from the backend)",
    );
    expect(client.calls).toContainEqual({
      api: "extension.vm.service.request",
      args: [{ url: "/hello?name=Moby", method: "GET", headers: {}, data: undefined }],
    });
  });

  it("shows the backend's error message and request id when Desktop rejects the call", async () => {
    const body = {
      error: {
        code: "invalid_input",
        message: "Invalid request: query.name",
        requestId: "req-7",
        issues: [{ path: "query.name", message: "Too long" }],
      },
    };
    renderInDesktop({
      extension: {
        vm: { service: { request: () => Promise.reject({ statusCode: 400, message: JSON.stringify(body) }) } },
      },
    });
    fireEvent.click(screen.getByRole("button", { name: "Ask the backend" }));
    const alert = await screen.findByRole("alert");
    expect(alert.textContent).toMatch(/^backend failedThe backend refused the request\. query\.name: Too long/);
    fireEvent.click(screen.getByRole("button", { name: "Details" }));
    expect(screen.getByText("req-7")).toBeDefined();
    expect(screen.queryByRole("button", { name: "Try again" })).toBeNull();
  });

  it("says the backend is unavailable when Desktop cannot reach the socket", async () => {
    renderInDesktop({
      extension: {
        vm: { service: { request: () => Promise.reject({ statusCode: undefined, message: "connect ECONNREFUSED" }) } },
      },
    });
    fireEvent.click(screen.getByRole("button", { name: "Ask the backend" }));
    const alert = await screen.findByRole("alert", {}, { timeout: 5_000 });
    expect(alert.textContent).toContain("The extension's backend is not answering");
    expect(screen.getByRole("button", { name: "Try again" })).toBeDefined();
    expect(screen.getByRole("button", { name: "Reload the extension" })).toBeDefined();
  });

  it("opens the SDK documentation in the user's browser, not in the extension's tab", () => {
    const client = renderInDesktop();
    fireEvent.click(screen.getByRole("link", { name: /Extensions SDK documentation/ }));
    expect(client.calls).toContainEqual({
      api: "host.openExternal",
      args: ["https://docs.docker.com/extensions/extensions-sdk/"],
    });
  });
});

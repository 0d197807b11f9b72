import { act, cleanup, fireEvent, render, screen } from "@testing-library/react";
import type { JSX } from "react";
import { afterEach, describe, expect, it } from "vitest";
import type { DesktopClient } from "./desktop-client.ts";
import type { ExecTarget } from "./exec-target.ts";
import { createFakeDesktopClient, createFakeProcess, execFailure, execResult } from "./testing/index.ts";
import { useExec } from "./use-exec.ts";

afterEach(cleanup);

function Runner({
  client,
  target = "host",
}: {
  readonly client: DesktopClient;
  readonly target?: ExecTarget;
}): JSX.Element {
  const exec = useExec(target, client);
  return (
    <div>
      <button onClick={() => void exec.run("tool", ["--name", "Moby Dock"])}>Run</button>
      {exec.running && <p>running</p>}
      {exec.outcome !== undefined && (
        <p data-testid="outcome">
          {exec.outcome.ok ? "ok" : "failed"} {exec.outcome.exitCode} [
          {exec.outcome.lines.map((line) => `${line.stream}:${line.text}`).join("|")}]
        </p>
      )}
      {exec.error !== undefined && <p role="alert">{exec.error.message}</p>}
    </div>
  );
}

describe("useExec", () => {
  it.each([
    ["host", "extension.host.cli.exec"],
    ["vm", "extension.vm.cli.exec"],
    ["docker", "docker.cli.exec"],
  ] as const)(
    "runs on %s through %s, each element quoted so Desktop's command line gives it back as one argument",
    async (target, api) => {
      const client = createFakeDesktopClient();
      render(<Runner client={client} target={target} />);
      fireEvent.click(screen.getByRole("button", { name: "Run" }));
      await screen.findByTestId("outcome");
      expect(client.calls).toEqual([{ api, args: ["tool", ["--name", "'Moby Dock'"]] }]);
    },
  );

  it("shows running, then stdout and stderr lines and exit code 0 when Desktop sets no code", async () => {
    const process = createFakeProcess();
    render(<Runner client={createFakeDesktopClient({ extension: { host: { cli: { exec: () => process } } } })} />);
    fireEvent.click(screen.getByRole("button", { name: "Run" }));
    expect(screen.getByText("running")).toBeDefined();

    await act(async () => {
      process.stdout("one\ntwo\n").stderr("warn\n").exit(0);
      await process.result;
    });
    expect(screen.getByTestId("outcome").textContent).toBe("ok 0 [stdout:one|stdout:two|stderr:warn]");
    expect(screen.queryByText("running")).toBeNull();
  });

  it("turns Desktop's rejection of a non-zero exit into an outcome that keeps the output", async () => {
    const client = createFakeDesktopClient({
      extension: { host: { cli: { exec: () => execFailure("partial\n", "denied\n", 126) } } },
    });
    render(<Runner client={client} />);
    fireEvent.click(screen.getByRole("button", { name: "Run" }));
    expect((await screen.findByTestId("outcome")).textContent).toBe("failed 126 [stdout:partial|stderr:denied]");
    expect(screen.queryByRole("alert")).toBeNull();
  });

  it("reads a non-zero code from a host that resolves instead of rejecting", async () => {
    const client = createFakeDesktopClient({
      extension: { host: { cli: { exec: () => execResult("", "bad flag\n", 2) } } },
    });
    render(<Runner client={client} />);
    fireEvent.click(screen.getByRole("button", { name: "Run" }));
    expect((await screen.findByTestId("outcome")).textContent).toBe("failed 2 [stderr:bad flag]");
  });

  it("reports a command that could not run as an error, not an outcome", async () => {
    const client = createFakeDesktopClient({
      extension: {
        host: {
          cli: {
            exec: () => {
              throw new Error("spawn tool ENOENT");
            },
          },
        },
      },
    });
    render(<Runner client={client} />);
    fireEvent.click(screen.getByRole("button", { name: "Run" }));
    expect((await screen.findByRole("alert")).textContent).toBe("spawn tool ENOENT");
    expect(screen.queryByTestId("outcome")).toBeNull();
  });

  it("says what metadata.json lacks when the client has no host CLI", async () => {
    const fake = createFakeDesktopClient();
    const client: DesktopClient = { ...fake, extension: { image: fake.extension.image } };
    render(<Runner client={client} />);
    fireEvent.click(screen.getByRole("button", { name: "Run" }));
    expect((await screen.findByRole("alert")).textContent).toMatch(/declare `host.binaries` in metadata.json/);
  });
});

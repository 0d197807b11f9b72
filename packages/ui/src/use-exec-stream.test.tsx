import { act, cleanup, fireEvent, render, screen } from "@testing-library/react";
import type { JSX } from "react";
import { afterEach, describe, expect, it } from "vitest";
import type { DesktopClient } from "./desktop-client.ts";
import type { ExecTarget } from "./exec-target.ts";
import { createFakeDesktopClient, createFakeProcess, execFailure } from "./testing/index.ts";
import type { FakeDesktopClientOverrides, FakeProcess } from "./testing/index.ts";
import { useExecStream } from "./use-exec-stream.ts";
import type { UseExecStreamOptions } from "./use-exec-stream.ts";

afterEach(cleanup);

interface FollowProps {
  readonly client: DesktopClient;
  readonly target?: ExecTarget;
  readonly options?: UseExecStreamOptions;
}

function Follow({ client, target = "docker", options }: FollowProps): JSX.Element {
  const stream = useExecStream(target, client, options);
  return (
    <div>
      <button onClick={() => stream.start("logs", ["-f", "web"])}>Follow</button>
      <button onClick={stream.close}>Stop</button>
      <p data-testid="status">
        {stream.status} {stream.exitCode ?? "-"} dropped {stream.droppedLines}
      </p>
      <ol>
        {stream.lines.map((line) => (
          <li key={line.id}>
            {line.stream}:{line.text}
          </li>
        ))}
      </ol>
      {stream.error !== undefined && <p role="alert">{stream.error.message}</p>}
    </div>
  );
}

function lines(): string[] {
  return screen.queryAllByRole("listitem").map((item) => item.textContent);
}

const tick = () => new Promise((resolve) => setTimeout(resolve, 0));

async function startWith(
  process: FakeProcess,
  props: Omit<FollowProps, "client"> = {},
  overrides?: FakeDesktopClientOverrides,
) {
  const client = createFakeDesktopClient(overrides ?? { docker: { cli: { exec: () => process } } });
  const view = render(<Follow client={client} {...props} />);
  fireEvent.click(screen.getByRole("button", { name: "Follow" }));
  await act(tick);
  return { client, ...view };
}

describe("useExecStream", () => {
  it("shows lines as the process writes them, stdout and stderr apart, then the exit code", async () => {
    const process = createFakeProcess();
    await startWith(process);
    expect(screen.getByTestId("status").textContent).toBe("running - dropped 0");

    await act(async () => {
      process.stdout("listening on :80\n");
      await tick();
    });
    expect(lines()).toEqual(["stdout:listening on :80"]);

    await act(async () => {
      process.stderr("GET /missing 404\n").stdout("GET / 200\n");
      await tick();
    });
    expect(lines()).toEqual(["stdout:listening on :80", "stderr:GET /missing 404", "stdout:GET / 200"]);

    await act(async () => {
      process.exit(137);
      await tick();
    });
    expect(screen.getByTestId("status").textContent).toBe("exited 137 dropped 0");
  });

  it("closes its process when the component unmounts", async () => {
    const process = createFakeProcess();
    const { client, unmount } = await startWith(
      process,
      { target: "host" },
      { extension: { host: { cli: { exec: () => process } } } },
    );
    expect(process.attached).toBe(true);
    expect(process.closed).toBe(false);

    unmount();

    expect(process.closed).toBe(true);
    expect(client.calls.map((call) => call.api)).toEqual(["extension.host.cli.exec", "extension.host.cli.exec.close"]);
  });

  it("does not close a process that already exited, on unmount", async () => {
    const process = createFakeProcess();
    const { client, unmount } = await startWith(process);
    await act(async () => {
      process.exit(0);
      await tick();
    });
    unmount();
    expect(client.calls.map((call) => call.api)).toEqual(["docker.cli.exec"]);
  });

  it("stops the process from close() and ignores what it sends afterwards", async () => {
    const process = createFakeProcess();
    await startWith(process);
    await act(async () => {
      process.stdout("first\n");
      await tick();
    });
    fireEvent.click(screen.getByRole("button", { name: "Stop" }));
    process.stdout("after stop\n");
    await act(tick);

    expect(process.closed).toBe(true);
    expect(lines()).toEqual(["stdout:first"]);
    expect(screen.getByTestId("status").textContent).toBe("stopped - dropped 0");
  });

  it("asks Desktop for whole lines by default, and joins raw chunks itself when told not to", async () => {
    const split = createFakeProcess();
    const { client } = await startWith(split);
    const options = client.calls[0]?.args[2] as { stream: { splitOutputLines?: boolean } };
    expect(options.stream.splitOutputLines).toBe(true);
    cleanup();

    const raw = createFakeProcess();
    const rawRun = await startWith(raw, { options: { splitOutputLines: false } });
    const rawOptions = rawRun.client.calls[0]?.args[2] as { stream: { splitOutputLines?: boolean } };
    expect(rawOptions.stream.splitOutputLines).toBe(false);
    await act(async () => {
      raw.stdout("pul").stdout("ling\r\ndone\npart").stderr("e1\n");
      await tick();
    });
    expect(lines()).toEqual(["stdout:pulling", "stdout:done", "stderr:e1"]);
    await act(async () => {
      raw.stdout("ial").exit(0);
      await tick();
    });
    expect(lines()).toEqual(["stdout:pulling", "stdout:done", "stderr:e1", "stdout:partial"]);
  });

  it("keeps only the last maxLines lines and counts the ones it dropped", async () => {
    const process = createFakeProcess();
    await startWith(process, { options: { maxLines: 2 } });
    await act(async () => {
      process.stdout("1\n2\n3\n");
      await tick();
      process.stdout("4\n");
      await tick();
    });
    expect(lines()).toEqual(["stdout:3", "stdout:4"]);
    expect(screen.getByTestId("status").textContent).toBe("running - dropped 2");
  });

  it("closes the running process before starting the next one, and starts clean", async () => {
    const processes = [createFakeProcess(), createFakeProcess()];
    const [first, second] = processes as [FakeProcess, FakeProcess];
    await startWith(first, {}, { docker: { cli: { exec: () => processes.shift() ?? first } } });
    await act(async () => {
      first.stdout("old\n");
      await tick();
    });
    fireEvent.click(screen.getByRole("button", { name: "Follow" }));
    await act(tick);
    first.stdout("stale\n");
    await act(async () => {
      second.stdout("new\n");
      await tick();
    });
    expect(first.closed).toBe(true);
    expect(lines()).toEqual(["stdout:new"]);
  });

  it("reports a failed exit played back by the host, and an error from onError", async () => {
    const failing = createFakeDesktopClient({
      docker: { cli: { exec: () => execFailure("", "no such container\n", 1) } },
    });
    render(<Follow client={failing} />);
    fireEvent.click(screen.getByRole("button", { name: "Follow" }));
    await act(tick);
    expect(lines()).toEqual(["stderr:no such container"]);
    expect(screen.getByTestId("status").textContent).toBe("exited 1 dropped 0");
    cleanup();

    const process = createFakeProcess();
    await startWith(process);
    await act(async () => {
      process.fail({ message: "exec: docker not found" });
      await tick();
    });
    expect(screen.getByRole("alert").textContent).toBe("exec: docker not found");
    expect(screen.getByTestId("status").textContent).toBe("failed - dropped 0");
  });
});

import { demuxLogs } from "./demux-logs.ts";
import { EngineError } from "./engine-error.ts";
import { containerListSchema, createdSchema, waitSchema } from "./engine-schemas.ts";
import type { EngineClient } from "./engine-client.ts";

/** Marks this extension's helper containers: the engine proxy lets the backend touch only these. */
export const helperLabel = "com.dext.compose-volumes.helper";

/** Where the image holds the helper's script (the Dockerfile copies dist/backend to /backend). */
export const helperScript = "/backend/list-dir.js";

/** Where the helper sees the volume. */
export const helperMountPoint = "/volume";

export interface HelperOptions {
  /** The extension's own image: it holds Node and the helper script, and is on the engine already. */
  image: string;
  volume: string;
  args: readonly string[];
  signal?: AbortSignal | undefined;
  timeoutMs?: number;
}

export interface HelperRun {
  exitCode: number;
  stdout: string;
  stderr: string;
}

/**
 * The container's settings: the volume read-only (and never filled from the image, `NoCopy`), no
 * network, a read-only root, every capability dropped except DAC_READ_SEARCH, which lets root read
 * files of any owner and mode and nothing more. A user's volume is shown, never changed.
 */
export function helperSpec(options: Pick<HelperOptions, "image" | "volume" | "args">): Record<string, unknown> {
  return {
    Image: options.image,
    Entrypoint: ["node", helperScript],
    Cmd: [...options.args],
    Env: [`VOLUME_ROOT=${helperMountPoint}`],
    WorkingDir: "/",
    Labels: { [helperLabel]: "true" },
    NetworkDisabled: true,
    HostConfig: {
      NetworkMode: "none",
      ReadonlyRootfs: true,
      CapDrop: ["ALL"],
      CapAdd: ["DAC_READ_SEARCH"],
      SecurityOpt: ["no-new-privileges"],
      Memory: 256 * 1024 * 1024,
      PidsLimit: 64,
      Mounts: [
        {
          Type: "volume",
          Source: options.volume,
          Target: helperMountPoint,
          ReadOnly: true,
          VolumeOptions: { NoCopy: true },
        },
      ],
    },
  };
}

/**
 * Runs the helper once: create, start, wait, read its logs, and remove it whatever happened. The
 * Engine API has no "run": these are the calls `docker run --rm` makes.
 */
export async function runHelper(engine: EngineClient, options: HelperOptions): Promise<HelperRun> {
  const timeoutMs = options.timeoutMs ?? 60_000;
  const timeout = AbortSignal.timeout(timeoutMs);
  const signal = options.signal === undefined ? timeout : AbortSignal.any([options.signal, timeout]);
  const { Id: id } = await engine.json(createdSchema, {
    method: "POST",
    path: "/containers/create",
    body: helperSpec(options),
    signal,
  });
  try {
    await engine.bytes({ method: "POST", path: `/containers/${id}/start`, signal });
    const { StatusCode: exitCode } = await engine.json(waitSchema, {
      method: "POST",
      path: `/containers/${id}/wait`,
      signal,
      timeoutMs: timeoutMs + 5_000,
    });
    const logs = await engine.bytes({
      method: "GET",
      path: `/containers/${id}/logs`,
      query: { stdout: true, stderr: true },
      signal,
    });
    return { exitCode, ...demuxLogs(logs) };
  } catch (error) {
    if (timeout.aborted)
      throw new EngineError("engine_timeout", `The helper container did not finish within ${timeoutMs / 1000} s`, {
        cause: error,
      });
    throw error;
  } finally {
    // `force` also stops a helper still running after a timeout or a cancel.
    await engine.bytes({ method: "DELETE", path: `/containers/${id}`, query: { force: true } }).catch(() => undefined);
  }
}

/**
 * Removes helpers left behind by a backend that was killed mid-run (an update, a crash). Only old
 * ones: a helper lives 60 s at most, so anything older belongs to no running call, whichever backend
 * started it.
 */
export async function sweepStaleHelpers(engine: EngineClient, olderThanMs = 5 * 60_000): Promise<number> {
  const helpers = await engine.json(containerListSchema, {
    method: "GET",
    path: "/containers/json",
    query: { all: true, filters: JSON.stringify({ label: [helperLabel] }) },
  });
  const cutoff = (Date.now() - olderThanMs) / 1000;
  const stale = helpers.filter((container) => (container.Created ?? 0) < cutoff);
  await Promise.all(
    stale.map((container) =>
      engine.bytes({ method: "DELETE", path: `/containers/${container.Id}`, query: { force: true } }),
    ),
  );
  return stale.length;
}

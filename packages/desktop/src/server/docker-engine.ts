import { SocketRequestError, requestOverSocket } from "@dext/backend";
import { engineSocketPath } from "@dext/desktop-facts/node";
import { DesktopHostError } from "./errors.ts";
import type { SocketResponse } from "@dext/backend";

function toQuery(options: unknown, allowed: readonly string[]): string {
  const search = new URLSearchParams();
  if (typeof options === "object" && options !== null) {
    for (const [key, value] of Object.entries(options as Record<string, unknown>)) {
      if (!allowed.includes(key) || value === undefined) continue;
      search.set(key, typeof value === "string" ? value : JSON.stringify(value));
    }
  }
  const text = search.toString();
  return text === "" ? "" : `?${text}`;
}

/** A GET on the Engine API (v1.41, as Desktop's client uses), resolving the decoded JSON. */
async function engineGet(path: string): Promise<unknown> {
  let socketPath: string;
  try {
    socketPath = engineSocketPath();
  } catch (cause) {
    throw new DesktopHostError("engine_unavailable", (cause as Error).message, { cause });
  }
  let answer: SocketResponse;
  try {
    answer = await requestOverSocket({ socketPath, path: `/v1.41${path}` });
  } catch (cause) {
    const reason = cause instanceof SocketRequestError && cause.cause instanceof Error ? cause.cause : (cause as Error);
    throw new DesktopHostError(
      "engine_unavailable",
      `No Docker engine answers at ${socketPath} (${reason.message}). docker.listContainers and docker.listImages need one: start it or set DOCKER_HOST=unix://<socket>.`,
      { cause },
    );
  }
  const text = answer.body.toString("utf8");
  if (answer.status >= 400) {
    throw new DesktopHostError("engine_unavailable", `Docker engine answered ${answer.status}: ${text.trim()}`);
  }
  try {
    return JSON.parse(text);
  } catch (cause) {
    throw new DesktopHostError("engine_unavailable", "Docker engine answered something that is not JSON", { cause });
  }
}

export const listContainers = (options: unknown) =>
  engineGet(`/containers/json${toQuery(options, ["all", "limit", "size", "filters"])}`);
export const listImages = (options: unknown) =>
  engineGet(`/images/json${toQuery(options, ["all", "filters", "digests", "shared-size"])}`);

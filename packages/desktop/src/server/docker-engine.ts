import { request } from "node:http";
import { engineSocketPath } from "@dext/desktop-facts/node";
import { DesktopHostError } from "./errors.ts";

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
function engineGet(path: string): Promise<unknown> {
  return new Promise((resolve, reject) => {
    let socketPath: string;
    try {
      socketPath = engineSocketPath();
    } catch (cause) {
      reject(new DesktopHostError("engine_unavailable", (cause as Error).message, { cause }));
      return;
    }
    const req = request({ socketPath, path: `/v1.41${path}`, method: "GET", timeout: 30_000 }, (res) => {
      let text = "";
      res.setEncoding("utf8").on("data", (chunk: string) => (text += chunk));
      res.on("end", () => {
        if ((res.statusCode ?? 500) >= 400) {
          reject(
            new DesktopHostError(
              "engine_unavailable",
              `Docker engine answered ${res.statusCode ?? "?"}: ${text.trim()}`,
            ),
          );
          return;
        }
        try {
          resolve(JSON.parse(text));
        } catch (cause) {
          reject(
            new DesktopHostError("engine_unavailable", "Docker engine answered something that is not JSON", { cause }),
          );
        }
      });
    });
    req.on("timeout", () => req.destroy(new Error("timed out")));
    req.on("error", (cause) =>
      reject(
        new DesktopHostError(
          "engine_unavailable",
          `No Docker engine answers at ${socketPath} (${cause.message}). docker.listContainers and docker.listImages need one: start it or set DOCKER_HOST=unix://<socket>.`,
          { cause },
        ),
      ),
    );
    req.end();
  });
}

export const listContainers = (options: unknown) =>
  engineGet(`/containers/json${toQuery(options, ["all", "limit", "size", "filters"])}`);
export const listImages = (options: unknown) =>
  engineGet(`/images/json${toQuery(options, ["all", "filters", "digests", "shared-size"])}`);

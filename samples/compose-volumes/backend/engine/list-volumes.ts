import { containerListSchema, volumeListSchema } from "./engine-schemas.ts";
import { helperLabel } from "./helper-container.ts";
import type { Volume } from "../../shared/contract.ts";
import type { EngineClient } from "./engine-client.ts";

export type VolumeWithoutScan = Omit<Volume, "scan">;

/**
 * Every volume of the engine with the containers (running or not) that mount it, from two calls:
 * `GET /volumes` and `GET /containers/json?all=1`. This extension's own helper containers are left
 * out of `usedBy`: they come and go within seconds and would only confuse.
 */
export async function listVolumes(engine: EngineClient, signal?: AbortSignal): Promise<VolumeWithoutScan[]> {
  const [{ Volumes: volumes }, containers] = await Promise.all([
    engine.json(volumeListSchema, { method: "GET", path: "/volumes", signal }),
    engine.json(containerListSchema, { method: "GET", path: "/containers/json", query: { all: true }, signal }),
  ]);
  const usedBy = new Map<string, Volume["usedBy"]>();
  for (const container of containers) {
    if (container.Labels[helperLabel] !== undefined) continue;
    for (const mount of container.Mounts) {
      if (mount.Type !== "volume" || mount.Name === undefined) continue;
      const uses = usedBy.get(mount.Name) ?? [];
      uses.push({
        id: container.Id,
        name: (container.Names[0] ?? container.Id.slice(0, 12)).replace(/^\//, ""),
        state: container.State,
        destination: mount.Destination,
        readOnly: !mount.RW,
      });
      usedBy.set(mount.Name, uses);
    }
  }
  return volumes
    .map((volume) => ({
      name: volume.Name,
      driver: volume.Driver,
      createdAt: volume.CreatedAt ?? null,
      labels: volume.Labels,
      composeProject: volume.Labels["com.docker.compose.project"] ?? null,
      usedBy: usedBy.get(volume.Name) ?? [],
    }))
    .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
}

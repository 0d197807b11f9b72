import type { Volume } from "../../../shared/contract.ts";

/** A volume as the backend lists it, with what a test needs changed. */
export function volume(name: string, change: Partial<Volume> = {}): Volume {
  return {
    name,
    driver: "local",
    createdAt: "2026-01-01T00:00:00Z",
    labels: {},
    composeProject: null,
    usedBy: [],
    scan: null,
    ...change,
  };
}

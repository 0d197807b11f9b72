import { mkdirSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import { join } from "node:path";

/** Counts visits per name, kept in `<stateDir>/visits.json` when a folder is given (lab 3). */
export interface VisitBook {
  sign(name: string): number;
}

type Visits = Record<string, number>;

function load(file: string): Visits {
  try {
    return JSON.parse(readFileSync(file, "utf8")) as Visits;
  } catch (error) {
    // No file yet is the first start; anything else (a hand-edited file that does not parse) must
    // stop the backend rather than start empty and overwrite it on the first visit.
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return {};
    throw error;
  }
}

/**
 * In compose, STATE_DIR is a named volume's mount point, so the counts outlive the container's
 * restarts and crashes. Uninstalling deletes the volume, and so does an update (a remove, then an
 * install): offer an export for data users must keep, as compose-volumes does.
 * Each change is written to a temporary file and renamed over the old one, so a crash mid-write
 * leaves the previous file whole; compose-volumes' state store adds fsync for power loss.
 */
export function createVisitBook(stateDir: string | undefined = process.env.STATE_DIR): VisitBook {
  const file = stateDir === undefined ? undefined : join(stateDir, "visits.json");
  if (stateDir !== undefined) mkdirSync(stateDir, { recursive: true });
  const visits: Visits = file === undefined ? {} : load(file);
  return {
    sign(name) {
      const count = (visits[name] ?? 0) + 1;
      visits[name] = count;
      if (file !== undefined) {
        writeFileSync(`${file}.tmp`, `${JSON.stringify(visits, null, 2)}\n`);
        renameSync(`${file}.tmp`, file);
      }
      return count;
    },
  };
}

import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";

export interface SocketDir {
  dir: string;
  /** A path in the folder, `backend.sock` by default. */
  socket: (name?: string) => string;
  remove: () => Promise<void>;
}

/**
 * A short temp folder for sockets: socket paths may be at most 103 bytes (`maxSocketPathBytesWithoutNul`
 * of @dext/desktop-facts), and some TMPDIRs (macOS's /var/folders/...) are already long.
 */
export async function makeSocketDir(): Promise<SocketDir> {
  const base = tmpdir().length > 40 ? "/tmp" : tmpdir();
  const dir = await mkdtemp(join(base, "dext-"));
  return {
    dir,
    socket: (name = "backend.sock") => join(dir, name),
    remove: () => rm(dir, { recursive: true, force: true }),
  };
}

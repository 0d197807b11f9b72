import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";

/**
 * A short temp folder for sockets: socket paths may be at most 103 bytes (`maxSocketPathBytesWithoutNul`
 * of @dext/desktop-facts), and some TMPDIRs (macOS's /var/folders/...) are already long.
 */
export async function makeSocketDir(): Promise<{
  dir: string;
  socket: (name?: string) => string;
  remove: () => Promise<void>;
}> {
  const base = tmpdir().length > 40 ? "/tmp" : tmpdir();
  const dir = await mkdtemp(join(base, "dext-"));
  return {
    dir,
    socket: (name = "backend.sock") => join(dir, name),
    remove: () => rm(dir, { recursive: true, force: true }),
  };
}

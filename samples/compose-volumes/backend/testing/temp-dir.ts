import { mkdtemp, rm } from "node:fs/promises";

/** A fresh folder under /tmp (short paths: sockets live there too), removed by the returned function. */
export async function tempDir(prefix: string): Promise<{ path: string; remove: () => Promise<void> }> {
  const path = await mkdtemp(`/tmp/dext-cv-${prefix}-`);
  return { path, remove: () => rm(path, { recursive: true, force: true }) };
}

import { access } from "node:fs/promises";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

export const sampleDir = resolve(dirname(fileURLToPath(import.meta.url)), "..");
export const repoRoot = resolve(sampleDir, "../..");

/** This machine's CPU in Docker's names, for the Linux binary the tests run. */
export const hostArch = process.arch === "arm64" ? "arm64" : "amd64";

export function builtBinary(
  os: string,
  arch: string,
  file = os === "windows" ? "host-doctor.exe" : "host-doctor",
): string {
  return join(sampleDir, "dist", "host", `${os}-${arch}`, file);
}

/** Fails with the command to run, rather than with ENOENT deep inside a test. */
export async function requireBuiltBinaries(): Promise<void> {
  const missing = await access(join(sampleDir, "dist", "host", "manifest.json")).then(
    () => false,
    () => true,
  );
  if (missing)
    throw new Error(
      "The host binaries are not built: run `pnpm --filter host-binaries build:host` (the tests' global setup, test/ensure-host-binaries.ts, does).",
    );
}

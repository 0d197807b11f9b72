import { createHash } from "node:crypto";
import { open, readFile, stat } from "node:fs/promises";
import { join } from "node:path";
import { hostPathFor, readImageLayout } from "@dext/desktop";
import { beforeAll, describe, expect, it } from "vitest";
import { repoRoot, requireBuiltBinaries, sampleDir } from "../test/built-binaries.ts";
import { FORMAT_FOR_OS, readBinaryKind } from "./binary-format.ts";
import type { HostManifest } from "./build-host-binaries.ts";
import { verifyMachOSignature } from "./macho-code-signature.ts";

interface Metadata {
  host: { binaries: Record<string, { path: string }[]>[] };
}

const metadata = JSON.parse(await readFile(join(sampleDir, "metadata.json"), "utf8")) as Metadata;
const promised = metadata.host.binaries.flatMap((group) =>
  Object.entries(group).flatMap(([os, files]) => files.map((file) => ({ os, imagePath: file.path }))),
);

async function head(path: string): Promise<Uint8Array> {
  const handle = await open(path, "r");
  try {
    const buffer = new Uint8Array(4096);
    const { bytesRead } = await handle.read(buffer, 0, buffer.length, 0);
    return buffer.subarray(0, bytesRead);
  } finally {
    await handle.close();
  }
}

beforeAll(requireBuiltBinaries);

describe.each(["amd64", "arm64"] as const)("the %s image", (arch) => {
  it.each(promised)("puts a $os executable for the right CPU at $imagePath", async ({ os, imagePath }) => {
    // Where the Dockerfile, built for this CPU, takes the file from; the same reader the dext host uses.
    const layout = await readImageLayout(join(sampleDir, "Dockerfile"), repoRoot, {}, `linux/${arch}`);
    const source = hostPathFor(layout, imagePath);
    expect(source, `the Dockerfile copies nothing to ${imagePath}`).toBeDefined();
    const kind = readBinaryKind(await head(source ?? ""));
    // Windows on Arm runs x64 executables; every other OS gets the image's own CPU.
    expect(kind).toEqual({
      format: FORMAT_FOR_OS[os as keyof typeof FORMAT_FOR_OS],
      cpu: os === "windows" ? "amd64" : arch,
      executable: true,
    });
    if (os !== "windows") expect((await stat(source ?? "")).mode & 0o111, "not executable").not.toBe(0);
  });
});

describe("the macOS executables", () => {
  it.each(["arm64", "amd64"])(
    "darwin-%s carries a valid ad-hoc signature over every page",
    { timeout: 60_000 },
    async (arch) => {
      const report = verifyMachOSignature(
        await readFile(join(sampleDir, "dist", "host", `darwin-${arch}`, "host-doctor")),
      );
      expect(report.problems).toEqual([]);
      expect(report).toMatchObject({ signed: true, adhoc: true, hashTypes: [2] });
      expect(report.pagesChecked).toBeGreaterThan(1000);
    },
  );
});

describe("the build manifest", () => {
  // Hashes about 500 MB: a second or two alone, longer when `pnpm test` runs other suites beside it.
  it("lists every built file with its size and hash, as they are on disk", { timeout: 120_000 }, async () => {
    const manifest = JSON.parse(
      await readFile(join(sampleDir, "dist", "host", "manifest.json"), "utf8"),
    ) as HostManifest;
    expect(manifest.binaries.map((b) => `${b.os}-${b.arch}`).sort()).toEqual([
      "darwin-amd64",
      "darwin-arm64",
      "linux-amd64",
      "linux-arm64",
      "windows-amd64",
    ]);
    for (const binary of manifest.binaries) {
      const bytes = await readFile(join(sampleDir, binary.path));
      expect(bytes.byteLength).toBe(binary.bytes);
      expect(createHash("sha256").update(bytes).digest("hex")).toBe(binary.sha256);
    }
  });
});

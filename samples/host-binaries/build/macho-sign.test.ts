import { readFile } from "node:fs/promises";
import { beforeAll, describe, expect, it } from "vitest";
import { builtBinary, requireBuiltBinaries } from "../test/built-binaries.ts";
import { defaultRuntimeCache, fetchBunRuntime } from "./bun-runtime.ts";
import { verifyMachOSignature } from "./macho-code-signature.ts";
import { MachOSignError, signAdHoc } from "./macho-sign.ts";
import { HOST_TARGETS } from "./targets.ts";

let shipped: Buffer;

beforeAll(async () => {
  await requireBuiltBinaries();
  shipped = await readFile(builtBinary("darwin", "amd64"));
});

describe("signAdHoc", () => {
  it("signs the shipped macOS files itself, ad hoc, under the binary's own name", () => {
    expect(verifyMachOSignature(shipped)).toMatchObject({
      signed: true,
      adhoc: true,
      identifier: "host-doctor",
      problems: [],
    });
  });

  it("gives the same bytes when signing an already signed file again", () => {
    expect(signAdHoc(shipped, "host-doctor").equals(shipped)).toBe(true);
  });

  it("replaces a signature that no longer matches the file with one that does", () => {
    const patched = Buffer.from(shipped);
    patched[4096 * 3] = (patched[4096 * 3] ?? 0) ^ 0x01;
    expect(verifyMachOSignature(patched).problems).not.toEqual([]);
    expect(verifyMachOSignature(signAdHoc(patched, "host-doctor")).problems).toEqual([]);
  });

  it("refuses a file with no signature load command, and a file that is not Mach-O", () => {
    const elf = Buffer.alloc(4096);
    elf.writeUInt32BE(0x7f454c46, 0);
    expect(() => signAdHoc(elf, "x")).toThrow(/not a thin 64-bit Mach-O/);
    const header = Buffer.alloc(4096);
    header.writeUInt32LE(0xfeedfacf, 0);
    expect(() => signAdHoc(header, "x")).toThrow(MachOSignError);
  });
});

describe("verifyMachOSignature against signatures Apple's tools made", () => {
  // The runtimes Bun's maintainers signed with codesign (Developer ID): if this reader disagreed
  // with Apple's layout, these would fail.
  it.each(HOST_TARGETS.filter((t) => t.os === "darwin").map((t) => [t.runtime.package, t.runtime] as const))(
    "accepts %s as released",
    async (_name, released) => {
      const runtime = await readFile(await fetchBunRuntime(released, defaultRuntimeCache()));
      expect(verifyMachOSignature(runtime)).toMatchObject({
        signed: true,
        adhoc: false,
        identifier: "bun",
        problems: [],
      });
    },
    120_000,
  );
});

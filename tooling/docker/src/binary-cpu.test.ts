import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { binaryKind, readHeader } from "./binary-cpu.ts";

/** The first 20 bytes of a 64-bit ELF file for the given e_machine and byte order. */
function elfHeader(machine: number, little = true): Uint8Array {
  const header = new Uint8Array(20);
  header.set([0x7f, 0x45, 0x4c, 0x46, 2, little ? 1 : 2, 1]);
  new DataView(header.buffer).setUint16(18, machine, little);
  return header;
}

function machOHeader(cpuType: number): Uint8Array {
  const header = new Uint8Array(20);
  const view = new DataView(header.buffer);
  view.setUint32(0, 0xfeedfacf, true);
  view.setUint32(4, cpuType, true);
  return header;
}

describe("binaryKind", () => {
  it("names the CPU of ELF files for x86-64 and AArch64", () => {
    expect(binaryKind(elfHeader(62))).toEqual({ format: "elf", cpu: "amd64" });
    expect(binaryKind(elfHeader(183))).toEqual({ format: "elf", cpu: "arm64" });
  });

  it("reads e_machine in the byte order the ELF file declares", () => {
    expect(binaryKind(elfHeader(183, false))).toEqual({ format: "elf", cpu: "arm64" });
  });

  it("reports any other ELF machine by its number, so a mismatch still names it", () => {
    expect(binaryKind(elfHeader(40))).toEqual({ format: "elf", cpu: "elf machine 40" });
  });

  it("names the CPU of 64-bit Mach-O files for Intel and Apple silicon", () => {
    expect(binaryKind(machOHeader(0x01000007))).toEqual({ format: "mach-o", cpu: "amd64" });
    expect(binaryKind(machOHeader(0x0100000c))).toEqual({ format: "mach-o", cpu: "arm64" });
  });

  it("says nothing of scripts, PE executables and files too short for a header", () => {
    expect(binaryKind(new TextEncoder().encode("#!/bin/sh\necho hello\n"))).toBeUndefined();
    expect(binaryKind(new TextEncoder().encode("MZ\x90\x00\x03\x00\x00\x00\x04\x00"))).toBeUndefined();
    expect(binaryKind(elfHeader(62).subarray(0, 12))).toBeUndefined();
  });
});

describe("readHeader", () => {
  const dirs: string[] = [];
  afterAll(() => Promise.all(dirs.map((dir) => rm(dir, { recursive: true, force: true }))));

  it("reads the running Node binary as one for this machine's CPU", async () => {
    const kind = binaryKind(await readHeader(process.execPath));
    const expected = { x64: "amd64", arm64: "arm64" }[process.arch as "x64" | "arm64"];
    expect(kind).toEqual({ format: process.platform === "darwin" ? "mach-o" : "elf", cpu: expected });
  });

  it("returns only the bytes a short file has", async () => {
    const dir = await mkdtemp(join(tmpdir(), "dext-cpu-"));
    dirs.push(dir);
    await writeFile(join(dir, "short"), "abc");
    expect(await readHeader(join(dir, "short"))).toEqual(new TextEncoder().encode("abc"));
  });
});

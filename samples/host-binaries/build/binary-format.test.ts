import { describe, expect, it } from "vitest";
import { NotAnExecutableError, readBinaryKind } from "./binary-format.ts";

function bytes(size: number, write: (view: DataView) => void): Uint8Array {
  const buffer = new Uint8Array(size);
  write(new DataView(buffer.buffer));
  return buffer;
}

const elf = (machine: number, type = 2) =>
  bytes(128, (v) => {
    v.setUint32(0, 0x7f454c46);
    v.setUint8(4, 2);
    v.setUint8(5, 1);
    v.setUint16(0x10, type, true);
    v.setUint16(0x12, machine, true);
  });

const macho = (cpu: number, fileType = 2) =>
  bytes(128, (v) => {
    v.setUint32(0, 0xfeedfacf, true);
    v.setUint32(4, cpu, true);
    v.setUint32(12, fileType, true);
  });

const pe = (machine: number, characteristics = 0x0022, optionalMagic = 0x20b) =>
  bytes(512, (v) => {
    v.setUint16(0, 0x5a4d, true);
    v.setUint32(0x3c, 0x80, true);
    v.setUint32(0x80, 0x50450000);
    v.setUint16(0x84, machine, true);
    v.setUint16(0x80 + 22, characteristics, true);
    v.setUint16(0x80 + 24, optionalMagic, true);
  });

describe("readBinaryKind", () => {
  it("names ELF executables and their CPU", () => {
    expect(readBinaryKind(elf(0x3e))).toEqual({ format: "elf", cpu: "amd64", executable: true });
    expect(readBinaryKind(elf(0xb7, 3))).toEqual({ format: "elf", cpu: "arm64", executable: true });
    expect(readBinaryKind(elf(0x28)).cpu).toBe("other");
    expect(readBinaryKind(elf(0x3e, 1)).executable).toBe(false);
  });

  it("names thin Mach-O executables and their CPU", () => {
    expect(readBinaryKind(macho(0x0100000c))).toEqual({ format: "mach-o", cpu: "arm64", executable: true });
    expect(readBinaryKind(macho(0x01000007))).toEqual({ format: "mach-o", cpu: "amd64", executable: true });
    expect(readBinaryKind(macho(0x01000007, 6)).executable).toBe(false);
  });

  it("names PE32+ images, and tells a DLL from an executable", () => {
    expect(readBinaryKind(pe(0x8664))).toEqual({ format: "pe", cpu: "amd64", executable: true });
    expect(readBinaryKind(pe(0xaa64))).toEqual({ format: "pe", cpu: "arm64", executable: true });
    expect(readBinaryKind(pe(0x8664, 0x2022)).executable).toBe(false);
  });

  it("refuses what this project never ships, saying what it is", () => {
    expect(() => readBinaryKind(pe(0x14c, 0x0102, 0x10b))).toThrow(/32-bit \(PE32\)/);
    expect(() =>
      readBinaryKind(
        bytes(128, (v) => {
          v.setUint32(0, 0xcafebabe);
        }),
      ),
    ).toThrow(/universal/);
    expect(() =>
      readBinaryKind(new TextEncoder().encode("#!/bin/sh\necho hello, this is a script and not a binary at all\n")),
    ).toThrow(NotAnExecutableError);
    expect(() => readBinaryKind(new Uint8Array(10))).toThrow(/only 10 bytes/);
    const truncatedPe = pe(0x8664).subarray(0, 100);
    expect(() => readBinaryKind(truncatedPe)).toThrow(/beyond the bytes read/);
  });
});

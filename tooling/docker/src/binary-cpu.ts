// Which CPU an executable or shared library is for, from its first bytes. Hand-written: the answer
// is one or two integers at fixed offsets, and the ELF and Mach-O parsers on npm read whole files.
import { open } from "node:fs/promises";

/** Docker's name for a CPU (amd64, arm64), or the raw machine number for any other. */
type Cpu = "amd64" | "arm64" | `elf machine ${number}` | `mach-o cputype ${number}`;

export interface BinaryKind {
  format: "elf" | "mach-o";
  cpu: Cpu;
}

/** ELF e_machine values (System V ABI, "Machine Information"). */
const elfMachines: ReadonlyMap<number, Cpu> = new Map([
  [62, "amd64"], // EM_X86_64
  [183, "arm64"], // EM_AARCH64
]);
/** Mach-O cputype values (<mach/machine.h>: CPU_TYPE_X86_64, CPU_TYPE_ARM64). */
const machOCpuTypes: ReadonlyMap<number, Cpu> = new Map([
  [0x01000007, "amd64"],
  [0x0100000c, "arm64"],
]);

/** Reads what the header says, or undefined for a file that is neither ELF nor 64-bit Mach-O. */
export function binaryKind(header: Uint8Array): BinaryKind | undefined {
  const view = new DataView(header.buffer, header.byteOffset, header.byteLength);
  if (header.length >= 20 && view.getUint32(0) === 0x7f454c46) {
    // e_ident[EI_DATA] says the byte order of every field after e_ident.
    const little = header[5] === 1;
    const machine = view.getUint16(18, little);
    return { format: "elf", cpu: elfMachines.get(machine) ?? `elf machine ${machine}` };
  }
  // MH_MAGIC_64 as the file's first bytes read little-endian (every current Apple CPU is).
  if (header.length >= 8 && view.getUint32(0, true) === 0xfeedfacf) {
    const cpuType = view.getUint32(4, true);
    return { format: "mach-o", cpu: machOCpuTypes.get(cpuType) ?? `mach-o cputype ${cpuType}` };
  }
  return undefined;
}

/** The first bytes of a file, enough for binaryKind. */
export async function readHeader(path: string): Promise<Uint8Array> {
  const file = await open(path, "r");
  try {
    const buffer = new Uint8Array(20);
    const { bytesRead } = await file.read(buffer, 0, buffer.length, 0);
    return buffer.subarray(0, bytesRead);
  } finally {
    await file.close();
  }
}

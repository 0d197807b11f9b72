/**
 * What kind of executable a file is, read from its header: the container format and the CPU it
 * was built for. Enough to check that a shipped host binary matches the OS and architecture that
 * metadata.json and the Dockerfile promise, without running it.
 */
export type BinaryFormat = "elf" | "mach-o" | "pe";
type BinaryCpu = "amd64" | "arm64" | "other";

export interface BinaryKind {
  format: BinaryFormat;
  cpu: BinaryCpu;
  /** ELF: executable or position-independent executable; Mach-O: MH_EXECUTE; PE: console or GUI image. */
  executable: boolean;
}

export class NotAnExecutableError extends Error {
  readonly code = "NOT_AN_EXECUTABLE" as const;
  readonly detail: string;

  constructor(detail: string) {
    super(`not an executable this project ships: ${detail}`);
    this.detail = detail;
    this.name = "NotAnExecutableError";
  }
}

const ELF_MACHINES: Record<number, BinaryCpu> = { 0x3e: "amd64", 0xb7: "arm64" };
const MACHO_CPUS: Record<number, BinaryCpu> = { 0x01000007: "amd64", 0x0100000c: "arm64" };
const PE_MACHINES: Record<number, BinaryCpu> = { 0x8664: "amd64", 0xaa64: "arm64" };

/** Reads the first bytes of an executable (4 KiB is plenty) and names its format and CPU. */
export function readBinaryKind(head: Uint8Array): BinaryKind {
  const view = new DataView(head.buffer, head.byteOffset, head.byteLength);
  if (head.byteLength < 64) throw new NotAnExecutableError(`only ${String(head.byteLength)} bytes`);

  if (view.getUint32(0, false) === 0x7f454c46) {
    if (head[4] !== 2) throw new NotAnExecutableError("a 32-bit ELF file");
    const little = head[5] === 1;
    const type = view.getUint16(0x10, little);
    const machine = view.getUint16(0x12, little);
    return { format: "elf", cpu: ELF_MACHINES[machine] ?? "other", executable: type === 2 || type === 3 };
  }

  const machMagic = view.getUint32(0, true);
  if (machMagic === 0xfeedfacf) {
    const cpu = view.getUint32(4, true);
    const fileType = view.getUint32(12, true);
    return { format: "mach-o", cpu: MACHO_CPUS[cpu] ?? "other", executable: fileType === 2 };
  }
  if (view.getUint32(0, false) === 0xcafebabe) {
    throw new NotAnExecutableError("a universal (fat) Mach-O file; this project ships one file per CPU");
  }

  if (head[0] === 0x4d && head[1] === 0x5a) {
    const peOffset = view.getUint32(0x3c, true);
    if (peOffset + 24 + 70 > head.byteLength)
      throw new NotAnExecutableError("a DOS header whose PE header lies beyond the bytes read");
    if (view.getUint32(peOffset, false) !== 0x50450000)
      throw new NotAnExecutableError("an MZ file without a PE signature");
    const machine = view.getUint16(peOffset + 4, true);
    const characteristics = view.getUint16(peOffset + 22, true);
    const optionalMagic = view.getUint16(peOffset + 24, true);
    if (optionalMagic !== 0x20b) throw new NotAnExecutableError("a 32-bit (PE32) image");
    // IMAGE_FILE_EXECUTABLE_IMAGE set and IMAGE_FILE_DLL clear.
    const executable = (characteristics & 0x0002) !== 0 && (characteristics & 0x2000) === 0;
    return { format: "pe", cpu: PE_MACHINES[machine] ?? "other", executable };
  }

  throw new NotAnExecutableError("no ELF, Mach-O or PE header");
}

/** The format each host OS runs. */
export const FORMAT_FOR_OS = { darwin: "mach-o", windows: "pe", linux: "elf" } as const satisfies Record<
  string,
  BinaryFormat
>;

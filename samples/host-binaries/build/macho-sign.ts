// Hand-written: no npm package signs a Mach-O executable ad hoc without Apple's codesign or another
// native tool, and this build runs on Linux with neither.
import { createHash } from "node:crypto";
import {
  CS_ADHOC,
  CSMAGIC_CODEDIRECTORY,
  CSMAGIC_EMBEDDED_SIGNATURE,
  CSSLOT_CODEDIRECTORY,
  CSSLOT_REQUIREMENTS,
  readMachOLayout,
} from "./macho-code-signature.ts";

/**
 * Replaces a Mach-O executable's code signature with a fresh ad-hoc one, as `codesign --force
 * --sign -` does on a Mac. Needed because compiling appends the program to a runtime that was
 * signed before the program existed: Bun re-signs its arm64 output, but its x86_64 output keeps the
 * runtime's signature, whose page hashes no longer match (macOS kills such a process, natively or
 * under Rosetta). Layout from Apple's cs_blobs.h; blob fields big-endian, Mach-O fields little-endian.
 */
const CSMAGIC_REQUIREMENTS = 0xfade0c01;
const CSMAGIC_BLOBWRAPPER = 0xfade0b01;
const CSSLOT_SIGNATURESLOT = 0x10000;
const CS_EXECSEG_MAIN_BINARY = 0x1;
const CODEDIRECTORY_VERSION = 0x20400;
const CODEDIRECTORY_HEADER_BYTES = 88;
const PAGE_SHIFT = 12;
const PAGE_BYTES = 1 << PAGE_SHIFT;
const HASH_BYTES = 32;
/** Special slots hashed ahead of the code: -1 Info.plist (none here), -2 requirements. */
const SPECIAL_SLOTS = 2;

export class MachOSignError extends Error {
  readonly code = "MACHO_SIGN_FAILED" as const;
  constructor(message: string) {
    super(message);
    this.name = "MachOSignError";
  }
}

export function signAdHoc(input: Uint8Array, identifier: string): Buffer {
  const layout = readMachOLayout(input);
  if (layout.signature === undefined)
    throw new MachOSignError(
      "the file has no LC_CODE_SIGNATURE to replace (this signer re-signs; it does not add load commands)",
    );
  const linkeditIndex = layout.segments.findIndex((s) => s.name === "__LINKEDIT");
  const text = layout.segments.find((s) => s.name === "__TEXT");
  const linkedit = layout.segments[linkeditIndex];
  if (linkedit === undefined || text === undefined)
    throw new MachOSignError("the file has no __TEXT or __LINKEDIT segment");
  const { dataoff } = layout.signature;
  if (dataoff % 16 !== 0 || dataoff < linkedit.fileoff)
    throw new MachOSignError("the existing signature is not at an aligned offset inside __LINKEDIT");

  const codeLimit = dataoff;
  const nCodeSlots = Math.ceil(codeLimit / PAGE_BYTES);
  const ident = Buffer.from(`${identifier}\0`, "utf8");
  const hashOffset = CODEDIRECTORY_HEADER_BYTES + ident.byteLength + SPECIAL_SLOTS * HASH_BYTES;
  const cdLength = hashOffset + nCodeSlots * HASH_BYTES;
  const requirements = Buffer.alloc(12);
  requirements.writeUInt32BE(CSMAGIC_REQUIREMENTS, 0);
  requirements.writeUInt32BE(12, 4);
  const cms = Buffer.alloc(8);
  cms.writeUInt32BE(CSMAGIC_BLOBWRAPPER, 0);
  cms.writeUInt32BE(8, 4);
  const indexEntries = 3;
  const superHeader = 12 + indexEntries * 8;
  const superLength = superHeader + cdLength + requirements.byteLength + cms.byteLength;
  const datasize = Math.ceil(superLength / 16) * 16;

  // The header is inside page 0, so fix the sizes first and hash afterwards.
  const output = Buffer.alloc(dataoff + datasize);
  output.set(input.subarray(0, dataoff));
  output.writeUInt32LE(datasize, layout.signature.commandOffset + 12);
  const linkeditCommand = segmentCommandOffset(output, linkeditIndex);
  const linkeditFilesize = dataoff + datasize - linkedit.fileoff;
  output.writeBigUInt64LE(BigInt(linkeditFilesize), linkeditCommand + 48);
  const vmsize = Number(output.readBigUInt64LE(linkeditCommand + 32));
  if (vmsize < linkeditFilesize)
    output.writeBigUInt64LE(BigInt(Math.ceil(linkeditFilesize / 0x4000) * 0x4000), linkeditCommand + 32);

  const cd = Buffer.alloc(cdLength);
  cd.writeUInt32BE(CSMAGIC_CODEDIRECTORY, 0);
  cd.writeUInt32BE(cdLength, 4);
  cd.writeUInt32BE(CODEDIRECTORY_VERSION, 8);
  cd.writeUInt32BE(CS_ADHOC, 12);
  cd.writeUInt32BE(hashOffset, 16);
  cd.writeUInt32BE(CODEDIRECTORY_HEADER_BYTES, 20);
  cd.writeUInt32BE(SPECIAL_SLOTS, 24);
  cd.writeUInt32BE(nCodeSlots, 28);
  cd.writeUInt32BE(codeLimit, 32);
  cd.writeUInt8(HASH_BYTES, 36);
  cd.writeUInt8(2, 37); // SHA-256
  cd.writeUInt8(0, 38);
  cd.writeUInt8(PAGE_SHIFT, 39);
  // spare2, scatterOffset, teamOffset, spare3, codeLimit64 stay zero.
  cd.writeBigUInt64BE(BigInt(text.fileoff), 64);
  cd.writeBigUInt64BE(BigInt(text.filesize), 72);
  cd.writeBigUInt64BE(BigInt(CS_EXECSEG_MAIN_BINARY), 80);
  ident.copy(cd, CODEDIRECTORY_HEADER_BYTES);
  createHash("sha256")
    .update(requirements)
    .digest()
    .copy(cd, hashOffset - CSSLOT_REQUIREMENTS * HASH_BYTES);
  for (let page = 0; page < nCodeSlots; page += 1) {
    const start = page * PAGE_BYTES;
    createHash("sha256")
      .update(output.subarray(start, Math.min(start + PAGE_BYTES, codeLimit)))
      .digest()
      .copy(cd, hashOffset + page * HASH_BYTES);
  }

  const blob = output.subarray(dataoff);
  blob.writeUInt32BE(CSMAGIC_EMBEDDED_SIGNATURE, 0);
  blob.writeUInt32BE(superLength, 4);
  blob.writeUInt32BE(indexEntries, 8);
  const slots: [number, Buffer][] = [
    [CSSLOT_CODEDIRECTORY, cd],
    [CSSLOT_REQUIREMENTS, requirements],
    [CSSLOT_SIGNATURESLOT, cms],
  ];
  let offset = superHeader;
  slots.forEach(([type, data], i) => {
    blob.writeUInt32BE(type, 12 + i * 8);
    blob.writeUInt32BE(offset, 16 + i * 8);
    data.copy(blob, offset);
    offset += data.byteLength;
  });
  return output;
}

/** The file offset of the n-th LC_SEGMENT_64 load command. */
function segmentCommandOffset(file: Buffer, segmentIndex: number): number {
  const ncmds = file.readUInt32LE(16);
  let offset = 32;
  let seen = 0;
  for (let i = 0; i < ncmds; i += 1) {
    if (file.readUInt32LE(offset) === 0x19) {
      if (seen === segmentIndex) return offset;
      seen += 1;
    }
    offset += file.readUInt32LE(offset + 4);
  }
  throw new MachOSignError(`segment ${String(segmentIndex)} not found`);
}

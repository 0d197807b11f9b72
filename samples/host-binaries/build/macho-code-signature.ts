import { createHash } from "node:crypto";

/**
 * Checks the code signature of a thin 64-bit Mach-O executable the way macOS does before it runs
 * one on Apple silicon: a signature must exist, sit at the end of __LINKEDIT, and every page hash
 * in its CodeDirectory must match the file. Any change to the file after signing (injected code,
 * a rebuilt bundle, a stripped section) breaks a page hash, and macOS then kills the process
 * ("Killed: 9"). Written from Apple's published cs_blobs.h layout; all blob fields are big-endian,
 * Mach-O header fields little-endian.
 */
export interface CodeSignatureReport {
  signed: boolean;
  /** CS_ADHOC: signed without an identity, which is all macOS requires to run it locally. */
  adhoc: boolean;
  identifier: string | undefined;
  /** Hash types of the CodeDirectories found (1 = SHA-1, 2 = SHA-256). */
  hashTypes: number[];
  pagesChecked: number;
  /** Empty when macOS would accept the signature's integrity. */
  problems: string[];
}

const LC_SEGMENT_64 = 0x19;
export const LC_CODE_SIGNATURE = 0x1d;
export const CSMAGIC_EMBEDDED_SIGNATURE = 0xfade0cc0;
export const CSMAGIC_CODEDIRECTORY = 0xfade0c02;
export const CSSLOT_CODEDIRECTORY = 0;
export const CSSLOT_REQUIREMENTS = 2;
const CSSLOT_ALTERNATE_CODEDIRECTORIES = 0x1000;
export const CS_ADHOC = 0x2;

interface Segment {
  name: string;
  fileoff: number;
  filesize: number;
}

export interface MachOLayout {
  segments: Segment[];
  signature: { dataoff: number; datasize: number; commandOffset: number } | undefined;
  loadCommandsEnd: number;
}

export function readMachOLayout(file: Uint8Array): MachOLayout {
  const view = new DataView(file.buffer, file.byteOffset, file.byteLength);
  if (view.getUint32(0, true) !== 0xfeedfacf) throw new Error("not a thin 64-bit Mach-O file");
  const ncmds = view.getUint32(16, true);
  const sizeofcmds = view.getUint32(20, true);
  const segments: Segment[] = [];
  let signature: MachOLayout["signature"];
  let offset = 32;
  for (let i = 0; i < ncmds; i += 1) {
    const cmd = view.getUint32(offset, true);
    const cmdsize = view.getUint32(offset + 4, true);
    if (cmdsize < 8 || offset + cmdsize > 32 + sizeofcmds)
      throw new Error(`load command ${String(i)} overruns the header`);
    if (cmd === LC_SEGMENT_64) {
      const name = new TextDecoder().decode(file.subarray(offset + 8, offset + 24)).replace(/\0.*$/s, "");
      segments.push({
        name,
        fileoff: Number(view.getBigUint64(offset + 40, true)),
        filesize: Number(view.getBigUint64(offset + 48, true)),
      });
    } else if (cmd === LC_CODE_SIGNATURE) {
      signature = {
        dataoff: view.getUint32(offset + 8, true),
        datasize: view.getUint32(offset + 12, true),
        commandOffset: offset,
      };
    }
    offset += cmdsize;
  }
  return { segments, signature, loadCommandsEnd: offset };
}

export function verifyMachOSignature(file: Uint8Array): CodeSignatureReport {
  const report: CodeSignatureReport = {
    signed: false,
    adhoc: false,
    identifier: undefined,
    hashTypes: [],
    pagesChecked: 0,
    problems: [],
  };
  const layout = readMachOLayout(file);
  if (layout.signature === undefined) {
    report.problems.push("no LC_CODE_SIGNATURE: macOS on Apple silicon refuses to run an unsigned executable");
    return report;
  }
  report.signed = true;
  const { dataoff, datasize } = layout.signature;
  const linkedit = layout.segments.find((s) => s.name === "__LINKEDIT");
  if (dataoff + datasize > file.byteLength) report.problems.push("the signature runs past the end of the file");
  if (linkedit === undefined || linkedit.fileoff + linkedit.filesize !== file.byteLength) {
    report.problems.push(
      "__LINKEDIT does not end at the end of the file (bytes were appended or removed after signing)",
    );
  }
  if (report.problems.length > 0) return report;

  const blob = new DataView(file.buffer, file.byteOffset + dataoff, datasize);
  if (blob.getUint32(0) !== CSMAGIC_EMBEDDED_SIGNATURE) {
    report.problems.push("the signature is not an embedded-signature SuperBlob");
    return report;
  }
  const count = blob.getUint32(8);
  const slots = new Map<number, number>();
  for (let i = 0; i < count; i += 1) slots.set(blob.getUint32(12 + i * 8), blob.getUint32(16 + i * 8));

  const requirementsOffset = slots.get(CSSLOT_REQUIREMENTS);
  const directories = [...slots].filter(
    ([type]) =>
      type === CSSLOT_CODEDIRECTORY ||
      (type >= CSSLOT_ALTERNATE_CODEDIRECTORIES && type < CSSLOT_ALTERNATE_CODEDIRECTORIES + 5),
  );
  if (directories.length === 0) report.problems.push("the SuperBlob holds no CodeDirectory");

  for (const [, cdOffset] of directories) {
    const cd = new DataView(blob.buffer, blob.byteOffset + cdOffset);
    if (cd.getUint32(0) !== CSMAGIC_CODEDIRECTORY) {
      report.problems.push("a CodeDirectory slot does not hold a CodeDirectory");
      continue;
    }
    const flags = cd.getUint32(12);
    const hashOffset = cd.getUint32(16);
    const identOffset = cd.getUint32(20);
    const nSpecialSlots = cd.getUint32(24);
    const nCodeSlots = cd.getUint32(28);
    const codeLimit = cd.getUint32(32);
    const hashSize = cd.getUint8(36);
    const hashType = cd.getUint8(37);
    const pageSize = 2 ** cd.getUint8(39);
    const algorithm = hashType === 2 ? "sha256" : hashType === 1 ? "sha1" : undefined;
    report.hashTypes.push(hashType);
    if (cdOffset === slots.get(CSSLOT_CODEDIRECTORY)) {
      report.adhoc = (flags & CS_ADHOC) !== 0;
      const identBytes = new Uint8Array(blob.buffer, blob.byteOffset + cdOffset + identOffset);
      report.identifier = new TextDecoder().decode(identBytes.subarray(0, identBytes.indexOf(0)));
    }
    if (algorithm === undefined) {
      report.problems.push(`a CodeDirectory uses unknown hash type ${String(hashType)}`);
      continue;
    }
    if (codeLimit !== dataoff)
      report.problems.push(
        `the CodeDirectory covers ${String(codeLimit)} bytes but the signature starts at ${String(dataoff)}`,
      );
    if (nCodeSlots !== Math.ceil(codeLimit / pageSize))
      report.problems.push("the CodeDirectory's page count does not match its code limit");
    const slotHash = (index: number) =>
      new Uint8Array(blob.buffer, blob.byteOffset + cdOffset + hashOffset + index * hashSize, hashSize);
    for (let page = 0; page < nCodeSlots; page += 1) {
      const start = page * pageSize;
      const digest = createHash(algorithm)
        .update(file.subarray(start, Math.min(start + pageSize, codeLimit)))
        .digest();
      if (!digest.equals(slotHash(page))) {
        report.problems.push(
          `page ${String(page)} (bytes ${String(start)}+) does not match its hash: the file changed after it was signed`,
        );
        break;
      }
      report.pagesChecked += 1;
    }
    if (requirementsOffset !== undefined && nSpecialSlots >= CSSLOT_REQUIREMENTS) {
      const length = blob.getUint32(requirementsOffset + 4);
      const digest = createHash(algorithm)
        .update(new Uint8Array(blob.buffer, blob.byteOffset + requirementsOffset, length))
        .digest();
      if (!digest.equals(slotHash(-CSSLOT_REQUIREMENTS)))
        report.problems.push("the requirements blob does not match its hash");
    }
  }
  return report;
}

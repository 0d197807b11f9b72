import { readFile } from "node:fs/promises";
import { beforeAll, describe, expect, it } from "vitest";
import { builtBinary, requireBuiltBinaries } from "../test/built-binaries.ts";
import { LC_CODE_SIGNATURE, readMachOLayout, verifyMachOSignature } from "./macho-code-signature.ts";

let signed: Buffer;

beforeAll(async () => {
  await requireBuiltBinaries();
  signed = await readFile(builtBinary("darwin", "arm64"));
});

describe("verifyMachOSignature", () => {
  it("accepts the executable as Bun signed it", () => {
    expect(verifyMachOSignature(signed).problems).toEqual([]);
  });

  it("catches one byte changed after signing, as an injected or patched file would be", () => {
    const tampered = Buffer.from(signed);
    const middle = Math.floor(tampered.byteLength / 2);
    tampered[middle] = (tampered[middle] ?? 0) ^ 0xff;
    expect(verifyMachOSignature(tampered).problems).toEqual([
      expect.stringMatching(/^page \d+ .* does not match its hash: the file changed after it was signed$/),
    ]);
  });

  it("catches bytes appended after signing", () => {
    const appended = Buffer.concat([signed, Buffer.from("extra bundle")]);
    expect(verifyMachOSignature(appended).problems).toEqual([
      expect.stringContaining("__LINKEDIT does not end at the end of the file"),
    ]);
  });

  it("reports a file with no signature as one macOS will not run", () => {
    const unsigned = Buffer.from(signed);
    const { signature } = readMachOLayout(unsigned);
    expect(signature).toBeDefined();
    // Turn LC_CODE_SIGNATURE into an unknown command: the loader then sees no signature at all.
    unsigned.writeUInt32LE(LC_CODE_SIGNATURE + 0x100, signature?.commandOffset ?? 0);
    expect(verifyMachOSignature(unsigned)).toMatchObject({
      signed: false,
      problems: [expect.stringContaining("no LC_CODE_SIGNATURE")],
    });
  });
});

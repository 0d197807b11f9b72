import { describe, expect, it } from "vitest";
import {
  guestServicesDir,
  guestServicesSocketPath,
  maxSocketPathBytesWithoutNul,
  socketPathBytes,
  socketPathFits,
} from "./guest-services.ts";

describe("the guest-services folder", () => {
  it("is /run/guest-services, and a socket file name goes directly in it", () => {
    expect(guestServicesDir).toBe("/run/guest-services");
    expect(guestServicesSocketPath("backend.sock")).toBe("/run/guest-services/backend.sock");
  });
});

describe("the socket path limit", () => {
  it("is 103 bytes: macOS's sun_path of 104 bytes holds the final NUL too", () => {
    expect(maxSocketPathBytesWithoutNul).toBe(103);
    expect(socketPathFits(`/${"a".repeat(102)}`)).toBe(true);
    expect(socketPathFits(`/${"a".repeat(103)}`)).toBe(false);
  });

  it("leaves 83 bytes for a socket file name in the guest-services folder", () => {
    expect(socketPathFits(guestServicesSocketPath("a".repeat(83)))).toBe(true);
    expect(socketPathFits(guestServicesSocketPath("a".repeat(84)))).toBe(false);
  });

  // The byte counts are what `Buffer.byteLength` and `TextEncoder` give for the same paths.
  it.each([
    ["ascii", "/tmp/x.sock", 11],
    ["two-byte letters", "/tmp/grüße.sock", 17],
    ["three-byte characters", "/tmp/ソケット.sock", 22],
    ["four-byte emoji", "/tmp/🐳.sock", 14],
    ["a lone surrogate, written as U+FFFD", "/tmp/\ud800.sock", 13],
  ])("counts %s in UTF-8 bytes, as the kernel sees the path", (_label, path, bytes) => {
    expect(socketPathBytes(path)).toBe(bytes);
  });
});

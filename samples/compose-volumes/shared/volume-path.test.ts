import { describe, expect, it } from "vitest";
import {
  childVolumePath,
  maxVolumePathBytes,
  normalizeVolumePath,
  parentVolumePath,
  volumePathProblem,
  volumeNamePattern,
} from "./volume-path.ts";

describe("volumePathProblem", () => {
  it.each([
    ["the root", ""],
    ["a nested path", "app/logs/today.log"],
    ["dots inside names", "a..b/.hidden/x."],
    ["spaces, quotes and unicode", `my "files"/Grüße 🐳`],
    ["a trailing slash and . segments", "./app/./logs/"],
  ])("accepts %s", (_label, path) => {
    expect(volumePathProblem(path)).toBeUndefined();
  });

  it.each([
    ["a .. segment", "../etc/passwd", "must not contain .. segments"],
    ["a .. segment deeper down", "app/../../x", "must not contain .. segments"],
    ["a bare ..", "..", "must not contain .. segments"],
    ["an absolute path", "/etc/passwd", "must be relative to the volume's root, without a leading /"],
    ["a NUL byte", "app\0/x", "must not contain NUL bytes"],
    ["an overlong path", "a/".repeat(maxVolumePathBytes), `must be at most ${maxVolumePathBytes} bytes`],
    ["an overlong name", "x".repeat(256), "must not have a name longer than 255 bytes"],
    ["a name overlong only in UTF-8 bytes", "é".repeat(128), "must not have a name longer than 255 bytes"],
  ])("refuses %s with the reason", (_label, path, reason) => {
    expect(volumePathProblem(path)).toBe(reason);
  });
});

describe("volume path helpers", () => {
  it("normalises empty and . segments away", () => {
    expect(normalizeVolumePath("./app//logs/./")).toBe("app/logs");
    expect(normalizeVolumePath(".")).toBe("");
  });

  it("walks up and down without ever leaving the root", () => {
    expect(parentVolumePath("app/logs")).toBe("app");
    expect(parentVolumePath("app")).toBe("");
    expect(parentVolumePath("")).toBe("");
    expect(childVolumePath("", "app")).toBe("app");
    expect(childVolumePath("app/", "logs")).toBe("app/logs");
  });

  it("matches Docker's volume names, anonymous ones included", () => {
    expect(volumeNamePattern.test("pgdata")).toBe(true);
    expect(volumeNamePattern.test("my-app_db.1")).toBe(true);
    expect(volumeNamePattern.test("0123456789abcdef".repeat(4))).toBe(true);
    expect(volumeNamePattern.test("x")).toBe(false);
    expect(volumeNamePattern.test("-leading-dash")).toBe(false);
    expect(volumeNamePattern.test("has/slash")).toBe(false);
    expect(volumeNamePattern.test("..")).toBe(false);
  });
});

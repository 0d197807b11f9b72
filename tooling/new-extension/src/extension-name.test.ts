import { describe, expect, it } from "vitest";
import { checkExtensionName, checkImageName, titleFromName } from "./extension-name.js";

describe("checkExtensionName", () => {
  it.each(["my-extension", "a", "ext2", "volume-inspector-2"])("accepts %s", (name) => {
    expect(() => { checkExtensionName(name); }).not.toThrow();
  });

  it.each([
    ["", /it is empty/],
    ["My-Extension", /must be lowercase/],
    ["my_extension", /characters other than/],
    ["-leading", /characters other than/],
    ["double--dash", /characters other than/],
    ["trailing-", /characters other than/],
    ["my extension", /characters other than/],
    ["ünïcode", /characters other than/],
    ["x".repeat(51), /51 characters long; the limit is 50/],
  ])("refuses %j, saying why", (name, why) => {
    expect(() => { checkExtensionName(name); }).toThrow(why);
  });
});

describe("checkImageName", () => {
  it("accepts repository paths Docker accepts", () => {
    for (const image of ["my-org/my-ext", "ext", "a/b/c", "my.org/x__y"]) expect(() => { checkImageName(image); }).not.toThrow();
  });

  it("refuses tags, uppercase and empty components", () => {
    for (const image of ["my-org/my-ext:1.0", "My/ext", "org//ext", "/ext", "ext/"]) expect(() => { checkImageName(image); }).toThrow(/not a valid image repository/);
  });
});

describe("titleFromName", () => {
  it("turns the name into a sentence-case tab title", () => {
    expect(titleFromName("volume-inspector")).toBe("Volume inspector");
    expect(titleFromName("x")).toBe("X");
  });
});

import { describe, expect, it } from "vitest";
import { checkExtensionName, checkImageName, checkTitle, titleFromName } from "./extension-name.ts";

describe("checkExtensionName", () => {
  it.each(["my-extension", "a", "ext2", "volume-inspector-2"])("accepts %s", (name) => {
    expect(() => {
      checkExtensionName(name);
    }).not.toThrow();
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
    expect(() => {
      checkExtensionName(name);
    }).toThrow(why);
  });
});

describe("checkImageName", () => {
  it("accepts repository paths Docker accepts", () => {
    for (const image of ["my-org/my-ext", "ext", "a/b/c", "my.org/x__y"])
      expect(() => {
        checkImageName(image);
      }).not.toThrow();
  });

  it("refuses tags, uppercase and empty components", () => {
    for (const image of ["my-org/my-ext:1.0", "My/ext", "org//ext", "/ext", "ext/"])
      expect(() => {
        checkImageName(image);
      }).toThrow(/not a valid image repository/);
  });
});

describe("titleFromName", () => {
  it("turns the name into a sentence-case tab title", () => {
    expect(titleFromName("volume-inspector")).toBe("Volume inspector");
    expect(titleFromName("x")).toBe("X");
  });

  it("leaves out the word the Marketplace refuses in titles", () => {
    expect(titleFromName("my-extension")).toBe("My");
    expect(titleFromName("extension")).toBe("Extension");
    expect(titleFromName("team-extensions-hub")).toBe("Team hub");
  });

  it("refuses a --title with that word, or an empty one", () => {
    expect(() => {
      checkTitle("My extension");
    }).toThrow(/refuses titles with the word "extension"/);
    expect(() => {
      checkTitle(" ");
    }).toThrow(/cannot be empty/);
    expect(() => {
      checkTitle("Team tools");
    }).not.toThrow();
  });
});

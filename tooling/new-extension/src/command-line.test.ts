import { describe, expect, it } from "vitest";
import { parseCommandLine } from "./command-line.ts";
import { NewExtensionError } from "./errors.ts";

function refusal(argv: string[]): NewExtensionError {
  try {
    parseCommandLine(argv);
  } catch (error) {
    if (error instanceof NewExtensionError) return error;
    throw error;
  }
  throw new Error("expected a refusal");
}

describe("parseCommandLine", () => {
  it("reads a name, its sample and the options", () => {
    expect(
      parseCommandLine([
        "team-tools",
        "--from",
        "minimal-backend",
        "--title=Team tools",
        "--standalone",
        "../x",
        "--no-install",
      ]),
    ).toEqual({
      help: false,
      name: "team-tools",
      from: "minimal-backend",
      title: "Team tools",
      image: undefined,
      standalone: "../x",
      install: false,
    });
  });

  it("reports every problem at once: unknown flags, missing values, values on switches, repeats, a second name", () => {
    const error = refusal(["a", "b", "--bogus", "--from", "x", "--from", "y", "--no-install=yes", "--title"]);
    expect(error.code).toBe("USAGE");
    for (const problem of [
      "unknown option --bogus",
      "--from is given twice",
      "--no-install takes no value",
      "--title needs a value",
      "one name only, got a b",
    ]) {
      expect(error.message).toContain(problem);
    }
  });

  it("does not take the next flag as a missing value", () => {
    expect(refusal(["a", "--from", "--title", "x"]).message).toContain("--from needs a value");
  });

  it("requires a name and --from", () => {
    expect(refusal([]).message).toMatch(/^a name is required; --from <sample> is required/);
  });
});

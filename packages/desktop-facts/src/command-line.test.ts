import { describe, expect, it } from "vitest";
import { desktopArguments, desktopCommandWords, quoteForDesktop, splitCommandLine } from "./command-line.ts";

// What Docker Desktop runs for exec(cmd, args): the words of `[cmd, ...args].join(" ")` under a
// shell's quoting rules, with no shell: nothing is expanded and no operator has a meaning.
describe("desktopCommandWords", () => {
  it.each<[string, string, string[], string[]]>([
    [
      "Docker's documented JSON format, quoted inside the argument",
      "ps",
      ["--all", "--format", '"{{json .}}"'],
      ["ps", "--all", "--format", "{{json .}}"],
    ],
    ["the same in single quotes", "info", ["--format", "'{{json .}}'"], ["info", "--format", "{{json .}}"]],
    ["a command of two words", "network ls", ["--format", "{{.Name}}"], ["network", "ls", "--format", "{{.Name}}"]],
    ["a flag and its value in one element", "ps", ["--filter label=a=b"], ["ps", "--filter", "label=a=b"]],
    ["an element with a space, unquoted: two words", "./args.sh", ["two words"], ["./args.sh", "two", "words"]],
    ["an element with a space, quoted by the caller", "./args.sh", ["'two words'"], ["./args.sh", "two words"]],
    ["an empty element: nothing", "./args.sh", ["", "x"], ["./args.sh", "x"]],
    ["an empty quoted word", "./args.sh", ['""', "''"], ["./args.sh", "", ""]],
    ["unicode, split at its blank", "./args.sh", ["Grüße 🐳"], ["./args.sh", "Grüße", "🐳"]],
    [
      "shell syntax kept as text",
      "./args.sh",
      ["$(id)", "`id`", ";", "|", "&&", ">", "/tmp/x", "*", "~"],
      ["./args.sh", "$(id)", "`id`", ";", "|", "&&", ">", "/tmp/x", "*", "~"],
    ],
    ["variables kept as text, quoted or not", "./args.sh", ['"$HOME"', "$PATH"], ["./args.sh", "$HOME", "$PATH"]],
    ["a backslash escaping a blank outside quotes", "./args.sh", ["a\\ b"], ["./args.sh", "a b"]],
    ["a backslash escaping a quote inside double quotes", "./args.sh", ['"say \\"hi\\""'], ["./args.sh", 'say "hi"']],
    ["a backslash before an ordinary letter in double quotes stays", "./args.sh", ['"a\\nb"'], ["./args.sh", "a\\nb"]],
    ["backslashes in single quotes stay", "./args.sh", ["'C:\\dir\\file'"], ["./args.sh", "C:\\dir\\file"]],
    ["a single quote inside double quotes", "./args.sh", [`"it's"`], ["./args.sh", "it's"]],
    ["quotes joining parts of one word", "./args.sh", [`a"b c"'d e'f`], ["./args.sh", "ab cd ef"]],
    ["tabs and newlines separate too", "./args.sh", ["a\tb\nc"], ["./args.sh", "a", "b", "c"]],
    ["a newline kept inside quotes", "./args.sh", ["'line one\nline two'"], ["./args.sh", "line one\nline two"]],
    ["runs of blanks are one separator", "  ./args.sh ", ["  a   b  "], ["./args.sh", "a", "b"]],
  ])("%s", (_label, cmd, args, words) => {
    const [first, ...rest] = words;
    expect(desktopCommandWords(cmd, args)).toEqual({ cmd: first, args: rest });
  });

  it.each([
    ["an unterminated double quote", "echo", ['"open'], /Unterminated " quote/],
    ["an unterminated single quote", "echo", ["it's"], /Unterminated ' quote/],
    ["a lone backslash at the end", "echo", ["a\\"], /lone backslash/],
    ["nothing to run", "", [], /No command/],
    ["only blanks", "  ", ["  "], /No command/],
    ["an empty quoted command", '""', ["x"], /No command/],
  ])("refuses %s with a CommandLineError that quotes the line", (_label, cmd, args, message) => {
    expect(() => desktopCommandWords(cmd, args)).toThrow(message);
    expect(() => desktopCommandWords(cmd, args)).toThrow(
      expect.objectContaining({ name: "CommandLineError", code: "bad_command_line" }) as Error,
    );
  });
});

describe("quoteForDesktop", () => {
  it.each([
    ["--all", "--all"],
    ["label=a=b", "label=a=b"],
    ["/tmp/x.json", "/tmp/x.json"],
    ["two words", "'two words'"],
    ["", "''"],
    ["it's", "'it'\\''s'"],
    ['"{{json .}}"', `'"{{json .}}"'`],
    ["$(id); rm -rf /", "'$(id); rm -rf /'"],
    ["Grüße", "'Grüße'"],
  ])("quotes %j as %s", (argument, quoted) => {
    expect(quoteForDesktop(argument)).toBe(quoted);
  });

  it("leaves simple calls as written, so Docker's own examples are unchanged", () => {
    expect(desktopArguments(["ps", "--all", "--format", "json"])).toEqual(["ps", "--all", "--format", "json"]);
  });

  it("splits a whole line the same way", () => {
    expect(splitCommandLine(`docker ps --format '{{json .}}' --filter "label=a b"`)).toEqual([
      "docker",
      "ps",
      "--format",
      "{{json .}}",
      "--filter",
      "label=a b",
    ]);
  });

  it("gives back any argument list through Desktop's join-and-split", () => {
    const words = [
      "",
      " ",
      "two words",
      `it's "quoted"`,
      "$(id)",
      "a\\b",
      "\n",
      "\t",
      "Grüße 🐳",
      "'",
      '"',
      "\\",
      "--x=1",
      "'\"'\"'",
    ];
    expect(desktopCommandWords("./tool", desktopArguments(words))).toEqual({ cmd: "./tool", args: words });
  });
});

import { append } from "./append.ts";
import { posix } from "node:path";
import { ModifiableInstruction } from "dockerfile-ast";
import type { Step } from "./dockerfile-model.ts";
import { execForm, expandWord, splitWords } from "./dockerfile-words.ts";

/** A COPY or ADD after variable substitution. */
export interface CopyInstruction {
  keyword: "COPY" | "ADD";
  line: number;
  /** The `--from` value: a stage name or index, or an image. */
  from: string | undefined;
  /** Sources as written after substitution (context paths, stage paths or URLs). */
  sources: string[];
  /** Names of here-documents copied as files (`COPY <<EOF /metadata.json`). */
  heredocs: string[];
  /** Absolute destination, resolved against WORKDIR. */
  dest: string;
  /** The destination names a folder: ".", "..", a trailing "/" or "/.", or several sources. */
  destIsDir: boolean;
  /** The `--chmod` value (after substitution), e.g. "0755". */
  mode: string | undefined;
  /** Variables that no ARG or ENV defined. */
  unresolved: string[];
}

const REMOTE_SOURCE = /^(?:[a-z][a-z\d+.-]*:\/\/|git@)/i;

/** A URL or git source of ADD, which the build context does not hold. */
export function isRemoteSource(source: string): boolean {
  return REMOTE_SOURCE.test(source);
}

/** Reads a COPY or ADD step; undefined when it has no source and destination. */
export function readCopy(step: Step, escapeChar: string): CopyInstruction | undefined {
  if (step.keyword !== "COPY" && step.keyword !== "ADD") return undefined;
  // Here-document bodies follow the first line; the sources and destination are on it.
  const content = (step.instruction.getArgumentsContent() ?? "").split("\n")[0] ?? "";
  const words = withoutFlags(splitWords(content, escapeChar));
  const raw = execForm(words.join(" ")) ?? words;
  if (raw.length < 2) return undefined;

  const unresolved: string[] = [];
  const expand = (word: string, isJson: boolean): string => {
    const expansion = expandWord(isJson ? quoteForExpansion(word, escapeChar) : word, step.scope.lookup, escapeChar);
    append(unresolved, expansion.unresolved);
    return expansion.value;
  };
  const isJson = raw !== words;
  const heredocs = raw
    .slice(0, -1)
    .filter((word) => word.startsWith("<<"))
    .map((word) => word.replace(/^<<-?["']?|["']$/g, ""));
  const sources = raw
    .slice(0, -1)
    .filter((word) => !word.startsWith("<<"))
    .map((word) => expand(word, isJson));
  const destWord = expand(raw.at(-1) ?? "", isJson);
  const flags = step.instruction instanceof ModifiableInstruction ? step.instruction.getFlags() : [];
  const flagValue = (name: string): string | undefined => {
    const value = flags.find((flag) => flag.getName() === name)?.getValue();
    return value === undefined || value === null ? undefined : expandWord(value, step.scope.lookup, escapeChar).value;
  };
  return {
    keyword: step.keyword,
    line: step.line,
    from: flagValue("from"),
    sources,
    heredocs,
    dest: posix.resolve(step.workdir, destWord),
    destIsDir: /(?:^|\/)\.{0,2}$/.test(destWord) || sources.length + heredocs.length > 1,
    mode: flagValue("chmod"),
    unresolved,
  };
}

function withoutFlags(words: string[]): string[] {
  const first = words.findIndex((word) => !word.startsWith("--"));
  return first === -1 ? [] : words.slice(first);
}

/** Exec-form words are already unquoted; quoting them again lets expandWord substitute variables only. */
function quoteForExpansion(word: string, escapeChar: string): string {
  let quoted = '"';
  for (const char of word) quoted += char === '"' || char === escapeChar ? escapeChar + char : char;
  return `${quoted}"`;
}

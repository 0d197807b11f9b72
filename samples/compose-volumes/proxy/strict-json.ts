/**
 * - `invalid_json`: not UTF-8, or not JSON at all.
 * - `duplicate_key`: an object names the same key twice (after its escapes are decoded).
 */
export type StrictJsonErrorCode = "invalid_json" | "duplicate_key";

/** A request body the engine proxy will not read, let alone forward. */
export class StrictJsonError extends Error {
  override readonly name = "StrictJsonError";
  readonly code: StrictJsonErrorCode;

  constructor(code: StrictJsonErrorCode, message: string, options: { cause?: unknown } = {}) {
    super(message, { cause: options.cause });
    this.code = code;
  }
}

interface Frame {
  /** The keys seen so far in an object; undefined in an array. */
  keys: Set<string> | undefined;
  /** The container holding this one, and this one's key or index in it: the path, built only when needed. */
  parent: Frame | undefined;
  segment: string;
  expectKey: boolean;
  lastKey: string;
  index: number;
}

function pathOf(frame: Frame): string[] {
  const path: string[] = [];
  // The root frame has no segment: it is the body itself.
  for (let at = frame; at.parent !== undefined; at = at.parent) path.push(at.segment);
  return path.reverse();
}

/** The index just past the string token opening at `start`; the text is known to be valid JSON. */
function stringEnd(text: string, start: number): number {
  let at = start + 1;
  while (text[at] !== '"') at += text[at] === "\\" ? 2 : 1;
  return at + 1;
}

/**
 * The path of the first key an object of `text` names twice, e.g. `["HostConfig", "Binds"]`, or
 * undefined. `text` must already be valid JSON. Keys are compared decoded, so `"Host\u0043onfig"`
 * is `"HostConfig"`. Iterative: no nesting depth makes it overflow the stack.
 */
export function findDuplicateKey(text: string): string[] | undefined {
  const stack: Frame[] = [];
  for (let at = 0; at < text.length;) {
    const char = text[at];
    const top = stack.at(-1);
    if (char === '"') {
      const end = stringEnd(text, at);
      if (top?.keys !== undefined && top.expectKey) {
        // JSON.parse of the token alone decodes its escapes exactly as the body's parse did.
        const key = JSON.parse(text.slice(at, end)) as string;
        if (top.keys.has(key)) return [...pathOf(top), key];
        top.keys.add(key);
        top.lastKey = key;
        top.expectKey = false;
      }
      at = end;
      continue;
    }
    if (char === "{" || char === "[") {
      const segment = top === undefined ? "" : top.keys === undefined ? String(top.index) : top.lastKey;
      stack.push({
        keys: char === "{" ? new Set() : undefined,
        parent: top,
        segment,
        expectKey: true,
        lastKey: "",
        index: 0,
      });
    } else if (char === "}" || char === "]") {
      stack.pop();
    } else if (char === "," && top !== undefined) {
      if (top.keys === undefined) top.index++;
      else top.expectKey = true;
    }
    at++;
  }
  return undefined;
}

const utf8 = new TextDecoder("utf-8", { fatal: true, ignoreBOM: true });

/**
 * Parses a request body that something else will act on, refusing what two JSON readers could read
 * differently: bytes that are not UTF-8 (decoders replace them differently) and duplicate keys
 * (JSON.parse keeps the last; Go's encoding/json, the engine's, decodes both into the same struct,
 * so a first `HostConfig` with `Privileged` survives a second, harmless one). A BOM is refused too:
 * it is not JSON whitespace.
 */
export function parseStrictJson(bytes: Uint8Array): unknown {
  let text: string;
  try {
    text = utf8.decode(bytes);
  } catch (cause) {
    throw new StrictJsonError("invalid_json", "the body is not UTF-8", { cause });
  }
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (cause) {
    throw new StrictJsonError(
      "invalid_json",
      `the body is not JSON: ${cause instanceof Error ? cause.message : String(cause)}`,
      { cause },
    );
  }
  const duplicate = findDuplicateKey(text);
  if (duplicate !== undefined)
    throw new StrictJsonError("duplicate_key", `the body names ${duplicate.join(".")} twice`);
  return value;
}

import { BackendClientError } from "./backend-client-error.ts";

/** The text of a streamed answer, chunk by chunk, as it arrives (a fetch body, say). */
export async function* textChunks(body: ReadableStream<Uint8Array>): AsyncGenerator<string> {
  const reader = body.getReader();
  const decoder = new TextDecoder();
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      yield decoder.decode(value, { stream: true });
    }
    const rest = decoder.decode();
    if (rest !== "") yield rest;
  } finally {
    // Leaving early (a break, an abort) cancels the answer, so the server sees its client go.
    await reader.cancel().catch(() => undefined);
  }
}

/** The values of a newline-delimited JSON answer, each as soon as its line is whole. */
export async function* ndjsonValues(chunks: AsyncIterable<string> | Iterable<string>): AsyncGenerator {
  let buffer = "";
  const parse = (line: string): unknown => {
    try {
      return JSON.parse(line);
    } catch (cause) {
      throw new BackendClientError({
        kind: "invalid_response",
        message: "Backend streamed a line that is not JSON",
        cause,
      });
    }
  };
  for await (const chunk of chunks) {
    buffer += chunk;
    let newline = buffer.indexOf("\n");
    while (newline !== -1) {
      const line = buffer.slice(0, newline).trim();
      buffer = buffer.slice(newline + 1);
      if (line !== "") yield parse(line);
      newline = buffer.indexOf("\n");
    }
  }
  if (buffer.trim() !== "") yield parse(buffer.trim());
}

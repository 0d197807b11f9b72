/** Reads a fetch response body as newline-delimited JSON, calling `onValue` as each line arrives. */
export async function readNdjson(body: ReadableStream<Uint8Array>, onValue: (value: unknown) => void): Promise<void> {
  const reader = body.getReader();
  const decoder = new TextDecoder();
  let buffer = "";
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    buffer += decoder.decode(value, { stream: true });
    let newline = buffer.indexOf("\n");
    while (newline !== -1) {
      const line = buffer.slice(0, newline).trim();
      buffer = buffer.slice(newline + 1);
      if (line !== "") onValue(JSON.parse(line));
      newline = buffer.indexOf("\n");
    }
  }
  const rest = buffer.trim();
  if (rest !== "") onValue(JSON.parse(rest));
}

import { describe, expect, it } from "vitest";
import { demuxLogs } from "./demux-logs.ts";

function frame(stream: number, text: string): Buffer {
  const payload = Buffer.from(text, "utf8");
  const header = Buffer.alloc(8);
  header[0] = stream;
  header.writeUInt32BE(payload.length, 4);
  return Buffer.concat([header, payload]);
}

describe("demuxLogs", () => {
  it("separates stdout from stderr across interleaved frames", () => {
    const body = Buffer.concat([frame(1, '{"a":'), frame(2, "warning\n"), frame(1, "1}\n")]);
    expect(demuxLogs(body)).toEqual({ stdout: '{"a":1}\n', stderr: "warning\n" });
  });

  it("keeps multi-byte characters split across frames whole", () => {
    const bytes = Buffer.from("🐳", "utf8");
    const header = (length: number) => Buffer.from([1, 0, 0, 0, 0, 0, 0, length]);
    const body = Buffer.concat([header(2), bytes.subarray(0, 2), header(2), bytes.subarray(2)]);
    expect(demuxLogs(body).stdout).toBe("🐳");
  });

  it("reads an empty body and a truncated last frame without throwing", () => {
    expect(demuxLogs(Buffer.alloc(0))).toEqual({ stdout: "", stderr: "" });
    expect(demuxLogs(frame(1, "complete").subarray(0, 11)).stdout).toBe("com");
  });
});

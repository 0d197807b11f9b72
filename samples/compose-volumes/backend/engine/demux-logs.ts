/**
 * Splits the body of `GET /containers/{id}/logs` of a container created without a TTY. The engine
 * multiplexes both streams into frames: one byte for the stream (1 stdout, 2 stderr), three zero
 * bytes, the payload's length as a 32-bit big-endian number, then the payload.
 */
export function demuxLogs(body: Buffer): { stdout: string; stderr: string } {
  const stdout: Buffer[] = [];
  const stderr: Buffer[] = [];
  let offset = 0;
  while (offset + 8 <= body.length) {
    const stream = body[offset];
    const length = body.readUInt32BE(offset + 4);
    const start = offset + 8;
    const end = Math.min(start + length, body.length);
    if (stream === 2) stderr.push(body.subarray(start, end));
    else stdout.push(body.subarray(start, end));
    offset = end;
  }
  return { stdout: Buffer.concat(stdout).toString("utf8"), stderr: Buffer.concat(stderr).toString("utf8") };
}

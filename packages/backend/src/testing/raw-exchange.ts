import { connect } from "node:net";

/** What came back on one raw connection, and how much of the request the server let through. */
export interface RawExchange {
  /** The response bytes as latin1 text, head and body. */
  readonly text: string;
  readonly status: number | undefined;
  /** From the first byte written to the first byte of the response. */
  readonly msToResponse: number | undefined;
  /** Body bytes the socket accepted before the server closed it (or all of them). */
  readonly bodyBytesSent: number;
  /** Highest resident set size seen while sending, in bytes. */
  readonly peakRss: number;
  /** False when the exchange ended because `timeoutMs` ran out. */
  readonly closedByServer: boolean;
}

export interface RawExchangeOptions {
  /** Body bytes to stream after `head`, in 64 KB chunks, as the socket takes them. */
  readonly bodyBytes?: number;
  /** Frame the streamed body as chunked (the head must say so). */
  readonly chunked?: boolean;
  /** Then a byte of body every `trickleMs`, until the server answers or closes. */
  readonly trickleMs?: number;
  /** Give up waiting for the server to close after this long. */
  readonly timeoutMs?: number;
}

const chunk = Buffer.alloc(64 * 1024, "a");

/**
 * Writes `head` (request line and headers, and any body bytes after them) on a fresh connection,
 * then the body the options describe, and reads until the server closes the connection. One
 * buffer is written again and again, so the sender itself holds no large body in memory.
 */
export function rawExchange(socketPath: string, head: string, options: RawExchangeOptions = {}): Promise<RawExchange> {
  return new Promise((resolve) => {
    const socket = connect(socketPath);
    const startedAt = Date.now();
    let text = "";
    let msToResponse: number | undefined;
    let bodyBytesSent = 0;
    let peakRss = process.memoryUsage.rss();
    let done = false;
    const framed =
      options.chunked === true
        ? Buffer.concat([Buffer.from(`${chunk.length.toString(16)}\r\n`), chunk, Buffer.from("\r\n")])
        : chunk;

    const finish = (closedByServer: boolean) => {
      if (done) return;
      done = true;
      clearTimeout(giveUp);
      clearInterval(trickle);
      socket.destroy();
      const status = /^HTTP\/1\.1 (\d{3})/.exec(text)?.[1];
      resolve({
        text,
        status: status === undefined ? undefined : Number(status),
        msToResponse,
        bodyBytesSent,
        peakRss,
        closedByServer,
      });
    };
    const giveUp = setTimeout(() => finish(false), options.timeoutMs ?? 10_000);
    let trickle: NodeJS.Timeout | undefined;

    const pump = () => {
      while (!done && bodyBytesSent < (options.bodyBytes ?? 0)) {
        bodyBytesSent += chunk.length;
        peakRss = Math.max(peakRss, process.memoryUsage.rss());
        if (!socket.write(framed)) return void socket.once("drain", pump);
      }
      if (done) return;
      if (options.trickleMs !== undefined) trickle = setInterval(() => socket.write("a"), options.trickleMs);
      else if (options.chunked === true) socket.write("0\r\n\r\n");
    };

    socket.on("data", (data: Buffer) => {
      msToResponse ??= Date.now() - startedAt;
      text += data.toString("latin1");
    });
    socket.on("error", () => undefined);
    socket.on("close", () => finish(true));
    socket.on("end", () => finish(true));
    socket.write(head, pump);
  });
}

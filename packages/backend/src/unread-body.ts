import { hasBody } from "./read-json-body.ts";
import type { IncomingMessage, RequestListener, ServerResponse } from "node:http";

/** True while a body is still arriving and nobody has started to read it. */
function bodyUnread(req: IncomingMessage): boolean {
  return !req.complete && req.readableFlowing === null && hasBody(req);
}

/**
 * An answer written before the request's body has fully arrived (a route that takes none, a
 * refusal, a timeout) closes the connection: kept alive, Node would read and discard the rest
 * first, however long it is, before the next request could be read.
 */
export function closeIfBodyPending(req: IncomingMessage, res: ServerResponse): void {
  if (!req.complete && hasBody(req)) res.setHeader("connection", "close");
}

/**
 * The same for whatever else answers on the server (Express's own routes, any middleware, a
 * proxy's refusal). The answer says `Connection: close` as its headers go out, so a keep-alive
 * client does not send its next request on a connection that is about to end (it would get
 * EPIPE or ECONNRESET), and once it is finished the connection is ended instead of drained. A
 * body someone is reading while answering (a streamed upload, a proxied request) is left alone.
 */
export function closingUnreadBodies(handler: RequestListener): RequestListener {
  return (req, res) => {
    if (hasBody(req)) {
      // Every way a response starts (writeHead, write, end) goes through writeHead, so this is
      // the last moment the header can still be set.
      const writeHead = res.writeHead.bind(res) as (...args: unknown[]) => ServerResponse;
      res.writeHead = (...args: unknown[]) => {
        if (bodyUnread(req) && !res.headersSent) res.setHeader("connection", "close");
        return writeHead(...args);
      };
      // Before Node's own finish listener, which resumes the body to discard it.
      res.prependOnceListener("finish", () => {
        if (!bodyUnread(req)) return;
        const socket = req.socket;
        process.nextTick(() => {
          socket.end();
          if (socket.writableFinished) socket.destroy();
          else socket.once("finish", () => socket.destroy());
        });
      });
    }
    handler(req, res);
  };
}

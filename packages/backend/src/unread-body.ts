import { hasBody } from "./read-json-body.js";
import type { IncomingMessage, RequestListener, ServerResponse } from "node:http";

/**
 * An answer written before the request's body has fully arrived (a route that takes none, a
 * refusal, a timeout) closes the connection: kept alive, Node would read and discard the rest
 * first, however long it is, before the next request could be read.
 */
export function closeIfBodyPending(req: IncomingMessage, res: ServerResponse): void {
  if (!req.complete && hasBody(req)) res.setHeader("connection", "close");
}

/**
 * The same for whatever else answers on the server (Express's own routes, any middleware): once
 * a response is finished over a body nobody started reading, the connection is ended instead of
 * drained. It cannot say `Connection: close` any more, but the client sees the end right after
 * the answer. A body someone is still reading after answering (a streamed upload) is left alone.
 */
export function closingUnreadBodies(handler: RequestListener): RequestListener {
  return (req, res) => {
    if (hasBody(req)) {
      // Before Node's own finish listener, which resumes the body to discard it.
      res.prependOnceListener("finish", () => {
        if (req.complete || req.readableFlowing !== null) return;
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

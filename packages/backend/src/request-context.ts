import type { ServerResponse } from "node:http";
import type { ContextWith } from "./create-backend-app.ts";
import type { Logger } from "./logger.ts";

/**
 * What a handler gets besides its input. A class, not an object literal with a getter: V8 builds
 * such a literal slowly, and measured here it cost as much per request as all of node:http.
 */
export class RequestContext<Ctx> implements ContextWith<Ctx> {
  #controller: AbortController | undefined;

  readonly requestId: string;
  readonly logger: Logger;
  readonly ctx: Ctx;
  private readonly res: ServerResponse;

  constructor(requestId: string, logger: Logger, res: ServerResponse, ctx: Ctx) {
    this.requestId = requestId;
    this.logger = logger;
    this.res = res;
    this.ctx = ctx;
  }

  /** Made on first use: most handlers never look, and an AbortController per request is not free. */
  get signal(): AbortSignal {
    if (this.#controller === undefined) {
      const controller = new AbortController();
      this.#controller = controller;
      if (this.res.closed) controller.abort();
      else this.res.once("close", () => controller.abort());
    }
    return this.#controller.signal;
  }
}

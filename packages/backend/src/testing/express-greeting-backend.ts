// The greeting contract served through Express by runBackend, as a process for the lifecycle tests:
// a middleware puts the caller on the request, and a typed handler reads it from its context.
import express from "express";
import * as z from "zod";
import { defineContract, defineRoute } from "../client/contract.ts";
import { dextErrorHandler } from "../express-error-handler.ts";
import { createExpressRouter } from "../express-router.ts";
import { runBackend } from "../run-backend.ts";
import { greetingContract } from "./greeting-contract.ts";
import { greetingHandlers } from "./greeting-handlers.ts";
import type { Request } from "express";

/** What the middleware below adds to a request. */
interface WithCaller {
  caller?: string;
}

const contract = defineContract({
  ...greetingContract,
  whoAmI: defineRoute({ method: "GET", path: "/me", response: z.object({ caller: z.string() }) }),
});

const app = express();
app.use((req: Request & WithCaller, _res, next) => {
  req.caller = req.headers["x-caller"]?.toString() ?? "anonymous";
  next();
});
app.use(express.json({ limit: "1kb" }));
app.use(
  createExpressRouter({
    contract,
    createContext: (req: Request & WithCaller) => ({ caller: req.caller ?? "anonymous" }),
    handlers: { ...greetingHandlers, whoAmI: (_input, { ctx }) => ({ caller: ctx.caller }) },
  }),
);
app.use(dextErrorHandler());

await runBackend({ name: "greeting-express", listener: app, shutdownGraceMs: 3_000 });

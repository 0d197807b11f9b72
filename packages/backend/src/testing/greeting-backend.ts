// A backend process for the lifecycle tests: started with tsx, stopped with signals.
import { runBackend } from "../run-backend.js";
import { greetingContract } from "./greeting-contract.js";
import { greetingHandlers } from "./greeting-handlers.js";

await runBackend({
  name: "greeting",
  contract: greetingContract,
  handlers: greetingHandlers,
  shutdownGraceMs: Number(process.env.GRACE_MS ?? 3_000),
});

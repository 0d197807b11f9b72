import { setTimeout as delay } from "node:timers/promises";
import { RouteError } from "../errors.ts";
import type { Handlers } from "../create-backend-app.ts";
import type { greetingContract } from "./greeting-contract.ts";

export const greetingHandlers: Handlers<typeof greetingContract> = {
  hello: ({ query }) => ({ message: `Hello, ${query.name ?? "world"}!` }),
  echo: ({ body }) => ({ text: body.text.repeat(body.times) }),
  item: ({ params }) => {
    const id = Number(params.id);
    if (id > 100) throw new RouteError("not_found", `No item ${id}`);
    return { id };
  },
  slow: async ({ query }) => {
    await delay(query.ms);
    return { waitedMs: query.ms };
  },
  broken: () => {
    throw new Error("database password is hunter2");
  },
};

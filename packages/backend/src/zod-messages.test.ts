import * as z from "zod/mini";
import { safeParse } from "zod/v4/core";
import { describe, expect, it } from "vitest";
import { defineContract, defineRoute } from "./client/contract.ts";
import { createBackendApp } from "./create-backend-app.ts";
import { ensureZodMessages } from "./client/zod-messages.ts";

describe("ensureZodMessages", () => {
  it("gives a zod/mini contract's issues English messages once a backend app exists", () => {
    const contract = defineContract({
      hello: defineRoute({
        method: "GET",
        path: "/hello",
        query: z.object({ name: z.string().check(z.maxLength(3)) }),
        response: z.object({}),
      }),
    });
    createBackendApp({ contract, handlers: { hello: () => ({}) } });
    const result = safeParse(contract.hello.query, { name: "too long" });
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.message).toBe("Too big: expected string to have <=3 characters");
  });

  it("leaves a locale the backend chose alone", () => {
    const chosen = () => "eigene Meldung";
    z.config({ localeError: chosen });
    try {
      ensureZodMessages();
      expect(safeParse(z.string(), 1).error?.issues[0]?.message).toBe("eigene Meldung");
    } finally {
      z.config({ localeError: undefined });
      ensureZodMessages();
    }
  });
});

// Only zod/mini in this file: classic zod registers English messages when it loads, which would
// hide a client that forgot to.
import * as z from "zod/mini";
import { config } from "zod/v4/core";
import { describe, expect, it } from "vitest";
import { defineContract, defineRoute } from "./contract.ts";
import { createBackendClient } from "./create-backend-client.ts";

describe("createBackendClient with a zod/mini contract", () => {
  it('says what a drifted response got wrong, in English, not only "Invalid input"', async () => {
    expect(config().localeError).toBeUndefined();
    const contract = defineContract({
      hello: defineRoute({ method: "GET", path: "/hello", response: z.object({ message: z.string() }) }),
    });
    const client = createBackendClient(contract, () => Promise.resolve({ message: 42 }));
    await expect(client.hello()).rejects.toMatchObject({
      kind: "invalid_response",
      message: expect.stringContaining("expected string, received number") as unknown,
    });
  });
});

import { describe, expect, it } from "vitest";
import { rewriteIdentity } from "./sample-identity.ts";

const from = { name: "minimal-backend", title: "Minimal backend", image: "dext/minimal-backend" };

describe("rewriteIdentity", () => {
  it("replaces the image, the name and the title wherever they appear", () => {
    const to = { name: "my-ext", title: "My ext", image: "acme/my-ext" };
    expect(
      rewriteIdentity(
        "IMAGE ?= dext/minimal-backend\nsocket /run/guest-services/minimal-backend.sock\n# Minimal backend",
        from,
        to,
      ),
    ).toBe("IMAGE ?= acme/my-ext\nsocket /run/guest-services/my-ext.sock\n# My ext");
  });

  it("does not replace twice when the new name contains the old one", () => {
    const to = { name: "minimal-backend-2", title: "Minimal backend 2", image: "dext/minimal-backend-2" };
    expect(rewriteIdentity("minimal-backend dext/minimal-backend Minimal backend", from, to)).toBe(
      "minimal-backend-2 dext/minimal-backend-2 Minimal backend 2",
    );
  });

  it("leaves text that only resembles the identity alone", () => {
    const to = { name: "x", title: "X", image: "dext/x" };
    expect(rewriteIdentity("minimal backend, MinimalBackend, minimal_backend", from, to)).toBe(
      "minimal backend, MinimalBackend, minimal_backend",
    );
  });
});

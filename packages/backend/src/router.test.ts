import * as z from "zod";
import { describe, expect, it } from "vitest";
import { defineRoute } from "./client/contract.ts";
import { RouteError } from "./errors.ts";
import { createRouter } from "./router.ts";

const response = z.object({});
const match = createRouter([
  { name: "list", route: defineRoute({ method: "GET", path: "/items", response }) },
  { name: "add", route: defineRoute({ method: "POST", path: "/items", response }) },
  { name: "item", route: defineRoute({ method: "GET", path: "/items/:id", response }) },
  { name: "remove", route: defineRoute({ method: "DELETE", path: "/items/:id", response }) },
  { name: "file", route: defineRoute({ method: "GET", path: "/items/:id/files/:file", response }) },
]);

describe("createRouter", () => {
  it("finds a static route by method and path", () => {
    expect(match("POST", "/items")).toMatchObject({ kind: "route", entry: { name: "add" }, params: {} });
  });

  it("captures and percent-decodes path parameters", () => {
    expect(match("GET", "/items/a%20b/files/x%2Fy")).toMatchObject({
      kind: "route",
      entry: { name: "file" },
      params: { id: "a b", file: "x/y" },
    });
  });

  it("answers HEAD with the GET route", () => {
    expect(match("HEAD", "/items/7")).toMatchObject({ kind: "route", entry: { name: "item" } });
  });

  it("tells which methods a known path allows", () => {
    expect(match("PUT", "/items")).toEqual({ kind: "method_not_allowed", allowed: ["GET", "POST"] });
    expect(match("PATCH", "/items/7")).toEqual({ kind: "method_not_allowed", allowed: ["GET", "DELETE"] });
  });

  it.each(["/items/", "/ITEMS", "/items/7/", "/items//files/x", "//items", "/items/7/files"])(
    "matches %s exactly as declared, or not at all",
    (path) => {
      expect(match("GET", path)).toEqual({ kind: "none" });
    },
  );

  it("refuses a parameter that is not valid percent-encoding, naming it", () => {
    const error = (() => {
      try {
        match("GET", "/items/%E0%A4%A");
        return undefined;
      } catch (caught) {
        return caught;
      }
    })();
    expect(error).toBeInstanceOf(RouteError);
    expect(error).toMatchObject({ code: "invalid_input", issues: [{ path: "params.id" }] });
  });
});

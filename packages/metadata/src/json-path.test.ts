import { expect, it } from "vitest";
import { childPath } from "./json-path.ts";

it("writes identifiers with dots, indexes in brackets and other keys quoted in brackets", () => {
  expect(childPath("$", "vm")).toBe("$.vm");
  expect(childPath("$.host.binaries", 0)).toBe("$.host.binaries[0]");
  expect(childPath("$.ui", "dashboard-tab")).toBe('$.ui["dashboard-tab"]');
  expect(childPath("$", 'a "b"')).toBe('$["a \\"b\\""]');
});

import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { propertyRuns } from "@dext/vitest-config/property-runs";
import Ajv from "ajv";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { FIXTURES, metadataFixtures } from "./testing/fixture-cases.ts";
import { malformedMetadata, METADATA_KINDS } from "./testing/fuzz.ts";
import { validateMetadata } from "./validate-metadata.ts";

const packageDir = fileURLToPath(new URL("..", import.meta.url));
const schema = JSON.parse(readFileSync(join(packageDir, "schema", "metadata.schema.json"), "utf8")) as Record<
  string,
  unknown
>;
// Ajv's default strict mode refuses unknown keywords; strictRequired stays off because oneOf
// branches name properties declared by the parent, which is the usual draft-07 idiom.
const ajv = new Ajv({ allErrors: true });
const schemaAccepts = ajv.compile(schema);

/**
 * The schema and validateMetadata must agree on valid vs invalid (warnings are the validator's
 * extra). The schema is the strict verdict, docker extension validate's: no root key but icon,
 * ui, vm and host, so it is compared with the `--marketplace` verdict.
 */
function expectAgreement(name: string, document: unknown): void {
  const valid = validateMetadata(document, { marketplace: true }).valid;
  expect(schemaAccepts(document), `${name}: validateMetadata says ${valid ? "valid" : "invalid"}`).toBe(valid);
}

describe("the published JSON Schema", () => {
  it("is exported as @dext/metadata/schema.json and shipped in the package", () => {
    const manifest = JSON.parse(readFileSync(join(packageDir, "package.json"), "utf8")) as {
      exports: Record<string, unknown>;
      files: string[];
    };
    expect(manifest.exports["./schema.json"]).toBe("./schema/metadata.schema.json");
    expect(manifest.files).toContain("schema");
  });

  it("is a draft-07 schema that Ajv compiles in its default strict mode", () => {
    expect(schema.$schema).toBe("http://json-schema.org/draft-07/schema#");
    expect(typeof schemaAccepts).toBe("function");
  });

  it.each(metadataFixtures("valid"))("accepts the valid fixture %s, as validateMetadata does", (name, document) => {
    expect(schemaAccepts(document)).toBe(true);
    expectAgreement(name, document);
  });

  it.each([...metadataFixtures("marketplace"), ...metadataFixtures("broken")])(
    "rejects the broken or Marketplace-refused fixture %s, as validateMetadata does",
    (name, document) => {
      expect(schemaAccepts(document)).toBe(false);
      expectAgreement(name, document);
    },
  );

  it("agrees on the metadata.json of every fixture extension and seed example", () => {
    const folders = [
      ...readdirSync(join(FIXTURES, "extensions")).map((name) => join(FIXTURES, "extensions", name)),
      ...readdirSync(join(FIXTURES, "seeds")).map((name) => join(FIXTURES, "seeds", name)),
    ];
    const files = folders.map((folder) => join(folder, "metadata.json")).filter((file) => existsSync(file));
    expect(files.length).toBeGreaterThanOrEqual(6);
    for (const file of files) expectAgreement(file, JSON.parse(readFileSync(file, "utf8")));
  });

  // Over a thousand documents through two validators: seconds alone, longer beside the other suites.
  it("agrees on every generated malformed document that parses", { timeout: 120_000 }, () => {
    const runs = propertyRuns(
      METADATA_KINDS.reduce((sum, [, count]) => sum + count, 0),
      { budgetMs: 110_000 },
    );
    let compared = 0;
    fc.assert(
      fc.property(malformedMetadata, ({ kind, text }) => {
        let document: unknown;
        try {
          document = JSON.parse(text);
        } catch {
          return;
        }
        expectAgreement(kind, document);
        compared++;
      }),
      runs,
    );
    // Replaying one case (DEXT_FC_PATH) compares one document at most.
    if (runs.path === undefined) expect(compared).toBeGreaterThan(500);
  });

  it("differs, as documented, only in counting a socket name's length in characters rather than bytes", () => {
    const socket = `${"é".repeat(42)}.sock`;
    const document = { vm: { image: "${DESKTOP_PLUGIN_IMAGE}", exposes: { socket } } };
    expect(schemaAccepts(document)).toBe(true);
    expect(validateMetadata(document).valid).toBe(false);
  });

  it("accepts a relative root and relative host binary paths, which Desktop reads from the image root", () => {
    const document = {
      ui: { "dashboard-tab": { title: "T", root: "ui", src: "index.html" } },
      host: { binaries: [{ linux: [{ path: "bin/tool" }] }] },
    };
    expect(schemaAccepts(document)).toBe(true);
    expect(validateMetadata(document, { marketplace: true }).valid).toBe(true);
  });
});

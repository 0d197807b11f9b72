import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { detectContext, matchContext } from "./build-context.ts";
import { readDockerfile } from "./dockerfile-model.ts";
import { FIXTURES } from "./fixture-cases.test-support.ts";
import { entryFor, imageContents, missingSources, runStepFor } from "./image-contents.ts";

const extension = join(FIXTURES, "extensions", "host-binaries");
const monorepo = join(FIXTURES, "contexts", "monorepo");

function contents(text: string, context = extension) {
  return imageContents(readDockerfile(text, "Dockerfile"), context);
}

describe("imageContents and entryFor", () => {
  it("puts a copied folder's contents, not the folder, at the destination, and checks they exist", () => {
    const image = contents("FROM a\nCOPY bin /tools\n");
    expect(entryFor(image, "/tools/darwin-arm64/hello")).toMatchObject({ kind: "dir", line: 2 });
    expect(entryFor(image, "/tools/bin/darwin-arm64/hello")).toBeUndefined();
    expect(entryFor(image, "/tools/darwin-arm64/missing")).toBeUndefined();
  });

  it("places files in a destination folder, or at the destination itself", () => {
    const image = contents("FROM a\nCOPY metadata.json docker.svg /\nCOPY docker.svg /icons/icon.svg\n");
    expect(entryFor(image, "/metadata.json")?.kind).toBe("file");
    expect(entryFor(image, "/icons/icon.svg")?.hostFile).toBe(join(extension, "docker.svg"));
    expect(entryFor(image, "/icons")).toBeUndefined();
  });

  it("matches wildcards per path segment", () => {
    const image = contents("FROM a\nCOPY bin/*-amd64/hello* /out/\n");
    expect(matchContext(extension, "bin/*-amd64/hello*").sort()).toEqual([
      "bin/darwin-amd64/hello",
      "bin/linux-amd64/hello",
      "bin/windows-amd64/hello.exe",
    ]);
    expect(entryFor(image, "/out/hello.exe")).toBeDefined();
  });

  it("trusts anything at or under a --from destination, and remembers the stage", () => {
    const model = readDockerfile(
      "FROM a AS build\nFROM b\nCOPY --from=build /app/dist /ui\nCOPY --from=0 /x /x\n",
      "Dockerfile",
    );
    const image = imageContents(model, extension);
    expect(entryFor(image, "/ui/index.html")).toMatchObject({ kind: "unknown", fromStage: model.stages[0] });
    expect(entryFor(image, "/x")?.fromStage).toBe(model.stages[0]);
  });

  it("only counts the final stage and the stages it is built FROM", () => {
    const image = contents(
      "FROM a AS base\nCOPY docker.svg /base.svg\nFROM a AS other\nCOPY docker.svg /other.svg\nFROM base\n",
    );
    expect(entryFor(image, "/base.svg")).toBeDefined();
    expect(entryFor(image, "/other.svg")).toBeUndefined();
  });

  it("finds a RUN step that names the path, or its folder and its name", () => {
    const image = contents(
      "FROM a\nRUN curl -L -o /usr/local/bin/tool https://example.com/t\nRUN cd /darwin && curl -O https://example.com/kubectl\n",
    );
    expect(runStepFor(image, "/usr/local/bin/tool")?.line).toBe(2);
    expect(runStepFor(image, "/darwin/kubectl")?.line).toBe(3);
    expect(runStepFor(image, "/linux/kubectl")).toBeUndefined();
  });
});

describe("the build context", () => {
  it("is the nearest folder, upwards, that holds every COPY source", () => {
    const dir = join(monorepo, "samples", "app");
    expect(detectContext(dir, ["samples/app/metadata.json", "packages/shared"])).toEqual({
      context: monorepo,
      missing: [],
    });
    expect(detectContext(dir, ["metadata.json"])).toEqual({ context: dir, missing: [] });
  });

  it("lists the sources of every stage that it lacks", () => {
    const model = readDockerfile(
      "FROM a AS b\nCOPY nope /x\nFROM c\nCOPY docker.svg /\nCOPY --from=b /x /y\nADD https://example.com/a /a\n",
      "Dockerfile",
    );
    expect(missingSources(model, extension)).toEqual([{ source: "nope", line: 2 }]);
  });
});

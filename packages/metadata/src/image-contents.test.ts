import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { detectContext, matchContext } from "./build-context.ts";
import { readDockerfile } from "./dockerfile-model.ts";
import { FIXTURES } from "./testing/fixture-cases.ts";
import { missingSources, runStepFor } from "./image-contents.ts";

const extension = join(FIXTURES, "extensions", "host-binaries");
const monorepo = join(FIXTURES, "contexts", "monorepo");

describe("runStepFor", () => {
  it("finds a RUN step that names the path, or its folder and its name", () => {
    const model = readDockerfile(
      "FROM a\nRUN curl -L -o /usr/local/bin/tool https://example.com/t\nRUN cd /darwin && curl -O https://example.com/kubectl\n",
      "Dockerfile",
    );
    expect(runStepFor(model, "/usr/local/bin/tool")?.line).toBe(2);
    expect(runStepFor(model, "/darwin/kubectl")?.line).toBe(3);
    expect(runStepFor(model, "/linux/kubectl")).toBeUndefined();
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

  it("matches wildcards per path segment", () => {
    expect(matchContext(extension, "bin/*-amd64/hello*").sort()).toEqual([
      "bin/darwin-amd64/hello",
      "bin/linux-amd64/hello",
      "bin/windows-amd64/hello.exe",
    ]);
  });

  it("lists the sources of every stage that it lacks", () => {
    const model = readDockerfile(
      "FROM a AS b\nCOPY nope /x\nFROM c\nCOPY docker.svg /\nCOPY --from=b /x /y\nADD https://example.com/a /a\n",
      "Dockerfile",
    );
    expect(missingSources(model, extension)).toEqual([{ source: "nope", line: 2 }]);
  });
});

import { describe, expect, it } from "vitest";
import { readCopy } from "./copy-instruction.ts";
import { dockerfileLabels } from "./dockerfile-labels.ts";
import { inheritedSteps, readDockerfile } from "./dockerfile-model.ts";
import { machinePlatform } from "./build-platform.ts";

function labelValues(text: string, buildArgs?: Map<string, string>): Record<string, string> {
  const labels = dockerfileLabels(readDockerfile(text, "Dockerfile", buildArgs));
  return Object.fromEntries([...labels.labels].map(([name, { value }]) => [name, value]));
}

describe("readDockerfile variable scopes", () => {
  it("takes a global ARG's value in a stage only when the stage re-declares it", () => {
    const text = "ARG V=1\nFROM a\nLABEL before=${V:-unset}\nARG V\nLABEL after=$V\n";
    expect(labelValues(text)).toEqual({ before: "unset", after: "1" });
  });

  it("lets --build-arg override an ARG's default, in the stage and before FROM", () => {
    const text = "ARG BASE=alpine\nFROM $BASE\nARG V=1\nLABEL v=$V\n";
    expect(labelValues(text, new Map([["V", "2"]]))).toEqual({ v: "2" });
    expect(readDockerfile(text, "Dockerfile", new Map([["BASE", "debian"]])).stages[0]?.base).toBe("debian");
  });

  it("ignores a --build-arg no ARG declares, as docker build does", () => {
    expect(labelValues("FROM a\nLABEL v=${V:-none}\n", new Map([["V", "2"]]))).toEqual({ v: "none" });
  });

  it("lets ENV win over an ARG of the same name, and sees values as of each line", () => {
    const text = "FROM a\nARG X=arg\nENV X=env Y=$X\nARG X=later\nLABEL x=$X y=$Y\n";
    expect(labelValues(text)).toEqual({ x: "env", y: "arg" });
  });

  it("resolves BuildKit's platform ARGs only where a stage declares them", () => {
    const model = readDockerfile(
      "FROM --platform=$BUILDPLATFORM a AS one\nARG TARGETARCH\nLABEL arch=$TARGETARCH\nFROM b\nLABEL arch=${TARGETARCH:-none}\n",
      "Dockerfile",
    );
    expect(model.stages.map((stage) => stage.platform)).toEqual(["$BUILDPLATFORM", undefined]);
    // This machine's platform by default, as docker build without --platform.
    expect(labelValues("FROM a\nARG TARGETARCH\nLABEL arch=$TARGETARCH\n")).toEqual({
      arch: machinePlatform().split("/")[1],
    });
    const arm = readDockerfile(
      "FROM a\nARG TARGETARCH\nLABEL arch=$TARGETARCH\n",
      "Dockerfile",
      new Map(),
      "linux/arm64",
    );
    expect(dockerfileLabels(arm).labels.get("arch")?.value).toBe("arm64");
    expect(labelValues("FROM a\nARG TARGETARCH\nLABEL arch=$TARGETARCH\n", new Map([["TARGETARCH", "arm64"]]))).toEqual(
      { arch: "arm64" },
    );
    expect(labelValues("FROM a\nLABEL arch=${TARGETARCH:-none}\n")).toEqual({ arch: "none" });
  });

  it("inherits ENV, labels and WORKDIR from the stage named in FROM", () => {
    const model = readDockerfile(
      "FROM a AS base\nENV E=1\nWORKDIR /app\nLABEL l=$E\nFROM base\nCOPY x y\n",
      "Dockerfile",
    );
    const final = model.stages[1];
    expect(final?.parent).toBe(model.stages[0]);
    expect(labelValues("FROM a AS base\nENV E=1\nLABEL l=$E\nFROM base\nLABEL m=$E\n")).toEqual({ l: "1", m: "1" });
    const copy = final === undefined ? undefined : readCopy(inheritedSteps(final).at(-1)!, "\\");
    expect(copy?.dest).toBe("/app/y");
  });
});

describe("readCopy", () => {
  const copy = (line: string, prefix = "FROM a\n") => {
    const step = readDockerfile(`${prefix}${line}\n`, "Dockerfile").stages.at(-1)?.steps.at(-1);
    return step === undefined ? undefined : readCopy(step, "\\");
  };

  it("reads flags, several sources and a folder destination", () => {
    expect(copy("COPY --from=build --chmod=755 a b /dest/")).toMatchObject({
      from: "build",
      sources: ["a", "b"],
      dest: "/dest",
      destIsDir: true,
    });
  });

  it("keeps spaces in the exec form and substitutes its variables", () => {
    expect(copy('COPY ["my file", "${D}/x y"]', "FROM a\nARG D=/opt\n")).toMatchObject({
      sources: ["my file"],
      dest: "/opt/x y",
      destIsDir: false,
    });
  });

  it("resolves a relative destination against WORKDIR, and . as that folder", () => {
    expect(copy("COPY a .", "FROM a\nWORKDIR /srv\nWORKDIR app\n")).toMatchObject({
      dest: "/srv/app",
      destIsDir: true,
    });
  });

  it("reads here-documents as files", () => {
    expect(copy('COPY <<EOF /metadata.json\n{"ui": {}}\nEOF')).toMatchObject({
      heredocs: ["EOF"],
      sources: [],
      dest: "/metadata.json",
    });
  });

  it("ignores instructions that are not COPY or ADD, and COPY without a destination", () => {
    expect(copy("RUN echo")).toBeUndefined();
    expect(copy("COPY onlyone")).toBeUndefined();
  });
});

import { describe, expect, it } from "vitest";
import { dockerfileLimitFindings } from "./dockerfile-limits.ts";
import { readDockerfile } from "./dockerfile-model.ts";
import { MAX_DOCKERFILE_INSTRUCTIONS, MAX_EXPANDED_LENGTH } from "./input-limits.ts";

describe("Dockerfile model limits", () => {
  it("cuts an ARG that doubles on every line at MAX_EXPANDED_LENGTH and reports it once, at its first line past the cap", () => {
    const text = `FROM alpine\nARG A=xx\n${"ARG A=$A$A\n".repeat(40)}LABEL a=$A\n`;
    const model = readDockerfile(text, "Dockerfile");
    const label = model.stages[0]?.steps.at(-1);
    expect(label?.scope.lookup("A")?.length).toBe(MAX_EXPANDED_LENGTH);
    const findings = dockerfileLimitFindings(model);
    expect(findings).toHaveLength(1);
    // xx doubles to 2^16 = 65536 characters on the 15th ARG A=$A$A, line 17, and past the cap on line 18.
    expect(findings[0]).toMatchObject({ severity: "error", path: "Dockerfile:18" });
    expect(findings[0]?.message).toMatch(/^A expands to more than 65536 characters/);
  });

  it("leaves values empty once all ARG and ENV values pass MAX_EXPANDED_TOTAL, so memory stays bounded", () => {
    const text = `FROM alpine\nARG A=xx\n${"ARG A=$A$A\n".repeat(20)}${Array.from({ length: 100 }, (_, index) => `ENV V${index}=$A`).join("\n")}\n`;
    const model = readDockerfile(text, "Dockerfile");
    const end = model.stages[0]?.endScope;
    expect(end?.lookup("V0")?.length).toBe(MAX_EXPANDED_LENGTH);
    expect(end?.lookup("V99")).toBe("");
    expect(dockerfileLimitFindings(model).some((finding) => /left it empty/.test(finding.message))).toBe(true);
  });

  it("follows MAX_DOCKERFILE_INSTRUCTIONS instructions and says from which line the rest went unchecked", () => {
    const text = `FROM alpine\n${"ENV A=1\n".repeat(MAX_DOCKERFILE_INSTRUCTIONS + 10)}`;
    const model = readDockerfile(text, "Dockerfile");
    expect(model.stages[0]?.steps).toHaveLength(MAX_DOCKERFILE_INSTRUCTIONS - 1);
    const findings = dockerfileLimitFindings(model);
    expect(findings.map((finding) => finding.path)).toEqual([`Dockerfile:${MAX_DOCKERFILE_INSTRUCTIONS + 1}`]);
    expect(findings[0]?.message).toMatch(/11 more instructions/);
  });

  it("names a Dockerfile's variables in linear time: 4000 ARG lines took dockerfile-ast's getVariables seconds", () => {
    const text = `FROM alpine\n${"ARG A=$A$B\n".repeat(4000)}`;
    const started = performance.now();
    const model = readDockerfile(text, "Dockerfile");
    expect(performance.now() - started).toBeLessThan(2000);
    expect([...model.referencedVariables].sort()).toEqual(["A", "B"]);
    expect(model.stages[0]?.steps[0]?.variables).toEqual([
      { name: "A", line: 2 },
      { name: "B", line: 2 },
    ]);
  });
});

import { describe, expect, it } from "vitest";
import { dockerfileLabels } from "./dockerfile-labels.ts";
import { readDockerfile } from "./dockerfile-model.ts";
import { LABELS, REQUIRED_LABELS } from "./extension-labels.ts";
import { formatLabelBlock, quoteLabelValue, suggestLabels } from "./label-block.ts";
import { validateLabels } from "./validate-labels.ts";

function parseBlock(block: string) {
  return dockerfileLabels(readDockerfile(`FROM scratch\n${block}`, "Dockerfile"));
}

describe("quoteLabelValue", () => {
  it.each([
    "plain",
    'with "quotes"',
    "a $VAR that stays literal",
    "back\\slash",
    '[{"alt":"x","url":"https://e.com/a.png"}]',
    "line\nbreak",
  ])("round-trips %j through the Dockerfile parser", (value) => {
    const labels = parseBlock(`LABEL x=${quoteLabelValue(value)}\n`);
    expect(labels.labels.get("x")?.value).toBe(value.replace("\n", "\\n"));
    expect(labels.findings).toEqual([]);
  });
});

describe("suggestLabels", () => {
  it("fills every required label and categories with placeholders that validation refuses", () => {
    const lines = suggestLabels({});
    expect(lines.map((line) => line.name)).toEqual([...REQUIRED_LABELS, LABELS.categories]);
    const findings = validateLabels(parseBlock(formatLabelBlock(lines)));
    // The API range has a working default; every other label still needs the author.
    expect(findings).toHaveLength(REQUIRED_LABELS.length);
    expect(findings.every((finding) => finding.message.includes("placeholder"))).toBe(true);
  });

  it("keeps the Dockerfile's own values as written, variables included", () => {
    const existing = parseBlock(
      'ARG ICON=https://e.com/i.svg\nLABEL com.docker.desktop.extension.icon="${ICON}" org.opencontainers.image.title="Mine"\n',
    ).all;
    const block = formatLabelBlock(
      suggestLabels({ existing, metadata: { ui: { "dashboard-tab": { title: "Tab" } } } }),
    );
    expect(block).toContain('com.docker.desktop.extension.icon="${ICON}" \\\n');
    expect(block).toContain('org.opencontainers.image.title="Mine"');
  });

  it("takes the title and vendor from metadata: the tab title, or a legacy name and provider", () => {
    const fromTab = suggestLabels({ metadata: { ui: { "dashboard-tab": { title: "Disk usage" } } } });
    expect(fromTab.find((line) => line.name === LABELS.title)?.raw).toBe('"Disk usage"');
    const legacy = suggestLabels({ metadata: { name: "volumes-share", provider: "Docker Inc." } });
    expect(legacy.slice(0, 3).map((line) => line.raw)).toEqual([
      '"volumes-share"',
      '"<fill in: one sentence about what it does>"',
      '"Docker Inc."',
    ]);
  });

  it("prints one LABEL instruction with aligned continuation lines", () => {
    expect(
      formatLabelBlock([
        { name: "a", raw: '"1"' },
        { name: "b", raw: '"2"' },
      ]),
    ).toBe('LABEL a="1" \\\n      b="2"\n');
    expect(formatLabelBlock([])).toBe("");
  });
});

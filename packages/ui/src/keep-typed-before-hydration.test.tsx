import { act, useState } from "react";
import { createRoot, hydrateRoot } from "react-dom/client";
import { renderToString } from "react-dom/server";
import { describe, expect, it, vi } from "vitest";
import { domContainers } from "./testing/dom-containers.ts";
import { TextInput } from "./text-input.tsx";
import type { JSX } from "react";

function NameForm({ multiline, onChange }: { multiline?: boolean; onChange?: (text: string) => void }): JSX.Element {
  const [name, setName] = useState("");
  const [greeted, setGreeted] = useState<string>();
  return (
    <form>
      <TextInput
        label="Your name"
        value={name}
        multiline={multiline}
        onChange={(event) => {
          onChange?.(event.target.value);
          setName(event.target.value);
        }}
      />
      <button type="button" onClick={() => setGreeted(`Hello, ${name === "" ? "world" : name}!`)}>
        Greet
      </button>
      <output>{greeted}</output>
    </form>
  );
}

const container = domContainers();

async function greet(root: HTMLElement): Promise<string | null | undefined> {
  await act(async () => {
    root.querySelector("button")?.click();
    await Promise.resolve();
  });
  return root.querySelector("output")?.textContent;
}

describe.each([
  ["a text box", false],
  ["a multi-line text box", true],
])("TextInput as %s, prerendered", (_kind, multiline) => {
  it("keeps what was typed before React hydrated it, on screen and in the component's state", async () => {
    const root = container(renderToString(<NameForm multiline={multiline} />));
    const field = root.querySelector<HTMLInputElement | HTMLTextAreaElement>("input, textarea");
    if (field === null) throw new Error("no text box in the prerendered form");
    field.value = "Moby"; // typed while the tab's script was still loading
    await act(async () => {
      hydrateRoot(root, <NameForm multiline={multiline} />);
      await Promise.resolve();
    });
    expect(await greet(root)).toBe("Hello, Moby!");
    // The render the click caused left the text alone.
    expect(field.value).toBe("Moby");
  });

  it("reports nothing when nothing was typed before hydration", async () => {
    const onChange = vi.fn();
    const root = container(renderToString(<NameForm multiline={multiline} />));
    await act(async () => {
      hydrateRoot(root, <NameForm multiline={multiline} onChange={onChange} />);
      await Promise.resolve();
    });
    expect(onChange).not.toHaveBeenCalled();
    expect(await greet(root)).toBe("Hello, world!");
  });
});

describe("TextInput rendered from scratch", () => {
  it("reports nothing on mount", async () => {
    const onChange = vi.fn();
    const root = container();
    await act(async () => {
      createRoot(root).render(<NameForm onChange={onChange} />);
      await Promise.resolve();
    });
    expect(onChange).not.toHaveBeenCalled();
  });
});

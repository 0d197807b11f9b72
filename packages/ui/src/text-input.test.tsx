import { cleanup, fireEvent, screen } from "@testing-library/react";
import { useState } from "react";
import { afterEach, describe, expect, it } from "vitest";
import { colorSchemes } from "./testing/color-scheme.ts";
import { renderThemed } from "./testing/render-themed.tsx";
import { TextInput } from "./text-input.tsx";
import type { JSX } from "react";

afterEach(cleanup);

function Controlled(props: { multiline?: boolean }): JSX.Element {
  const [value, setValue] = useState("");
  return (
    <>
      <TextInput
        label="Your name"
        value={value}
        onChange={(event) => setValue(event.target.value)}
        placeholder="world"
        helperText="Shown in the greeting"
        multiline={props.multiline}
      />
      <output>{value}</output>
    </>
  );
}

describe.each(colorSchemes)("TextInput in %s", (scheme) => {
  it("is a text box named by its label and described by its helper text", () => {
    renderThemed(scheme, <Controlled />);
    const box = screen.getByRole("textbox", { name: "Your name" });
    expect(box.getAttribute("placeholder")).toBe("world");
    const describedBy = box.getAttribute("aria-describedby");
    expect(describedBy).not.toBeNull();
    expect(document.getElementById(describedBy ?? "")?.textContent).toBe("Shown in the greeting");
  });

  it("hands what the user types to onChange", () => {
    renderThemed(scheme, <Controlled />);
    fireEvent.change(screen.getByRole("textbox", { name: "Your name" }), { target: { value: "Ada" } });
    expect(screen.getByRole("status").textContent).toBe("Ada");
  });

  it("is a textarea when multiline, and passes attributes to the native element", () => {
    renderThemed(
      scheme,
      <TextInput
        label="Note"
        multiline
        minRows={2}
        value=""
        onChange={() => {}}
        inputProps={{ maxLength: 20, spellCheck: false }}
      />,
    );
    const box = screen.getByRole("textbox", { name: "Note" });
    expect(box.tagName).toBe("TEXTAREA");
    expect(box.getAttribute("maxlength")).toBe("20");
    expect(box.getAttribute("spellcheck")).toBe("false");
  });

  it("marks a required or invalid input for assistive technology", () => {
    renderThemed(
      scheme,
      <TextInput label="Image" required error helperText="must not be empty" value="" onChange={() => {}} />,
    );
    const box = screen.getByRole("textbox", { name: /Image/ });
    expect(box.hasAttribute("required")).toBe(true);
    expect(box.getAttribute("aria-invalid")).toBe("true");
  });

  it("keeps two inputs' ids apart without being given any", () => {
    renderThemed(
      scheme,
      <>
        <TextInput label="First" value="" onChange={() => {}} />
        <TextInput label="Second" value="" onChange={() => {}} />
      </>,
    );
    const first = screen.getByRole("textbox", { name: "First" });
    const second = screen.getByRole("textbox", { name: "Second" });
    expect(first.id).not.toBe(second.id);
  });
});

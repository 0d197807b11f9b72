import { useEffect, useRef } from "react";
import type { RefCallback } from "react";

type TextField = HTMLInputElement | HTMLTextAreaElement;

/**
 * Text typed into a prerendered input before React hydrated it is on screen but not in the
 * component's state: React keeps the page's text when it hydrates, and its next render would put
 * the state's value back, losing it. Once mounted, a controlled input whose text differs from its
 * `value` reports that text through its own `onChange`, as if it had been typed just now. Nothing
 * happens for an input rendered from scratch (its text is its value) or an uncontrolled one.
 *
 * Returns the ref to give the native input.
 */
export function useKeepTypedBeforeHydration(value: unknown): RefCallback<TextField> {
  const node = useRef<TextField | null>(null);
  const mountedValue = useRef(value);
  useEffect(() => {
    const field = node.current;
    const mounted = mountedValue.current;
    // A controlled text box holds a string (or a number); anything else is not ours to reconcile.
    if (field === null || (typeof mounted !== "string" && typeof mounted !== "number")) return;
    const expected = String(mounted);
    const typed = field.value;
    if (typed === expected) return;
    const prototype = field instanceof HTMLTextAreaElement ? HTMLTextAreaElement.prototype : HTMLInputElement.prototype;
    // React watches `value` on the element itself to tell a real change from its own writes: set the
    // state's value through it, put the typed text back past it (the prototype's own setter), and
    // the input event is then a change to React.
    field.value = expected;
    Reflect.set(prototype, "value", typed, field);
    field.dispatchEvent(new Event("input", { bubbles: true }));
  }, []);
  return (element) => {
    node.current = element;
  };
}

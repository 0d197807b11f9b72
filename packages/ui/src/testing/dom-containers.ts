import { afterEach, beforeEach, vi } from "vitest";

/**
 * For tests that render into elements of their own (renderToString's HTML to hydrate, a root to
 * create): each call of the returned function appends one to the document, and every one is
 * removed after each test. React's act() environment is on meanwhile, as Testing Library sets it
 * for its own renders, so React expects its updates inside act().
 */
export function domContainers(): (html?: string) => HTMLElement {
  const made: HTMLElement[] = [];
  beforeEach(() => {
    vi.stubGlobal("IS_REACT_ACT_ENVIRONMENT", true);
  });
  afterEach(() => {
    vi.unstubAllGlobals();
    for (const element of made.splice(0)) element.remove();
  });
  return (html = "") => {
    const element = document.createElement("div");
    element.innerHTML = html;
    document.body.append(element);
    made.push(element);
    return element;
  };
}

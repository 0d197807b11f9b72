import { cleanup, fireEvent, render, screen } from "@testing-library/react";
import type { JSX } from "react";
import { afterEach, describe, expect, it, vi } from "vitest";
import { ErrorBoundary } from "./error-boundary.tsx";
import { lazyView } from "./lazy-view.tsx";

afterEach(cleanup);

function Greeting({ name }: { readonly name: string }): JSX.Element {
  return <p>hello {name}</p>;
}

describe("lazyView", () => {
  it("fetches nothing until the view is first rendered", () => {
    const load = vi.fn(() => Promise.resolve(Greeting));
    lazyView(load);
    expect(load).not.toHaveBeenCalled();
  });

  it("shows the fallback while the code loads, then the view with its props", async () => {
    let finish: (view: typeof Greeting) => void = () => undefined;
    const View = lazyView(() => new Promise<typeof Greeting>((resolve) => (finish = resolve)), <p>loading</p>);
    render(<View name="world" />);
    expect(screen.getByText("loading")).toBeDefined();

    finish(Greeting);
    expect(await screen.findByText("hello world")).toBeDefined();
    expect(screen.queryByText("loading")).toBeNull();
  });

  it("fetches once, however often it is preloaded and rendered", async () => {
    const load = vi.fn(() => Promise.resolve(Greeting));
    const View = lazyView(load);
    await View.preload();
    await View.preload();
    render(
      <>
        <View name="a" />
        <View name="b" />
      </>,
    );
    expect(await screen.findByText("hello b")).toBeDefined();
    expect(screen.getByText("hello a")).toBeDefined();
    expect(load).toHaveBeenCalledOnce();
  });

  it("tries again after a preload that failed, as a chunk fetch on a flaky network can", async () => {
    const load = vi.fn().mockRejectedValueOnce(new Error("chunk fetch failed")).mockResolvedValue(Greeting);
    const View = lazyView<{ name: string }>(load);
    await expect(View.preload()).rejects.toThrow("chunk fetch failed");
    render(<View name="again" />);
    expect(await screen.findByText("hello again")).toBeDefined();
    expect(load).toHaveBeenCalledTimes(2);
  });

  it("shows a failed fetch where the view would be, and fetches again on Try again", async () => {
    // React reports every caught render error on the console; the boundary is the point here.
    vi.spyOn(console, "error").mockImplementation(() => undefined);
    const load = vi
      .fn()
      .mockRejectedValueOnce(new TypeError("Failed to fetch dynamically imported module"))
      .mockResolvedValue(Greeting);
    const View = lazyView<{ name: string }>(load);
    render(
      <>
        <p>the rest of the tab</p>
        <View name="again" />
      </>,
    );
    expect((await screen.findByRole("alert")).textContent).toContain("could not be loaded");
    expect(screen.getByText("the rest of the tab")).toBeDefined();

    fireEvent.click(screen.getByRole("button", { name: "Try again" }));
    expect(await screen.findByText("hello again")).toBeDefined();
    expect(screen.queryByRole("alert")).toBeNull();
    expect(load).toHaveBeenCalledTimes(2);
  });

  it("leaves an error the view throws while rendering to the boundary above it", async () => {
    vi.spyOn(console, "error").mockImplementation(() => undefined);
    function Broken(): JSX.Element {
      throw new Error("view bug");
    }
    const View = lazyView(() => Promise.resolve(Broken));
    render(
      <ErrorBoundary fallback={(error) => <p>outer boundary: {error.message}</p>}>
        <View />
      </ErrorBoundary>,
    );
    expect(await screen.findByText("outer boundary: view bug")).toBeDefined();
  });
});

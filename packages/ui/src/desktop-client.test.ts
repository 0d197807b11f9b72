import { afterEach, describe, expect, it } from "vitest";
import { detectDesktopClient, getDesktopClient, requireDesktopClient } from "./desktop-client.ts";
import { OutsideDesktopError, outsideDesktopReason } from "./errors.ts";
import { createFakeDesktopClient, installFakeDesktopClient } from "./testing/index.ts";

function catchError(run: () => unknown): unknown {
  try {
    run();
  } catch (error) {
    return error;
  }
  return undefined;
}

let uninstall = (): void => undefined;
afterEach(() => {
  uninstall();
});

describe("outside Docker Desktop (no window.ddClient)", () => {
  it("getDesktopClient returns undefined", () => {
    expect(getDesktopClient()).toBeUndefined();
  });

  it("detectDesktopClient explains, in plain words, where the page runs and how to run it", () => {
    const state = detectDesktopClient();

    expect(state).toEqual({ insideDesktop: false, client: undefined, reason: outsideDesktopReason });
    expect(outsideDesktopReason).toMatch(/running outside Docker Desktop/);
    expect(outsideDesktopReason).toMatch(/window\.ddClient/);
    expect(outsideDesktopReason).toMatch(/in Docker Desktop, or run it in the dext local host/);
  });

  it("requireDesktopClient throws OutsideDesktopError with code outside_desktop and that reason", () => {
    const thrown = catchError(() => requireDesktopClient());

    expect(thrown).toBeInstanceOf(OutsideDesktopError);
    expect(thrown).toMatchObject({
      name: "OutsideDesktopError",
      code: "outside_desktop",
      message: outsideDesktopReason,
    });
  });

  it("treats a null ddClient as absent", () => {
    Reflect.set(window, "ddClient", null);
    uninstall = () => Reflect.deleteProperty(window, "ddClient");

    expect(getDesktopClient()).toBeUndefined();
    expect(detectDesktopClient().insideDesktop).toBe(false);
  });
});

describe("inside Docker Desktop (window.ddClient injected)", () => {
  it("returns the injected client from every accessor", () => {
    const client = createFakeDesktopClient();
    uninstall = installFakeDesktopClient(window, client);

    expect(getDesktopClient()).toBe(client);
    expect(requireDesktopClient()).toBe(client);
    expect(detectDesktopClient()).toEqual({ insideDesktop: true, client });
  });

  it("takes the client through Docker's createDockerDesktopClient, as Docker's samples do", async () => {
    const client = createFakeDesktopClient();
    uninstall = installFakeDesktopClient(window, client);
    const { createDockerDesktopClient } = await import("@docker/extension-api-client");

    expect(getDesktopClient()).toBe(createDockerDesktopClient());
  });

  it("treats a global that cannot be a client as absent", () => {
    Reflect.set(window, "ddClient", "not a client");
    uninstall = () => Reflect.deleteProperty(window, "ddClient");

    expect(getDesktopClient()).toBeUndefined();
  });
});

// @vitest-environment node
/// <reference types="node" />
// prerenderFirstView() fails a build it cannot prerender truthfully, and says why.
import react from "@vitejs/plugin-react";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { preactCompat, prerenderFirstView } from "./index.js";
import { pageBuilder } from "./testing/build-page.ts";
import type { PageBuilder } from "./testing/build-page.ts";

const mainSource = `import { mountExtension } from "@dext/ui"; import { App } from "./app.tsx"; mountExtension(<App />);`;

// Each case is a real Vite build with its server renderer: seconds when idle, more on a loaded machine.
describe("prerenderFirstView", { timeout: 90_000 }, () => {
  let pages: PageBuilder;
  beforeAll(async () => {
    pages = await pageBuilder();
  });
  afterAll(async () => {
    await pages.remove();
  });

  it("fails the build when the first view calls Desktop while rendering, naming the call", async () => {
    const app = `import { useDesktopClient } from "@dext/ui";
      export function App() { const desktop = useDesktopClient(); if (desktop.insideDesktop) desktop.client.desktopUI.toast.success("hi"); return <p>hi</p>; }`;
    await expect(
      pages.buildApp("calls-desktop", mainSource, [react(), prerenderFirstView({ app: "app.tsx" })], {
        "app.tsx": app,
      }),
    ).rejects.toThrow(/ddClient\.desktopUI\.toast\.success\(\) was called while the first view was prerendered/);
  });

  it("fails the build when the app module has no such component", async () => {
    await expect(
      pages.buildApp(
        "no-component",
        mainSource,
        [react(), prerenderFirstView({ app: "app.tsx", exportName: "Main" })],
        {
          "app.tsx": "export function App() { return null; }",
        },
      ),
    ).rejects.toThrow(/app\.tsx exports no component named Main/);
  });

  it("refuses to be combined with preactCompat(), which would hydrate React's markup with Preact", async () => {
    await expect(
      pages.buildApp("with-preact", mainSource, [react(), preactCompat(), prerenderFirstView({ app: "app.tsx" })], {
        "app.tsx": "export function App() { return <p>hi</p>; }",
      }),
    ).rejects.toThrow(/use one of them, not both/);
  });
});

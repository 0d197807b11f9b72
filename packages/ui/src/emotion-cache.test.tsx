// @vitest-environment node
import { CacheProvider } from "@emotion/react";
import { Button } from "@mui/material";
import { renderToString } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { createEmotionCache } from "./emotion-cache.ts";

describe("createEmotionCache", () => {
  it("writes MUI's styles without stylis' vendor-prefixed copies, which Desktop's Chromium does not need", () => {
    const html = renderToString(
      <CacheProvider value={createEmotionCache()}>
        <Button variant="contained">Run check</Button>
      </CacheProvider>,
    );
    expect(html).toContain("display:inline-flex");
    expect(html).not.toContain("-webkit-inline-box");
  });
});

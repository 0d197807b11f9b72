import type { CSSProperties } from "react";

/** Read by screen readers, not shown: for what colour alone says on screen. */
export const visuallyHidden: CSSProperties = {
  border: 0,
  clipPath: "inset(50%)",
  height: 1,
  margin: -1,
  overflow: "hidden",
  padding: 0,
  position: "absolute",
  whiteSpace: "nowrap",
  width: 1,
};

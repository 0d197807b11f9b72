import { Box, Button, Stack, Typography, useTheme } from "@mui/material";
import { useLayoutEffect, useMemo, useRef, useState } from "react";
import type { JSX } from "react";
import { parseAnsi } from "./ansi.ts";
import type { AnsiSegment, AnsiStyle } from "./ansi.ts";
import { ansiStyleCss } from "./ansi-palette.ts";
import { copyText } from "./copy-text.ts";
import { outputText } from "./output-lines.ts";
import type { OutputLine, OutputStream } from "./output-lines.ts";
import { visuallyHidden } from "./visually-hidden.ts";

export interface ExecOutputProps {
  /** From `useExecStream(...).lines` or `useExec(...).outcome?.lines`. */
  readonly lines: readonly OutputLine[];
  /** Names the output for screen readers and the Copy button, e.g. "Output of kubectl version". */
  readonly label: string;
  /** Lines dropped before these (`useExecStream(...).droppedLines`), said at the top. */
  readonly droppedLines?: number;
  /** Height of the scrolling area; default 320px. */
  readonly maxHeight?: number | string;
  /** Shown while there are no lines; default "No output yet." */
  readonly emptyText?: string;
}

// How close to the bottom (px) still counts as "at the end", so sub-pixel scroll positions and
// a half-visible last line do not stop following.
const tailSlack = 24;

type Parsed = { segments: AnsiSegment[]; end: AnsiStyle };

// Lines never change once made, so each is parsed once. Colours may carry over to the next line
// of the same stream, hence the previous line's end style as the start.
function useParsedLines(lines: readonly OutputLine[]): Parsed[] {
  const cache = useRef(new WeakMap<OutputLine, Parsed>());
  return useMemo(() => {
    const last: Partial<Record<OutputStream, AnsiStyle>> = {};
    return lines.map((line) => {
      let parsed = cache.current.get(line);
      if (parsed === undefined) {
        parsed = parseAnsi(line.text, last[line.stream]);
        cache.current.set(line, parsed);
      }
      last[line.stream] = parsed.end;
      return parsed;
    });
  }, [lines]);
}

/**
 * A command's output: monospace, ANSI colours rendered, stderr lines marked in the theme's error
 * colour (and named for screen readers), following the newest line until the user scrolls up,
 * with a button that copies the plain text.
 */
export function ExecOutput({
  lines,
  label,
  droppedLines = 0,
  maxHeight = 320,
  emptyText = "No output yet.",
}: ExecOutputProps): JSX.Element {
  const theme = useTheme();
  const mode = theme.palette.mode;
  const parsed = useParsedLines(lines);
  const box = useRef<HTMLPreElement>(null);
  const [following, setFollowing] = useState(true);
  const [copied, setCopied] = useState<string>("");

  useLayoutEffect(() => {
    const element = box.current;
    if (following && element !== null) element.scrollTop = element.scrollHeight;
  }, [lines, following]);

  const onScroll = () => {
    const element = box.current;
    if (element === null) return;
    setFollowing(element.scrollHeight - element.scrollTop - element.clientHeight <= tailSlack);
  };

  const copy = () => {
    void copyText(outputText(lines)).then((ok) =>
      setCopied(
        ok ? `Copied ${String(lines.length)} ${lines.length === 1 ? "line" : "lines"}` : "Could not copy the output",
      ),
    );
  };

  return (
    <Stack spacing={0.5}>
      <Stack direction="row" spacing={1} sx={{ alignItems: "center", justifyContent: "flex-end" }}>
        <Typography variant="caption" color="text.secondary" role="status" sx={{ flexGrow: 1 }}>
          {copied}
        </Typography>
        {!following && (
          <Button size="small" onClick={() => setFollowing(true)}>
            Follow output
          </Button>
        )}
        <Button size="small" onClick={copy} disabled={lines.length === 0} aria-label={`Copy ${label}`}>
          Copy
        </Button>
      </Stack>
      <Box
        component="pre"
        ref={box}
        role="log"
        aria-label={label}
        // A command can print thousands of lines: announcing each would drown a screen reader.
        aria-live="off"
        // Scrollable, so it must be reachable by keyboard to be scrolled with the arrow keys.
        tabIndex={0}
        onScroll={onScroll}
        sx={{
          "--dext-output-fg": theme.palette.text.primary,
          "--dext-output-bg": theme.palette.background.paper,
          m: 0,
          p: 1,
          maxHeight,
          overflow: "auto",
          fontFamily: 'ui-monospace, SFMono-Regular, Menlo, Consolas, "Liberation Mono", monospace',
          fontSize: 12,
          lineHeight: 1.5,
          whiteSpace: "pre-wrap",
          wordBreak: "break-all",
          color: "var(--dext-output-fg)",
          bgcolor: "var(--dext-output-bg)",
          border: 1,
          borderColor: "divider",
          borderRadius: 1,
          "&:focus-visible": { outline: 2, outlineStyle: "solid", outlineColor: "primary.main", outlineOffset: 1 },
          // error.main is below 4.5:1 on Docker's dark surface; the lighter (or, in light mode, darker) shade reads.
          "& [data-stream=stderr]": {
            color: mode === "dark" ? "error.light" : "error.dark",
            borderLeft: 3,
            borderColor: "error.main",
            pl: 0.75,
            ml: -1,
          },
          "& [data-stream=stdout]": { pl: 0 },
        }}
      >
        {droppedLines > 0 && <Box sx={{ color: "text.secondary" }}>… {droppedLines} earlier lines not kept</Box>}
        {lines.length === 0 && <Box sx={{ color: "text.secondary" }}>{emptyText}</Box>}
        {lines.map((line, index) => (
          <div key={line.id} data-stream={line.stream}>
            {line.stream === "stderr" && <span style={visuallyHidden}>stderr: </span>}
            {parsed[index]?.segments.map((segment, at) => (
              <span key={at} style={ansiStyleCss(segment.style, mode)}>
                {segment.text}
              </span>
            ))}
            {/* Keeps an empty line one line high. */}
            {line.text === "" && "\u200b"}
          </div>
        ))}
      </Box>
    </Stack>
  );
}

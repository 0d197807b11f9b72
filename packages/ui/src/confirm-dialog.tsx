import type { JSX, ReactNode } from "react";
import { lazyView } from "./lazy-view.tsx";

export interface ConfirmDialogProps {
  readonly open: boolean;
  /** The question, e.g. "Delete volume data?". */
  readonly title: string;
  /** What will happen, in plain words. */
  readonly children?: ReactNode;
  /** The confirming button's label: the action, e.g. "Delete" (default "Confirm"). */
  readonly confirmLabel?: string;
  readonly cancelLabel?: string;
  /** Paints the confirming button in the error colour, for what cannot be undone. */
  readonly destructive?: boolean;
  /** While true, both buttons are disabled and the confirming one says it is working. */
  readonly busy?: boolean;
  readonly onConfirm: () => void;
  /** Also called on Escape and on a click outside the dialog. */
  readonly onCancel: () => void;
}

// MUI's Dialog brings Modal, a focus trap, portals and transitions: none of it is needed before a
// dialog first opens, so it is loaded then, not with the first view.
const ConfirmDialogView = lazyView(() =>
  import("./confirm-dialog-view.tsx").then((module) => module.ConfirmDialogView),
);

/**
 * Asks before doing something that matters. Focus moves to Cancel, the safe choice; Escape
 * cancels; focus returns to where it was when the dialog closes.
 */
export function ConfirmDialog(props: ConfirmDialogProps): JSX.Element | null {
  if (!props.open) return null;
  return <ConfirmDialogView {...props} />;
}

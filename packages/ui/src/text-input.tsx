import { FormControl, FormHelperText, InputLabel, OutlinedInput } from "@mui/material";
import { useId } from "react";
import { useKeepTypedBeforeHydration } from "./keep-typed-before-hydration.ts";
import type { OutlinedInputProps, SxProps, Theme } from "@mui/material";
import type { JSX, ReactNode } from "react";

export interface TextInputProps extends Omit<
  OutlinedInputProps,
  "label" | "sx" | "size" | "error" | "fullWidth" | "required" | "disabled"
> {
  /** The visible label, also the input's accessible name. */
  readonly label: string;
  /** A line under the input, tied to it with aria-describedby. */
  readonly helperText?: ReactNode;
  readonly error?: boolean;
  readonly fullWidth?: boolean;
  readonly required?: boolean;
  readonly disabled?: boolean;
  readonly size?: "small" | "medium";
  /** Styles for the whole control (label, input and helper text). */
  readonly sx?: SxProps<Theme>;
}

/**
 * A labelled outlined text input, looking and behaving like MUI's `TextField` (single or
 * `multiline`). MUI's `TextField` always imports its `select` mode (Select, Menu, Popover, Modal,
 * a focus trap): about 14 KB gzip the first view pays for on every tab open, for a text box.
 */
export function TextInput({
  label,
  helperText,
  id,
  error,
  fullWidth,
  required,
  disabled,
  size,
  sx,
  inputRef,
  ...input
}: TextInputProps): JSX.Element {
  const generatedId = useId();
  const keepTyped = useKeepTypedBeforeHydration(input.value);
  const inputId = id ?? generatedId;
  const helperId = helperText === undefined ? undefined : `${inputId}-helper-text`;
  return (
    <FormControl
      variant="outlined"
      error={error}
      fullWidth={fullWidth}
      required={required}
      disabled={disabled}
      size={size}
      sx={sx}
    >
      <InputLabel htmlFor={inputId}>{label}</InputLabel>
      {/* The outline's notch is sized from this label, asterisk included, as TextField does. */}
      <OutlinedInput
        id={inputId}
        label={required === true ? `${label} *` : label}
        aria-describedby={helperId}
        {...input}
        inputRef={(element: HTMLInputElement | HTMLTextAreaElement | null) => {
          keepTyped(element);
          if (typeof inputRef === "function") inputRef(element);
          else if (inputRef != null) (inputRef as { current: unknown }).current = element;
        }}
      />
      {helperText !== undefined && <FormHelperText id={helperId}>{helperText}</FormHelperText>}
    </FormControl>
  );
}

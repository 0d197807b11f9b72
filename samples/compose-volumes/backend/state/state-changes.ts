import type { State } from "../../shared/state.ts";

// Pure changes of the state, applied by the store one at a time.

export function withPin(state: State, volume: string, pinned: boolean): State {
  const others = state.pinned.filter((name) => name !== volume);
  return { ...state, pinned: pinned ? [...others, volume] : others };
}

/** An empty (or blank) note removes the volume's note. */
export function withNote(state: State, volume: string, note: string): State {
  const others = Object.entries(state.notes).filter(([name]) => name !== volume);
  return { ...state, notes: Object.fromEntries(note.trim() === "" ? others : [...others, [volume, note]]) };
}

// The writer the kill -9 test kills: opens the store in argv[2], then saves note after note for the
// volume argv[3] ("1", "2", ...), several in flight at once, and prints `ack <n>` on stdout once
// note n is saved. A line the parent has read is an acknowledged write: it must survive the kill.
import { withNote, withPin } from "../state/state-changes.ts";
import { openStateStore } from "../state/state-store.ts";

const [dir, volume] = process.argv.slice(2);
if (dir === undefined || volume === undefined) throw new Error("usage: state-writer <dir> <volume>");
const store = await openStateStore(dir);
await store.update((state) => withPin(state, volume, true));
process.stdout.write("ready\n");

let next = 0;
const writeOne = async (): Promise<void> => {
  const value = ++next;
  await store.update((state) => withNote(state, volume, String(value)));
  process.stdout.write(`ack ${value}\n`);
};
// Three writes queued at any time: the store's queue, not the caller, keeps them in order.
for (;;) await Promise.all([writeOne(), writeOne(), writeOne()]);

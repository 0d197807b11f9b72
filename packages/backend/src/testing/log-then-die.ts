// A process that logs through the default destination (fd 1) and dies at once, as a crash or an
// OOM kill would end it: `LINES` lines, then SIGKILL, so nothing runs after the last call.
import { createLogger } from "../logger.ts";

const logger = createLogger({ name: "dying" });
const count = Number(process.env.LINES ?? 100);
for (let index = 0; index < count; index++) logger.info("line", { index });
process.kill(process.pid, "SIGKILL");

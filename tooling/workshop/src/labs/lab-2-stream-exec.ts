import { posix } from "node:path";
import { landingAt } from "@dext/metadata";
import { extensionImage, isExecutableMode } from "../extension-image.ts";
import { runScript } from "../run-script.ts";
import { findInUi, reachableUiSources } from "../ui-sources.ts";
import type { Lab, LabContext } from "../lab.ts";

async function checkScript({ files, problems }: LabContext): Promise<void> {
  if (!(await files.exists("ticks.sh"))) {
    problems.add("ticks.sh", "missing: a script that prints `tick <i> of <n>` once a second (`ticks.sh [count]`)");
    return;
  }
  if (!(await files.executable("ticks.sh"))) {
    problems.add("ticks.sh", "not executable: `chmod +x ticks.sh` (Desktop runs it directly, and so does this check)");
    return;
  }
  const counted = await runScript(files.path("ticks.sh"), ["2"], files.dir);
  if (counted.exitCode !== 0 || counted.stdout !== "tick 1 of 2\ntick 2 of 2\n") {
    problems.add(
      "ticks.sh",
      `\`ticks.sh 2\` printed ${JSON.stringify(counted.stdout)} and exited ${String(counted.exitCode)}; expected "tick 1 of 2\\ntick 2 of 2\\n" and 0`,
    );
  } else if (counted.firstOutputMs === undefined || counted.exitMs - counted.firstOutputMs < 500) {
    // Streaming only shows something if the script writes before it ends.
    problems.add(
      "ticks.sh",
      `\`ticks.sh 2\` printed its first line ${String(counted.firstOutputMs)} ms in and exited at ${String(counted.exitMs)} ms; each line should come out a second apart, as it is counted`,
    );
  }
  const refused = await runScript(files.path("ticks.sh"), ["lots"], files.dir);
  if (refused.exitCode !== 2 || refused.stderr.trim() === "" || refused.stdout !== "") {
    problems.add(
      "ticks.sh",
      `\`ticks.sh lots\` exited ${String(refused.exitCode)} with stderr ${JSON.stringify(refused.stderr.trim())}; expected exit 2, a message on stderr and nothing on stdout`,
    );
  }
}

async function checkImage({ files, problems }: LabContext): Promise<void> {
  const image = await extensionImage(files);
  const landed = image === undefined ? undefined : landingAt(image.entries, "/ticks.sh")?.entry;
  const isTicks = landed !== undefined && (landed.kind === "dir" || posix.basename(landed.source) === "ticks.sh");
  if (!isTicks || !isExecutableMode(landed.mode)) {
    problems.add(
      "Dockerfile",
      "the final stage does not copy ticks.sh to /ticks.sh with an executable mode: add `COPY --chmod=0755 samples/<name>/ticks.sh /ticks.sh` next to hello.sh's",
    );
  }
}

async function checkUi({ files, problems }: LabContext): Promise<void> {
  const ui = await reachableUiSources(files);
  const streamed = findInUi(ui, /useExecStream\(\s*["']vm["']/);
  if (streamed === undefined) {
    problems.add(
      "ui/src",
      'no file the tab loads uses `useExecStream("vm", client)` (useExec would show nothing until the script ends)',
    );
    return;
  }
  const where = streamed.file;
  if (!/\.start\(\s*["'](?:\.\/|\/)?ticks\.sh["']/.test(streamed.text))
    problems.add(where, 'nothing starts the script: `start("./ticks.sh", ["10"])` on a click');
  if (!/<ExecOutput\b[^>]*\blines=\{/.test(streamed.text))
    problems.add(where, 'the lines are not shown: `<ExecOutput label="Output of ticks.sh" lines={ticks.lines} />`');
  if (!/\.close\b/.test(streamed.text)) problems.add(where, "no way to stop it: a Stop button calling `close()`");
}

export const lab2: Lab = {
  number: 2,
  title: "Stream exec output",
  proves:
    "ticks.sh prints a line a second and refuses a bad count with exit 2; the image copies it executable; the tab streams it with useExecStream into ExecOutput and can stop it",
  async check(context) {
    await checkScript(context);
    await checkImage(context);
    await checkUi(context);
  },
};

/**
 * Last-resort cleanup for processes the helpers spawn: when the test process exits without having called their
 * stop() (a crashed worker, a forgotten afterAll), SIGKILL them so no server or mock broker outlives the run.
 */
const targets = new Set<number>();
let installed = false;

function killAll(): void {
  for (const target of targets) {
    try {
      process.kill(target, "SIGKILL");
    } catch {
      // already gone
    }
  }
  targets.clear();
}

/**
 * Registers a process (or, with `group: true`, the process group it leads) to be killed when this process exits.
 * Returns a function that unregisters it; call it once the process has been stopped normally.
 */
export function killOnExit(options: { pid: number; group?: boolean }): () => void {
  const target = options.group ? -options.pid : options.pid;
  if (!installed) {
    installed = true;
    process.once("exit", killAll);
  }
  targets.add(target);
  return () => {
    targets.delete(target);
  };
}

import { closeSync, mkdirSync, openSync, readFileSync, rmSync, writeSync } from "node:fs";
import { hostname } from "node:os";
import { join } from "node:path";

const LOCK_FILE = "ketenportaal.lock";

export class DataDirLockedError extends Error {
  constructor(
    readonly dataDir: string,
    readonly holder: LockHolder,
  ) {
    super(
      `DATA_DIR ${dataDir} is in use by process ${holder.pid} (${holder.command}) on ${holder.host} since ${holder.since}. ` +
        "The embedded database serves one process at a time: stop that process first, or set DATABASE_URL to use PostgreSQL.",
    );
    this.name = "DataDirLockedError";
  }
}

type LockHolder = { pid: number; host: string; command: string; since: string };

export type DataDirLock = { release: () => void };

/**
 * PGlite has no lock of its own: two processes on one directory silently lose each other's writes.
 * The lock file names its holder; a lock left by a dead process on this host is taken over.
 */
export function lockDataDir(options: { dataDir: string; command?: string }): DataDirLock {
  mkdirSync(options.dataDir, { recursive: true });
  const path = join(options.dataDir, LOCK_FILE);
  const me: LockHolder = {
    pid: process.pid,
    host: hostname(),
    command: options.command ?? process.argv.slice(1).join(" "),
    since: new Date().toISOString(),
  };
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const fd = openSync(path, "wx", 0o600);
      writeSync(fd, JSON.stringify(me));
      closeSync(fd);
      let released = false;
      const release = () => {
        if (released) return;
        released = true;
        process.off("exit", release);
        rmSync(path, { force: true });
      };
      process.on("exit", release);
      return { release };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
      const holder = readHolder(path);
      if (holder && isAlive(holder)) throw new DataDirLockedError(options.dataDir, holder);
      rmSync(path, { force: true });
    }
  }
  throw new Error(`Could not lock DATA_DIR ${options.dataDir}: another process keeps taking the lock.`);
}

function readHolder(path: string): LockHolder | undefined {
  try {
    return JSON.parse(readFileSync(path, "utf8")) as LockHolder;
  } catch {
    return undefined;
  }
}

function isAlive(holder: LockHolder): boolean {
  // A lock from another host (a shared volume) cannot be checked: treat it as held.
  if (holder.host !== hostname()) return true;
  if (holder.pid === process.pid) return true;
  try {
    process.kill(holder.pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

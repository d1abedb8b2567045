import { type ChildProcess, spawn } from "node:child_process";
import { accessSync, constants } from "node:fs";
import { mkdtemp, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { delimiter, join } from "node:path";
import { getChildBaseEnv, supportEnv } from "./env";
import { killOnExit } from "./kill-on-exit";

export type KafkaMockHandle = {
  /** Bootstrap addresses (host:port) of the mock brokers, for kafkajs's `brokers`. */
  brokers: string[];
  /** Kills kcat (and its process group) and deletes its debug log. Idempotent. */
  stop: () => Promise<void>;
};

const BOOTSTRAP_PATTERN = /replaced with ([^\s]+)\r?\n/;

function isExecutable(path: string): boolean {
  try {
    accessSync(path, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

/** Path of the kcat binary (KCAT_BIN, else found on PATH); throws with a clear message when it is missing. */
export function kcatBinary(): string {
  const hint = "run scripts/ensure-system-deps.sh (installs Debian's kcat)";
  if (supportEnv.KCAT_BIN !== undefined) {
    if (isExecutable(supportEnv.KCAT_BIN)) return supportEnv.KCAT_BIN;
    throw new Error(`KCAT_BIN=${supportEnv.KCAT_BIN} is not an executable file; ${hint}`);
  }
  for (const dir of supportEnv.PATH.split(delimiter)) {
    if (dir === "") continue;
    const candidate = join(dir, "kcat");
    if (isExecutable(candidate)) return candidate;
  }
  throw new Error(`kcat not found on PATH; ${hint}`);
}

function waitForExit(child: ChildProcess, timeoutMs: number): Promise<boolean> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve(true);
  return new Promise((resolve) => {
    const timer = setTimeout(() => resolve(false), timeoutMs);
    child.once("exit", () => {
      clearTimeout(timer);
      resolve(true);
    });
  });
}

function signalGroup(pid: number, signal: NodeJS.Signals): void {
  try {
    process.kill(-pid, signal);
  } catch {
    // group already gone
  }
}

async function readTail(file: string, chars: number): Promise<string> {
  try {
    const content = await readFile(file, "utf8");
    return content.slice(-chars);
  } catch {
    return "";
  }
}

/**
 * Starts librdkafka's mock Kafka cluster in a kcat process and returns its bootstrap addresses.
 *
 * kcat runs in its own process group under a small sh watchdog that kills it when this process goes away (the
 * watchdog waits on a pipe from us). kcat's debug output, which carries the bootstrap list and keeps growing
 * (~70 KB/min), goes to a temp file that stop() deletes.
 *
 * Limits of the mock: no idempotent producer, no admin.createTopics, no transactions; use
 * `allowAutoTopicCreation: true` (auto-created topics get 4 partitions). A consumer group join takes ~3 s.
 */
export async function startKafkaMock(options: { brokers?: number; timeoutMs?: number } = {}): Promise<KafkaMockHandle> {
  const brokerCount = options.brokers ?? 3;
  const timeoutMs = options.timeoutMs ?? 15_000;
  if (!Number.isInteger(brokerCount) || brokerCount < 1) {
    throw new Error(`startKafkaMock: brokers must be a positive integer, got ${brokerCount}`);
  }
  const kcat = kcatBinary();
  const dir = await mkdtemp(join(tmpdir(), "kp-kafka-mock-"));
  const logFile = join(dir, "kcat-debug.log");

  // $0 = kcat, $1 = debug log, $2 = broker count, $3 = temp dir. The watchdog `read` returns when our end of stdin
  // closes (stop(), or this process dying in any way), then kills kcat and removes the temp dir.
  const script = [
    '"$0" -b unused:9092 -X test.mock.num.brokers="$2" -d mock -C -t __keepalive >/dev/null 2>"$1" &',
    "kcat_pid=$!",
    "read -r _ignored",
    'kill "$kcat_pid" 2>/dev/null',
    'wait "$kcat_pid" 2>/dev/null',
    'rm -rf "$3"',
  ].join("\n");
  const child = spawn("/bin/sh", ["-c", script, kcat, logFile, String(brokerCount), dir], {
    detached: true,
    stdio: ["pipe", "ignore", "pipe"],
    env: getChildBaseEnv(),
  });
  if (child.pid === undefined) {
    await rm(dir, { recursive: true, force: true });
    throw new Error(`startKafkaMock: could not spawn /bin/sh for ${kcat}`);
  }
  const pid = child.pid;
  const unregister = killOnExit({ pid, group: true });
  child.stdin?.on("error", () => {});
  let shellErrors = "";
  child.stderr?.setEncoding("utf8").on("data", (chunk: string) => {
    shellErrors = (shellErrors + chunk).slice(-2000);
  });

  let stopping: Promise<void> | undefined;
  const stop = () => {
    stopping ??= (async () => {
      signalGroup(pid, "SIGTERM");
      if (!(await waitForExit(child, 3000))) {
        signalGroup(pid, "SIGKILL");
        await waitForExit(child, 3000);
      }
      // kcat is the group's other member; make sure it is gone too before deleting its log.
      signalGroup(pid, "SIGKILL");
      child.stdin?.destroy();
      unregister();
      await rm(dir, { recursive: true, force: true });
    })();
    return stopping;
  };

  const deadline = Date.now() + timeoutMs;
  try {
    for (;;) {
      const head = await readFile(logFile, "utf8").catch(() => "");
      const match = BOOTSTRAP_PATTERN.exec(head);
      if (match?.[1]) {
        const brokers = match[1].split(",").filter((address) => address !== "");
        if (brokers.length !== brokerCount) {
          throw new Error(`expected ${brokerCount} mock brokers, kcat reported ${match[1]}`);
        }
        return { brokers, stop };
      }
      if (child.exitCode !== null || child.signalCode !== null) {
        throw new Error(`kcat exited before the mock cluster was up (${child.exitCode ?? child.signalCode})`);
      }
      if (Date.now() > deadline) {
        throw new Error(`no "replaced with <bootstrap list>" line in kcat's debug output after ${timeoutMs} ms`);
      }
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  } catch (error) {
    const output = `${await readTail(logFile, 2000)}${shellErrors}`.trim();
    await stop();
    throw new Error(
      `startKafkaMock: ${(error as Error).message}${output ? `\n--- kcat output (tail) ---\n${output}` : ""}`,
    );
  }
}

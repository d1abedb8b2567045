import { serializeErrorForLog } from "@ketenportaal/db";
import pino from "pino";

export type Logger = pino.Logger;

/** JSON logs. Secrets and personal data never belong in a log line; these paths are dropped if they slip in. */
export function createLogger(options: { level: string }): Logger {
  return pino({
    level: options.level,
    base: { service: "ketenportaal-server" },
    timestamp: pino.stdTimeFunctions.isoTime,
    serializers: { err: serializeErrorForLog },
    redact: {
      paths: [
        "req.headers.cookie",
        "req.headers.authorization",
        "headers.cookie",
        "headers.authorization",
        "password",
        "*.password",
        "token",
        "*.token",
      ],
      censor: "[redacted]",
    },
  });
}

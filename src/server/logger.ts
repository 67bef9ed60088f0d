import pino from "pino";
import { config } from "./config";
import { processSingleton } from "./shared";

export type Logger = pino.Logger;

export function logger(): Logger {
  return processSingleton("logger", () =>
    pino({
      level: config().logLevel,
      base: { pid: process.pid },
      timestamp: pino.stdTimeFunctions.isoTime,
      formatters: { level: (label) => ({ level: label }) },
    }),
  );
}

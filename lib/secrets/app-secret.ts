// The app secret that keys encryption at rest: STEWARD_SECRET, or (so `npm start` needs no setup)
// a random one generated once into STEWARD_DATA_DIR/secret with mode 0600. Several instances on one
// database must share it: set STEWARD_SECRET on all of them.
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, resolve } from "node:path";
import { randomBytes } from "node:crypto";
import { getEnv } from "@/lib/env";

export interface AppSecret {
  value: Buffer;
  source: "STEWARD_SECRET" | "data-dir";
  /** The generated file, when the secret came from one. */
  file?: string;
}

let cached: AppSecret | undefined;

function isErrno(error: unknown, code: string): boolean {
  return error instanceof Error && (error as NodeJS.ErrnoException).code === code;
}

/** Reads the secret file, creating it (exclusively, so racing processes agree) when missing. */
export function readOrCreateSecretFile(file: string): Buffer {
  try {
    return readFileSync(file);
  } catch (error) {
    if (!isErrno(error, "ENOENT")) throw new Error(`Cannot read the app secret ${file}: ${(error as Error).message}`);
  }
  mkdirSync(dirname(file), { recursive: true });
  try {
    writeFileSync(file, randomBytes(32).toString("hex"), { flag: "wx", mode: 0o600 });
  } catch (error) {
    if (!isErrno(error, "EEXIST")) throw new Error(`Cannot create the app secret ${file}: ${(error as Error).message}`);
  }
  return readFileSync(file);
}

/** Tests that change STEWARD_SECRET: the next getAppSecret() reads it again. */
export function resetAppSecretCache(): void {
  cached = undefined;
}

export function getAppSecret(): AppSecret {
  if (cached) return cached;
  const env = getEnv();
  if (env.STEWARD_SECRET) {
    cached = { value: Buffer.from(env.STEWARD_SECRET, "utf8"), source: "STEWARD_SECRET" };
  } else {
    const file = resolve(env.STEWARD_DATA_DIR, "secret");
    cached = { value: readOrCreateSecretFile(file), source: "data-dir", file };
  }
  return cached;
}

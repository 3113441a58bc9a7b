// One process per embedded data directory: PGlite is a single in-process Postgres, and two
// processes writing the same pgdata would corrupt it. The lock file holds the owner's pid.
import { linkSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";

export type DataDirLock = { path: string; release(): void };

/** Creates `dataDir` if needed and fails with a readable message when it cannot be used. */
export function ensureWritableDir(dataDir: string): string {
  try {
    mkdirSync(dataDir, { recursive: true });
    const probe = join(dataDir, `.write-test-${process.pid}`);
    writeFileSync(probe, "");
    rmSync(probe);
    return dataDir;
  } catch (error) {
    throw new Error(`STEWARD_DATA_DIR ${dataDir} is not writable: ${errorText(error)}`);
  }
}

/** Takes `<dataDir>/steward.lock`; a lock left by a dead process is taken over. */
export function lockDataDir(dataDir: string): DataDirLock {
  const path = join(dataDir, "steward.lock");
  for (let attempt = 0; attempt < 5; attempt++) {
    if (tryCreateLock(path)) return { path, release: () => releaseLock(path) };
    const holder = readPid(path);
    if (holder !== undefined && isAlive(holder)) throw inUseError(dataDir, path, holder);
    takeOverStaleLock(path, holder);
  }
  throw new Error(`Could not take the lock ${path}: it keeps changing hands.`);
}

// Write to a private file, then hard-link it into place: the lock appears atomically with its pid
// already inside, so no other process ever reads a half-written (empty) lock.
function tryCreateLock(path: string): boolean {
  const temp = `${path}.${process.pid}.tmp`;
  writeFileSync(temp, `${process.pid}\n`);
  try {
    linkSync(temp, path);
    return true;
  } catch (error) {
    if (isErrno(error, "EEXIST")) return false;
    throw error;
  } finally {
    rmSync(temp, { force: true });
  }
}

// Move the stale file aside first (only one contender's rename succeeds); if what we moved is not
// the lock we judged stale, someone else took it over meanwhile, so put it back.
function takeOverStaleLock(path: string, stalePid: number | undefined): void {
  const aside = `${path}.stale.${process.pid}`;
  try {
    renameSync(path, aside);
  } catch (error) {
    if (isErrno(error, "ENOENT")) return;
    throw error;
  }
  const moved = readPid(aside);
  if (moved !== stalePid && moved !== undefined && isAlive(moved)) {
    renameSync(aside, path);
    return;
  }
  rmSync(aside, { force: true });
}

function releaseLock(path: string): void {
  if (readPid(path) === process.pid) rmSync(path, { force: true });
}

function readPid(path: string): number | undefined {
  try {
    const pid = Number.parseInt(readFileSync(path, "utf8").trim(), 10);
    return Number.isInteger(pid) && pid > 0 ? pid : undefined;
  } catch {
    return undefined;
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return isErrno(error, "EPERM"); // exists, but belongs to another user
  }
}

function inUseError(dataDir: string, lockPath: string, pid: number): Error {
  return new Error(
    `The embedded database directory ${dataDir} is in use by process ${pid}. ` +
      "Only one steward server may use an embedded data directory at a time; to run several " +
      "instances, point them all at one PostgreSQL server with DATABASE_URL. " +
      `If process ${pid} is not steward, delete ${lockPath} and start again.`,
  );
}

function isErrno(error: unknown, code: string): boolean {
  return error instanceof Error && "code" in error && error.code === code;
}

function errorText(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

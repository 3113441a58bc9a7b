// The one module that touches @prisma/schema-engine-wasm: Prisma's migration engine compiled to
// WebAssembly, so migrations need no native binary download. It is an internal interface of
// Prisma, pinned in package.json to the exact build the CLI bundles; the migrations tests guard it.
import { readFile } from "node:fs/promises";
import { createRequire } from "node:module";
import pg from "pg";
import { PrismaPg } from "@prisma/adapter-pg";
import { bindMigrationAwareSqlAdapterFactory, type ErrorRegistry } from "@prisma/driver-adapter-utils";
import * as bindings from "@prisma/schema-engine-wasm/schema_engine_bg";
import type { MigrationList, SchemaEngine, SchemaFilter } from "@prisma/schema-engine-wasm/schema_engine_bg";

export type { MigrationList, SchemaEngine };
export type EngineOptions = {
  /** The engine connects on creation (it reads the server version), even for pure datamodel diffs. */
  connectionString: string;
  log?: (line: string) => void;
};

export const NO_FILTER: SchemaFilter = { externalTables: [], externalEnums: [] };

let loading: Promise<void> | undefined;

// The package's main entry does `import * as wasm from "./schema_engine_bg.wasm"`, which Node
// refuses; so instantiate the .wasm ourselves with its JS glue as the import module.
function loadEngine(): Promise<void> {
  loading ??= (async () => {
    installPanicRegistry();
    const gluePath = createRequire(import.meta.url).resolve("@prisma/schema-engine-wasm/schema_engine_bg");
    const bytes = await readFile(gluePath.replace(/\.js$/, ".wasm"));
    const imports = { "./schema_engine_bg.js": withUnrefTimers(bindings as unknown as WebAssembly.ModuleImports) };
    const { instance } = await WebAssembly.instantiate(bytes, imports);
    bindings.__wbg_set_wasm(instance.exports);
    const start = instance.exports.__wbindgen_start;
    if (typeof start === "function") start();
  })();
  return loading;
}

// The engine races each advisory-lock wait against a 10 s timer it never clears, which kept every
// script alive 10 s after its work; unref'd timers still fire, they just don't hold the process.
function withUnrefTimers(glue: WebAssembly.ModuleImports): WebAssembly.ModuleImports {
  const patched: WebAssembly.ModuleImports = { ...glue };
  for (const [name, value] of Object.entries(glue)) {
    if (!name.startsWith("__wbg_setTimeout_") || typeof value !== "function") continue;
    patched[name] = (...args: unknown[]): unknown => {
      const timer: unknown = Reflect.apply(value, undefined, args);
      if (typeof timer === "object" && timer !== null && "unref" in timer && typeof timer.unref === "function")
        timer.unref();
      return timer;
    };
  }
  return patched;
}

// The glue reports Rust panics to `global.PRISMA_WASM_PANIC_REGISTRY` (the CLI installs one);
// without it a panic surfaces as an unrelated TypeError.
function installPanicRegistry(): void {
  const holder = globalThis as { PRISMA_WASM_PANIC_REGISTRY?: { set_message(message: string): void } };
  holder.PRISMA_WASM_PANIC_REGISTRY ??= {
    set_message: (message: string) => console.error(`schema engine panic: ${message}`),
  };
}

/** Runs `work` with a fresh engine and closes the engine and its database pool afterwards. */
export async function withSchemaEngine<T>(
  options: EngineOptions,
  work: (engine: SchemaEngine) => Promise<T>,
): Promise<T> {
  await loadEngine();
  const pool = new pg.Pool({ connectionString: options.connectionString, max: 2 });
  pool.on("error", () => undefined); // an idle connection dropped by the server is not our failure
  const factory = bindMigrationAwareSqlAdapterFactory(new PrismaPg(pool));
  const log = options.log;
  try {
    const engine = await bindings.SchemaEngine.new({ datamodels: undefined }, (line: string) => log?.(line), factory);
    try {
      return await work(engine);
    } finally {
      engine.free();
    }
  } catch (error) {
    throw explainError(error, factory.errorRegistry);
  } finally {
    await pool.end();
  }
}

// Driver errors cross the wasm boundary as "External error id#N"; the original (e.g. a pg
// connection error) waits in the adapter's registry.
function explainError(error: unknown, registry: ErrorRegistry): unknown {
  const id = error instanceof Error ? /External error id#(\d+)/.exec(error.message)?.[1] : undefined;
  const original = id === undefined ? undefined : registry.consumeError(Number(id))?.error;
  if (original === undefined) return error;
  return original instanceof Error
    ? original
    : new Error(`schema engine: ${JSON.stringify(original)}`, { cause: error });
}

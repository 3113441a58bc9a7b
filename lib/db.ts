// The one PrismaClient, built on the pg driver adapter (Prisma 7 has no native query engine).
// Created on first use so that importing this module never needs a database (e.g. `next build`).
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "@/lib/generated/prisma/client";
import { getEnv } from "@/lib/env";

export function createPrismaClient(connectionString: string, max = getEnv().DATABASE_POOL_SIZE): PrismaClient {
  const adapter = new PrismaPg({ connectionString, max });
  return new PrismaClient({
    adapter,
    omit: { user: { passwordHash: true } },
    // Prisma's defaults (2 s to get a connection, 5 s to finish) turn a burst of work on a busy
    // machine (an alert storm, a backfill beside the page traffic) into failed writes; wait longer.
    transactionOptions: { maxWait: 10_000, timeout: 20_000 },
  });
}

export function getDatabaseUrl(): string {
  const url = getEnv().DATABASE_URL;
  if (!url) {
    throw new Error("DATABASE_URL is not set: start steward with `npm start`, which provides the embedded database.");
  }
  return url;
}

const globalForDb = globalThis as unknown as { stewardDb?: PrismaClient };

function getClient(): PrismaClient {
  globalForDb.stewardDb ??= createPrismaClient(getDatabaseUrl());
  return globalForDb.stewardDb;
}

export const db: PrismaClient = new Proxy({} as PrismaClient, {
  get(_target, property) {
    const client = getClient();
    const value: unknown = Reflect.get(client, property);
    return typeof value === "function" ? value.bind(client) : value;
  },
});

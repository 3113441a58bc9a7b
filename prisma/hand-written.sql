-- SQL Prisma cannot express; each statement is also at the end of the migration that introduced it.
-- The drift test (lib/migrations/migrations.test.ts) applies this file after the schema script.

-- One open incident per dedup key (health target): concurrent alert handlers cannot open two.
CREATE UNIQUE INDEX "Incident_open_dedupKey_key" ON "Incident"("dedupKey") WHERE "resolvedAt" IS NULL AND "dedupKey" IS NOT NULL;

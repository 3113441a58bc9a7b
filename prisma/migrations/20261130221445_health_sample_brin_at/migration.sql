-- DropIndex
DROP INDEX "HealthSample_at_idx";

-- CreateIndex
CREATE INDEX "HealthSample_at_idx" ON "HealthSample" USING BRIN ("at");

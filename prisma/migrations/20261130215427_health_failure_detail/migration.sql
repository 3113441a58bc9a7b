-- AlterTable
ALTER TABLE "HealthSample" ADD COLUMN     "failureDetail" TEXT;

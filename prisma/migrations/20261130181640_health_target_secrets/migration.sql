-- AlterTable
ALTER TABLE "HealthTarget" ADD COLUMN     "secrets" TEXT;

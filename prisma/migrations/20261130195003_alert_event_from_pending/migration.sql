-- AlterTable
ALTER TABLE "AlertEvent" ALTER COLUMN "from" DROP NOT NULL;

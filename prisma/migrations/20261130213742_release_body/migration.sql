-- AlterTable
ALTER TABLE "GithubRelease" ADD COLUMN     "body" TEXT;

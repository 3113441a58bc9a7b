-- AlterTable
ALTER TABLE "GithubItem" ADD COLUMN     "contentHash" TEXT;

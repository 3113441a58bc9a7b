-- CreateTable
CREATE TABLE "GithubCredential" (
    "id" TEXT NOT NULL,
    "ciphertext" TEXT NOT NULL,
    "keyId" TEXT NOT NULL,
    "login" TEXT,
    "updatedBy" TEXT,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "GithubCredential_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "MetricsItemWindow" (
    "key" TEXT NOT NULL,
    "start" TIMESTAMPTZ(3) NOT NULL,
    "end" TIMESTAMPTZ(3) NOT NULL,
    "repoIds" UUID[],
    "values" JSONB NOT NULL,
    "storedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "MetricsItemWindow_pkey" PRIMARY KEY ("key","start","end")
);

-- CreateTable
CREATE TABLE "MetricsItemVersion" (
    "repoId" UUID NOT NULL,
    "version" BIGINT NOT NULL DEFAULT 0,

    CONSTRAINT "MetricsItemVersion_pkey" PRIMARY KEY ("repoId")
);

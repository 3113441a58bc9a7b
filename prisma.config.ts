// Read by the Prisma CLI only (generate, and migrate for users with internet access).
// steward itself migrates through lib/migrations, which needs no download.
import { defineConfig } from "prisma/config";

export default defineConfig({
  schema: "prisma/schema.prisma",
  migrations: { path: "prisma/migrations" },
  datasource: { url: process.env.DATABASE_URL ?? "postgresql://localhost:5432/steward" },
});

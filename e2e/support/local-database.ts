// The end-to-end suite's throwaway database: `<database>_e2e` on the local PostgreSQL of DATABASE_URL.
import { recreateLocalDatabase } from "@/lib/testing/local-database";

export function recreateE2eDatabase(url: string): Promise<string> {
  return recreateLocalDatabase(url, "e2e", "end-to-end tests");
}

// A comparable description of a database's `public` schema, read from the catalogs. Used to check
// that the migrations and prisma/schema.prisma describe the same schema (no drift) without
// introspection through the schema engine (which fails under the wasm build) or pg_dump.
import pg from "pg";

export type Catalog = Record<string, unknown[]>;

const QUERIES: Record<string, string> = {
  tables: `SELECT c.relname AS name, c.relkind AS kind FROM pg_class c
    WHERE c.relnamespace = 'public'::regnamespace AND c.relkind IN ('r', 'p', 'v', 'm', 'S', 'f')
      AND c.relname NOT LIKE '\\_prisma\\_migrations%' ORDER BY 1`,
  columns: `SELECT table_name, column_name, data_type, udt_name, is_nullable, column_default,
      character_maximum_length, numeric_precision, numeric_scale, datetime_precision, is_identity, is_generated
    FROM information_schema.columns WHERE table_schema = 'public' AND table_name <> '_prisma_migrations'
    ORDER BY 1, 2`, // by name, not position: ADD COLUMN appends, and column order is not schema
  indexes: `SELECT tablename, indexname, indexdef FROM pg_indexes
    WHERE schemaname = 'public' AND tablename <> '_prisma_migrations' ORDER BY 1, 2`,
  constraints: `SELECT conrelid::regclass::text AS "table", conname, contype, pg_get_constraintdef(oid) AS definition
    FROM pg_constraint WHERE connamespace = 'public'::regnamespace AND conrelid <> COALESCE(to_regclass('public._prisma_migrations'), 0)
    ORDER BY 1, 2`,
  enums: `SELECT t.typname AS name, array_agg(e.enumlabel ORDER BY e.enumsortorder) AS labels
    FROM pg_type t JOIN pg_enum e ON e.enumtypid = t.oid WHERE t.typnamespace = 'public'::regnamespace
    GROUP BY 1 ORDER BY 1`,
  sequences: `SELECT sequence_name, data_type, start_value, increment FROM information_schema.sequences
    WHERE sequence_schema = 'public' ORDER BY 1`,
};

export async function readCatalog(connectionString: string): Promise<Catalog> {
  const client = new pg.Client({ connectionString });
  await client.connect();
  try {
    const catalog: Catalog = {};
    for (const [name, sql] of Object.entries(QUERIES)) catalog[name] = (await client.query(sql)).rows;
    return catalog;
  } finally {
    await client.end();
  }
}

// COPY … FROM STDIN with node-postgres alone (what pg-copy-streams does, without adding it): a
// "submittable" query that answers the server's CopyInResponse with the data, then CopyDone.
import type pg from "pg";

type CopyConnection = { query(text: string): void; sendCopyFromChunk(chunk: Buffer): void; endCopyFrom(): void };

/** Runs `sql` (a COPY … FROM STDIN) sending `chunks`; resolves with the number of rows copied. */
export function copyFrom(client: pg.Client, sql: string, chunks: Buffer[]): Promise<number> {
  return new Promise((resolve, reject) => {
    let rows = 0;
    let failure: Error | null = null;
    const submittable = {
      submit: (connection: CopyConnection) => connection.query(sql),
      handleCopyInResponse: (connection: CopyConnection) => {
        for (const chunk of chunks) connection.sendCopyFromChunk(chunk);
        connection.endCopyFrom();
      },
      handleCommandComplete: (message: { text: string }) => {
        rows = Number(/^COPY (\d+)/.exec(message.text)?.[1] ?? 0);
      },
      handleError: (error: Error) => {
        failure = error;
      },
      handleReadyForQuery: () => (failure ? reject(failure) : resolve(rows)),
      handleRowDescription: () => undefined,
      handleDataRow: () => undefined,
      handleEmptyQuery: () => undefined,
      handlePortalSuspended: () => undefined,
      handleCopyData: () => undefined,
    };
    client.query(submittable as unknown as pg.QueryConfig);
  });
}

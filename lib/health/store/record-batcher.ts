// Check results recorded together: results that finish within a few milliseconds of each other go
// into one transaction (recordBatchIn: a fixed number of statements however many targets), so at
// thousands of targets the database does one transaction per batch, not one per check. A batch
// that fails is retried target by target, so one bad target cannot lose the others' results.
// At most `maxWrites` batches are written at once (group commit: results arriving meanwhile wait
// and go together), so a burst of results never takes more of the 10-connection pool than that —
// the scheduler's claims and the incident rules keep theirs.
import { db } from "@/lib/db";
import {
  recordBatchIn,
  recordObservations,
  type RecordableTarget,
  type RecordSummary,
  type TargetObservations,
} from "./record";

type Waiting = {
  target: RecordableTarget;
  obs: TargetObservations;
  resolve: (s: RecordSummary) => void;
  reject: (e: unknown) => void;
};

export class RecordBatcher {
  private waiting: Waiting[] = [];
  private timer: NodeJS.Timeout | null = null;
  private writing = 0;

  constructor(
    private readonly maxWaitMs = 50,
    private readonly maxBatch = 200,
    private readonly maxWrites = 2,
  ) {}

  record(target: RecordableTarget, obs: TargetObservations): Promise<RecordSummary> {
    return new Promise((resolve, reject) => {
      this.waiting.push({ target, obs, resolve, reject });
      if (this.waiting.length >= this.maxBatch) this.flush();
      else this.timer ??= setTimeout(() => this.flush(), this.maxWaitMs);
    });
  }

  private flush(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    if (this.writing >= this.maxWrites) return; // the next write to finish flushes what waits
    const all = this.waiting;
    this.waiting = [];
    // One entry per target per transaction; a second result for the same target waits for the next.
    const seen = new Set<string>();
    const batch = all.filter((w) => !seen.has(w.target.id) && seen.add(w.target.id));
    const inBatch = new Set(batch);
    const later = all.filter((w) => !inBatch.has(w));
    if (later.length > 0) {
      this.waiting.push(...later);
      this.timer = setTimeout(() => this.flush(), this.maxWaitMs);
    }
    this.writing += 1;
    void this.write(batch).finally(() => {
      this.writing -= 1;
      if (this.waiting.length > 0 && !this.timer) this.flush();
    });
  }

  private async write(batch: Waiting[]): Promise<void> {
    try {
      const summaries = await db.$transaction((tx) => recordBatchIn(tx, batch), { timeout: 30_000, maxWait: 30_000 });
      batch.forEach((w, i) => w.resolve(summaries[i]!));
    } catch {
      for (const w of batch) await recordObservations(w.target, w.obs).then(w.resolve, w.reject);
    }
  }
}

// Check results recorded together: results that finish within a few milliseconds of each other go
// into one transaction (recordBatchIn: a fixed number of statements however many targets), so at
// thousands of targets the database does one transaction per batch, not one per check. A batch
// that fails is retried target by target, so one bad target cannot lose the others' results.
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

  constructor(
    private readonly maxWaitMs = 20,
    private readonly maxBatch = 200,
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
    const all = this.waiting;
    this.waiting = [];
    // One entry per target per transaction; a second result for the same target waits for the next.
    const seen = new Set<string>();
    const batch = all.filter((w) => !seen.has(w.target.id) && seen.add(w.target.id));
    const later = all.filter((w) => !batch.includes(w));
    if (later.length > 0) {
      this.waiting.push(...later);
      this.timer = setTimeout(() => this.flush(), this.maxWaitMs);
    }
    void this.write(batch);
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

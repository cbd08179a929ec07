// Turns findings into alarm transitions (pure state machine, no I/O, no clock of its own):
//   idle ──violated──▶ pending ──violated, evidence ≥ confirmMs after the first──▶ raised (emit "raise")
//   pending ──normal, or no finding at all in an evaluation of its subject──▶ idle (a blip raises nothing)
//   raised ──violated──▶ raised (a persisting condition never raises twice)
//   raised ──normal──▶ idle (emit "clear"; the stored alert stays latched until acknowledged)
//   raised ──no finding──▶ raised (absence of data neither raises nor clears)
// After a manual resolve the key is re-armed: only evidence newer than the resolve counts again.
import type { Finding } from "./rule-types";

export type Transition = { kind: "raise" | "clear"; finding: Finding };

type Entry =
  | { state: "pending"; since: number; subject: string }
  | { state: "raised"; subject: string }
  | { state: "rearmed"; after: number; subject: string };

export class ConditionTracker {
  private readonly entries = new Map<string, Entry>();

  /** Applies one full evaluation of a subject (a patient with its devices, or a lone device). */
  apply(subject: string, findings: readonly Finding[]): Transition[] {
    const out: Transition[] = [];
    const seen = new Set<string>();
    for (const f of findings) {
      seen.add(f.key);
      let e = this.entries.get(f.key);
      if (e?.state === "rearmed") {
        if (f.at <= e.after) continue;
        this.entries.delete(f.key);
        e = undefined;
      }
      if (f.status === "violated") {
        if (e?.state === "raised") continue;
        const since = e?.state === "pending" ? e.since : f.at;
        if (f.at - since >= f.confirmMs) {
          this.entries.set(f.key, { state: "raised", subject });
          out.push({ kind: "raise", finding: f });
        } else if (!e) {
          this.entries.set(f.key, { state: "pending", since, subject });
        }
      } else if (e?.state === "raised") {
        this.entries.delete(f.key);
        out.push({ kind: "clear", finding: f });
      } else if (e?.state === "pending") {
        this.entries.delete(f.key);
      }
    }
    for (const [key, e] of this.entries) {
      if (e.subject === subject && e.state === "pending" && !seen.has(key)) this.entries.delete(key);
    }
    return out;
  }

  /** An open alert whose condition is active (e.g. found in the database at start). */
  markRaised(key: string, subject: string): void {
    this.entries.set(key, { state: "raised", subject });
  }

  /** Resolved by hand: forget the condition; it raises again only on evidence newer than `at`. */
  rearm(key: string, subject: string, at: number): void {
    this.entries.set(key, { state: "rearmed", after: at, subject });
  }

  /** Whether the key is pending, raised or re-armed (not idle): only then can a normal finding change it. */
  isTracked(key: string): boolean {
    return this.entries.has(key);
  }

  stateOf(key: string): Entry["state"] | "idle" {
    return this.entries.get(key)?.state ?? "idle";
  }
}

import type { Actor } from '../event-store/envelope';

export type SubjectKey =
  | { readonly state: 'active'; readonly key: Buffer }
  | { readonly state: 'erased'; readonly erasedAt: string };

/** Who asked for an erasure and why (UU PDP 27/2022 requires accounting for it). */
export interface SubjectErasure {
  readonly actor: Actor;
  readonly reason: string;
}

/** Per-subject data keys: a stand-in for a KMS, shared by every service. */
export interface SubjectKeyStore {
  /** The subject's key, created on first use; concurrent callers get the same key. */
  obtain(subjectId: string): Promise<SubjectKey>;
  find(subjectId: string): Promise<SubjectKey | undefined>;
  /** Destroys the key for good. Idempotent: the first erasure's time and actor are kept. */
  erase(subjectId: string, erasure: SubjectErasure): Promise<void>;
  /**
   * Optional: several subjects' keys in one round trip, each as `find` gives it (unknown
   * subjects are absent from the map). A cipher without it asks one subject at a time.
   */
  findMany?(subjectIds: readonly string[]): Promise<Map<string, SubjectKey>>;
  /** Optional: several subjects' keys, each as `obtain` gives it (created on first use). */
  obtainMany?(subjectIds: readonly string[]): Promise<Map<string, SubjectKey>>;
}

export const SUBJECT_KEY_BYTES = 32;

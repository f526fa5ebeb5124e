import { randomBytes } from 'node:crypto';
import {
  SUBJECT_KEY_BYTES,
  type SubjectErasure,
  type SubjectKey,
  type SubjectKeyStore,
} from './subject-key-store';

/** For unit tests of code that encrypts personal data; never for a running service. */
export class InMemorySubjectKeyStore implements SubjectKeyStore {
  private readonly keys = new Map<string, SubjectKey>();
  /** How many times the store was asked, so tests can see the cipher's cache at work. */
  lookups = 0;

  obtain(subjectId: string): Promise<SubjectKey> {
    this.lookups += 1;
    const existing = this.keys.get(subjectId);
    if (existing) return Promise.resolve(existing);
    const created: SubjectKey = { state: 'active', key: randomBytes(SUBJECT_KEY_BYTES) };
    this.keys.set(subjectId, created);
    return Promise.resolve(created);
  }

  find(subjectId: string): Promise<SubjectKey | undefined> {
    this.lookups += 1;
    return Promise.resolve(this.keys.get(subjectId));
  }

  async findMany(subjectIds: readonly string[]): Promise<Map<string, SubjectKey>> {
    const found = new Map<string, SubjectKey>();
    for (const subjectId of subjectIds) {
      const key = await this.find(subjectId);
      if (key !== undefined) found.set(subjectId, key);
    }
    return found;
  }

  async obtainMany(subjectIds: readonly string[]): Promise<Map<string, SubjectKey>> {
    const found = new Map<string, SubjectKey>();
    for (const subjectId of subjectIds) found.set(subjectId, await this.obtain(subjectId));
    return found;
  }

  erase(subjectId: string, _erasure: SubjectErasure): Promise<void> {
    if (this.keys.get(subjectId)?.state !== 'erased') {
      this.keys.set(subjectId, { state: 'erased', erasedAt: new Date().toISOString() });
    }
    return Promise.resolve();
  }
}

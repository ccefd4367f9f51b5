/**
 * The caller's running import, for the sidebar to poll while runMonthClose runs (google.script.run calls run in
 * parallel executions). Kept in the document cache under a digest of the user's email, so two editors importing
 * see their own; it expires on its own if an execution dies.
 */
import type { MonthCloseProgress, MonthCloseStep } from '../../rpc/contract';
import { cacheKey } from '../shared/result-cache';

const PREFIX = 'atomBilling.monthClose.progress.';
/** Longer than an execution may run (6 minutes). */
const EXPIRY_S = 7 * 60;
export const IMPORT_STEPS = 4;

const MESSAGES: Record<MonthCloseStep, string> = {
  waiting: 'Waiting for another import to finish…',
  fetching: 'Fetching Meta data…',
  computing: 'Computing the month…',
  writing: 'Writing sheets…',
  done: 'Done',
};

function keyFor(email: string): string {
  return cacheKey(PREFIX, email.toLowerCase());
}

export interface ProgressReporter {
  report(step: MonthCloseStep, done: number): void;
  clear(): void;
}

/** Cache failures never fail an import: progress is only a courtesy. */
export function progressReporter(email: string): ProgressReporter {
  const key = keyFor(email);
  return {
    report(step, done) {
      const progress: MonthCloseProgress = {
        step,
        done,
        total: IMPORT_STEPS,
        message: `${MESSAGES[step]} ${done}/${IMPORT_STEPS}`,
      };
      try {
        CacheService.getDocumentCache()?.put(key, JSON.stringify(progress), EXPIRY_S);
      } catch {
        // ignored: see above
      }
    },
    clear() {
      try {
        CacheService.getDocumentCache()?.remove(key);
      } catch {
        // ignored: see above
      }
    },
  };
}

export function readProgress(email: string): MonthCloseProgress | null {
  try {
    const text = CacheService.getDocumentCache()?.get(keyFor(email));
    return text ? (JSON.parse(text) as MonthCloseProgress) : null;
  } catch {
    return null;
  }
}

/**
 * Sidebar RPC of the month-close import. First cut: the contract is wired; the import and the daily refresh
 * follow in the next commits.
 */
import { UserFacingError } from '../../core/errors';
import type {
  DailyRefreshState,
  MonthCloseProgress,
  MonthCloseResult,
  MonthCloseSetup,
  RunMonthCloseRequest,
  SetDailyRefreshRequest,
} from '../../rpc/contract';

class MonthCloseNotReadyError extends UserFacingError {
  constructor() {
    super('The month-close import is not available in this build yet');
    this.name = 'MonthCloseNotReadyError';
  }
}

export function getMonthCloseSetup(): MonthCloseSetup {
  throw new MonthCloseNotReadyError();
}

export function runMonthClose(_request: RunMonthCloseRequest): MonthCloseResult {
  throw new MonthCloseNotReadyError();
}

export function getMonthCloseProgress(): MonthCloseProgress | null {
  return null;
}

export function setDailyRefresh(_request: SetDailyRefreshRequest): DailyRefreshState {
  throw new MonthCloseNotReadyError();
}

export function setConsolidationGrace(_days: number): number {
  throw new MonthCloseNotReadyError();
}

export function activateSheet(_sheetId: number): null {
  throw new MonthCloseNotReadyError();
}

/**
 * Fault injection for the offline runtime: a service call of the script fails as Google's do now and then
 * ("Service Spreadsheets failed…"), at any read or write — Apps Script has no transactions, so an import can stop
 * between any two calls. Built on AppsScriptRuntime.onWait: a ServiceFault thrown before a service call fails that
 * call in the script (dev/runtime/index.ts).
 */
import { ServiceFault, type AppsScriptRuntime, type WaitPoint } from '../../dev/runtime';

/** Apps Script's wording for a transient failure of the Sheets service (the document id left out). */
export const INJECTED_FAULT = 'Service Spreadsheets failed while accessing document (injected fault)';

export type CallFilter = (point: WaitPoint) => boolean;

const anyCall: CallFilter = () => true;
/** Only service calls count (not fetch rounds or sleep steps, which are wait points too). */
const isCall = (point: WaitPoint, filter: CallFilter): boolean => point.kind === 'call' && filter(point);

/** The service calls (Class.method) `run` makes, in order, counted as faultAt counts them. */
export function recordCalls<T>(
  rt: AppsScriptRuntime,
  run: () => T,
  filter: CallFilter = anyCall,
): { result: T; calls: string[] } {
  const calls: string[] = [];
  rt.onWait = (point) => {
    if (isCall(point, filter)) calls.push(point.name);
  };
  try {
    return { result: run(), calls };
  } finally {
    rt.onWait = undefined;
  }
}

export interface InjectedFault {
  /** The call that failed ("Range.setValues") and its 1-based index among the counted calls; null until it fires. */
  readonly fired: { index: number; name: string } | null;
  /** Calls counted so far. */
  readonly calls: number;
  /** Removes the hook: later calls succeed. */
  stop(): void;
}

/** Makes the k-th call (1-based) that passes `filter` throw, once; the calls before and after it succeed. */
export function faultAt(rt: AppsScriptRuntime, k: number, filter: CallFilter = anyCall): InjectedFault {
  const state = { calls: 0, fired: null as InjectedFault['fired'] };
  const hook = (point: WaitPoint) => {
    if (state.fired || !isCall(point, filter)) return;
    state.calls++;
    if (state.calls === k) {
      state.fired = { index: k, name: point.name };
      throw new ServiceFault(INJECTED_FAULT);
    }
  };
  rt.onWait = hook;
  return {
    get fired() {
      return state.fired;
    },
    get calls() {
      return state.calls;
    },
    stop() {
      if (rt.onWait === hook) rt.onWait = undefined;
    },
  };
}

/**
 * LockService (https://developers.google.com/apps-script/reference/lock/lock): a lock is held only after
 * tryLock/waitLock succeeds, and every lock an execution holds is released when it ends. Holders are executions:
 * one interleaved with another (see AppsScriptRuntime.onWait) competes for the same locks, and "another
 * execution" holding the document lock can also be simulated with AppsScriptRuntime.holdDocumentLock().
 */
import { AppsScriptException } from './exception';
import { WAIT_STEP_MS } from './execution';
import { ServiceObject, type Access } from './service';

/** An execution's id, or 'other': an execution outside the runtime (holdDocumentLock). */
export type LockOwner = number | 'other';

/** Who holds each lock. */
export class LockTable {
  private readonly holders = new Map<string, LockOwner>();

  holder(name: string): LockOwner | undefined {
    return this.holders.get(name);
  }
  set(name: string, holder: LockOwner | undefined): void {
    if (holder !== undefined) this.holders.set(name, holder);
    else this.holders.delete(name);
  }
  /** End of an execution: its locks are released. */
  release(owner: LockOwner): void {
    for (const [name, h] of this.holders) if (h === owner) this.holders.delete(name);
  }
}

export class Lock extends ServiceObject {
  readonly kind = 'Lock';
  readonly methods: Record<string, Access> = {
    tryLock: 'storage',
    waitLock: 'storage',
    releaseLock: 'storage',
    hasLock: 'storage',
  };
  private held = false;

  constructor(
    private readonly name: string,
    private readonly table: LockTable,
    private readonly owner: LockOwner,
    private readonly waiter: { sleep(ms: number): void },
  ) {
    super();
  }

  private free(): boolean {
    const holder = this.table.holder(this.name);
    return holder === undefined || holder === this.owner;
  }

  /**
   * Waits up to timeoutInMillis (on the runtime clock) while another execution holds the lock, looking again at
   * every step: the wait ends as soon as the holder lets go.
   */
  tryLock(timeoutInMillis: number): boolean {
    for (let waited = 0; !this.free() && waited < timeoutInMillis; waited += WAIT_STEP_MS)
      this.waiter.sleep(Math.min(WAIT_STEP_MS, timeoutInMillis - waited));
    if (!this.free()) return false;
    this.table.set(this.name, this.owner);
    this.held = true;
    return true;
  }
  waitLock(timeoutInMillis: number): void {
    if (!this.tryLock(timeoutInMillis)) {
      throw new AppsScriptException('Lock timeout: another process was holding the lock for too long.');
    }
  }
  releaseLock(): void {
    if (this.held && this.table.holder(this.name) === this.owner) this.table.set(this.name, undefined);
    this.held = false;
  }
  hasLock(): boolean {
    return this.held && this.table.holder(this.name) === this.owner;
  }
}

export class LockServiceImpl extends ServiceObject {
  readonly kind = 'LockService';
  readonly methods: Record<string, Access> = {
    getDocumentLock: 'storage',
    getScriptLock: 'storage',
    getUserLock: 'storage',
  };

  constructor(
    private readonly table: LockTable,
    private readonly owner: LockOwner,
    private readonly waiter: { sleep(ms: number): void },
  ) {
    super();
  }

  getDocumentLock(): Lock {
    return new Lock('document', this.table, this.owner, this.waiter);
  }
  getScriptLock(): Lock {
    return new Lock('script', this.table, this.owner, this.waiter);
  }
  getUserLock(): Lock {
    return new Lock('user', this.table, this.owner, this.waiter);
  }
}

/**
 * LockService (https://developers.google.com/apps-script/reference/lock/lock): a lock is held only after
 * tryLock/waitLock succeeds, and every lock an execution holds is released when it ends. "Another
 * execution" holding the document lock is simulated with AppsScriptRuntime.holdDocumentLock().
 */
import type { Clock } from './clock';
import { AppsScriptException, ServiceObject, type Access } from './service';

/** Who holds each lock: the current execution, another (simulated) execution, or nobody. */
export class LockTable {
  private readonly holders = new Map<string, 'self' | 'other'>();

  holder(name: string): 'self' | 'other' | undefined {
    return this.holders.get(name);
  }
  set(name: string, holder: 'self' | 'other' | undefined): void {
    if (holder) this.holders.set(name, holder);
    else this.holders.delete(name);
  }
  /** End of an execution: its locks are released. */
  releaseSelf(): void {
    for (const [name, h] of this.holders) if (h === 'self') this.holders.delete(name);
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
    private readonly clock: Pick<Clock, 'sleep'>,
  ) {
    super();
  }

  /** Waits up to timeoutInMillis (on the runtime clock) while another execution holds the lock. */
  tryLock(timeoutInMillis: number): boolean {
    if (this.table.holder(this.name) === 'other') {
      this.clock.sleep(timeoutInMillis);
      if (this.table.holder(this.name) === 'other') return false;
    }
    this.table.set(this.name, 'self');
    this.held = true;
    return true;
  }
  waitLock(timeoutInMillis: number): void {
    if (!this.tryLock(timeoutInMillis)) {
      throw new AppsScriptException('Lock timeout: another process was holding the lock for too long.');
    }
  }
  releaseLock(): void {
    if (this.held && this.table.holder(this.name) === 'self') this.table.set(this.name, undefined);
    this.held = false;
  }
  hasLock(): boolean {
    return this.held && this.table.holder(this.name) === 'self';
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
    private readonly clock: Pick<Clock, 'sleep'>,
  ) {
    super();
  }

  getDocumentLock(): Lock {
    return new Lock('document', this.table, this.clock);
  }
  getScriptLock(): Lock {
    return new Lock('script', this.table, this.clock);
  }
  getUserLock(): Lock {
    return new Lock('user', this.table, this.clock);
  }
}

/**
 * Installable time-driven triggers: ScriptApp.newTrigger(fn).timeBased()…create(), getUserTriggers(spreadsheet),
 * getProjectTriggers, deleteTrigger and the Trigger getters
 * (https://developers.google.com/apps-script/reference/script/script-app,
 * https://developers.google.com/apps-script/reference/script/clock-trigger-builder,
 * https://developers.google.com/apps-script/reference/script/trigger).
 *
 * The store outlives executions. The add-on rules apply (the project is an Editor add-on;
 * https://developers.google.com/workspace/add-ons/concepts/editor-triggers#restrictions): each user may have one
 * trigger of each event type per document, and time-driven triggers run at most once an hour. Every project
 * has at most 20 triggers per user (https://developers.google.com/apps-script/guides/services/quotas).
 */
import { isValidTimeZone, zonedParts, zonedTimeToEpoch } from '../../src/core/time';
import { AppsScriptException } from './exception';
import { ServiceObject, type Access, type Host } from './service';

export const EVENT_TYPES = {
  CLOCK: 'CLOCK',
  ON_OPEN: 'ON_OPEN',
  ON_EDIT: 'ON_EDIT',
  ON_FORM_SUBMIT: 'ON_FORM_SUBMIT',
  ON_CHANGE: 'ON_CHANGE',
  ON_EVENT_UPDATED: 'ON_EVENT_UPDATED',
} as const;

export const TRIGGER_SOURCES = {
  SPREADSHEETS: 'SPREADSHEETS',
  CLOCK: 'CLOCK',
  FORMS: 'FORMS',
  DOCUMENTS: 'DOCUMENTS',
  CALENDAR: 'CALENDAR',
} as const;

const MAX_TRIGGERS_PER_USER = 20;
const HOUR_MS = 3_600_000;

/** When a clock trigger runs: every n hours, or every n days at an hour (and near a minute) in a zone. */
export interface ClockSchedule {
  everyHours?: number;
  everyDays?: number;
  atHour?: number;
  nearMinute?: number;
  timeZone: string;
}

export interface TriggerRecord {
  uid: string;
  handler: string;
  eventType: 'CLOCK';
  /** Who created it: the trigger runs as this user. */
  owner: string;
  /** The document the add-on created it in (Spreadsheet.getId()). */
  documentId: string;
  schedule: ClockSchedule;
  createdAt: number;
}

/** Every installable trigger of the project, across executions. */
export class TriggerStore {
  readonly records: TriggerRecord[] = [];
  private nextUid = 1000001;

  newUid(): string {
    return String(this.nextUid++);
  }

  find(uid: string): TriggerRecord | undefined {
    return this.records.find((r) => r.uid === uid);
  }

  remove(uid: string): void {
    const i = this.records.findIndex((r) => r.uid === uid);
    if (i >= 0) this.records.splice(i, 1);
  }

  /**
   * The nominal next run after `after`: hourly ones on the hour n hours on, daily ones at atHour:nearMinute in
   * the trigger's zone. Apps Script randomises the minute within ±15 (documented for nearMinute/atHour); tests
   * fire at the nominal time.
   */
  nextRunAfter(uid: string, after: number): number {
    const r = this.find(uid);
    if (!r) throw new Error(`No trigger ${uid}`);
    const { everyHours, everyDays, atHour, nearMinute, timeZone } = r.schedule;
    if (everyHours) return (Math.floor(after / HOUR_MS) + everyHours) * HOUR_MS;
    const p = zonedParts(after, timeZone);
    let at = zonedTimeToEpoch(p.year, p.month, p.day, timeZone, atHour ?? 0, nearMinute ?? 0);
    while (at <= after) {
      const next = zonedParts(at + (everyDays ?? 1) * 24 * HOUR_MS + 2 * HOUR_MS, timeZone);
      at = zonedTimeToEpoch(next.year, next.month, next.day, timeZone, atHour ?? 0, nearMinute ?? 0);
    }
    return at;
  }
}

/** What the trigger services need from the runtime beyond the Host. */
export interface TriggerContext {
  readonly host: Host;
  readonly store: TriggerStore;
  readonly scriptTimeZone: string;
  /** The active user's email ("" where Google does not share it). */
  userEmail(): string;
  /** The bound spreadsheet's id. */
  documentId(): string;
  /** The id of a Spreadsheet object the script passed in, or undefined if it is not one. */
  spreadsheetIdOf(value: unknown): string | undefined;
}

export class Trigger extends ServiceObject {
  readonly kind = 'Trigger';
  readonly methods: Record<string, Access> = {
    getHandlerFunction: 'free',
    getUniqueId: 'free',
    getEventType: 'free',
    getTriggerSource: 'free',
    getTriggerSourceId: 'free',
  };

  constructor(readonly record: TriggerRecord) {
    super();
  }

  getHandlerFunction(): string {
    return this.record.handler;
  }
  getUniqueId(): string {
    return this.record.uid;
  }
  getEventType(): string {
    return EVENT_TYPES.CLOCK;
  }
  getTriggerSource(): string {
    return TRIGGER_SOURCES.CLOCK;
  }
  /** A clock trigger has no source document (UNCONFIRMED: the reference does not say what CLOCK returns). */
  getTriggerSourceId(): null {
    return null;
  }
}

function wholeNumber(value: unknown, min: number, max: number, method: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < min || n > max)
    throw new AppsScriptException(`Invalid argument: ${method}`);
  return n;
}

/**
 * ScriptApp.newTrigger(fn).timeBased(). Only the schedules the add-on rules allow can be created: everyHours,
 * everyDays with atHour/nearMinute, inTimezone. everyMinutes is accepted by the builder (1, 5, 10, 15 or 30, as
 * documented) but create() refuses it, since add-on triggers run at most hourly.
 */
export class ClockTriggerBuilder extends ServiceObject {
  readonly kind = 'ClockTriggerBuilder';
  readonly methods: Record<string, Access> = {
    everyMinutes: 'free',
    everyHours: 'free',
    everyDays: 'free',
    atHour: 'free',
    nearMinute: 'free',
    inTimezone: 'free',
    create: 'triggers',
  };
  private everyMinutesValue?: number;
  private readonly schedule: Partial<ClockSchedule> = {};

  constructor(
    private readonly ctx: TriggerContext,
    private readonly handler: string,
  ) {
    super();
  }

  everyMinutes(n: number): this {
    const minutes = Number(n);
    if (![1, 5, 10, 15, 30].includes(minutes)) throw new AppsScriptException('Invalid argument: minutes');
    this.everyMinutesValue = minutes;
    return this;
  }
  everyHours(n: number): this {
    this.schedule.everyHours = wholeNumber(n, 1, 24 * 7, 'hours');
    return this;
  }
  everyDays(n: number): this {
    this.schedule.everyDays = wholeNumber(n, 1, 366, 'days');
    return this;
  }
  /** The hour (0–23) in the script's time zone unless inTimezone() names another. */
  atHour(hour: number): this {
    this.schedule.atHour = wholeNumber(hour, 0, 23, 'hour');
    return this;
  }
  nearMinute(minute: number): this {
    this.schedule.nearMinute = wholeNumber(minute, 0, 59, 'minute');
    return this;
  }
  inTimezone(timezone: string): this {
    const zone = String(timezone);
    if (!isValidTimeZone(zone)) throw new AppsScriptException(`Invalid argument: timezone`);
    this.schedule.timeZone = zone;
    return this;
  }

  create(): Trigger {
    const { store } = this.ctx;
    const s = this.schedule;
    // Wordings for a schedule without interval or a mixed one are not documented (UNCONFIRMED).
    if (this.everyMinutesValue !== undefined)
      throw new AppsScriptException(
        'Add-ons can not create time-based triggers that run more often than once per hour.',
      );
    if (!s.everyHours === !s.everyDays)
      throw new AppsScriptException('A time-based trigger needs exactly one of everyHours or everyDays.');
    if (s.everyHours && s.atHour !== undefined)
      throw new AppsScriptException('atHour can only be used with everyDays.');
    const owner = this.ctx.userEmail();
    const documentId = this.ctx.documentId();
    const mine = store.records.filter((r) => r.owner === owner);
    // Observed wordings (not on the reference pages): ljay79/jira-tools#53 and user reports of the 20-trigger quota.
    if (mine.some((r) => r.documentId === documentId && r.eventType === 'CLOCK'))
      throw new AppsScriptException(
        'This add-on has created too many time-based triggers in this document for this Google user account.',
      );
    if (mine.length >= MAX_TRIGGERS_PER_USER)
      throw new AppsScriptException(
        'This script has too many triggers. Triggers must be deleted from the script before more can be added.',
      );
    const record: TriggerRecord = {
      uid: store.newUid(),
      handler: this.handler,
      eventType: 'CLOCK',
      owner,
      documentId,
      schedule: { ...s, timeZone: s.timeZone ?? this.ctx.scriptTimeZone },
      createdAt: this.ctx.host.clock.now(),
    };
    store.records.push(record);
    return new Trigger(record);
  }
}

export class TriggerBuilder extends ServiceObject {
  readonly kind = 'TriggerBuilder';
  readonly methods: Record<string, Access> = { timeBased: 'free' };

  constructor(
    private readonly ctx: TriggerContext,
    private readonly handler: string,
  ) {
    super();
  }

  timeBased(): ClockTriggerBuilder {
    return new ClockTriggerBuilder(this.ctx, this.handler);
  }
}

/** The trigger half of ScriptApp (the AuthMode/EventType/TriggerSource enums live in script-app.ts). */
export class ScriptTriggers {
  constructor(private readonly ctx: TriggerContext) {}

  newTrigger(functionName: string): TriggerBuilder {
    if (typeof functionName !== 'string' || !functionName)
      throw new AppsScriptException('Invalid argument: functionName');
    return new TriggerBuilder(this.ctx, functionName);
  }

  /** The current user's triggers in this project that belong to `spreadsheet`. */
  getUserTriggers(spreadsheet: unknown): Trigger[] {
    const id = this.ctx.spreadsheetIdOf(spreadsheet);
    if (id === undefined)
      throw new AppsScriptException(
        "The parameters don't match the method signature for ScriptApp.getUserTriggers.",
      );
    return this.mine()
      .filter((r) => r.documentId === id)
      .map((r) => new Trigger(r));
  }

  /** The current user's triggers in this project. */
  getProjectTriggers(): Trigger[] {
    return this.mine().map((r) => new Trigger(r));
  }

  /** Deleting a trigger that is gone or another user's is refused (UNCONFIRMED wording). */
  deleteTrigger(trigger: unknown): void {
    const t = this.ctx.host.unwrap(trigger);
    if (!(t instanceof Trigger))
      throw new AppsScriptException(
        "The parameters don't match the method signature for ScriptApp.deleteTrigger.",
      );
    const record = this.ctx.store.find(t.record.uid);
    if (!record || record.owner !== this.ctx.userEmail()) throw new AppsScriptException('Trigger not found.');
    this.ctx.store.remove(record.uid);
  }

  private mine(): TriggerRecord[] {
    const owner = this.ctx.userEmail();
    return this.ctx.store.records.filter((r) => r.owner === owner);
  }
}

/** The event object of a time-driven run (https://developers.google.com/apps-script/guides/triggers/events#time-driven-events). */
export function clockEvent(record: TriggerRecord, at: number): Record<string, unknown> {
  // Google's example gives the fields in UTC with timezone "UTC".
  const d = new Date(at);
  const jan1 = Date.UTC(d.getUTCFullYear(), 0, 1);
  return {
    authMode: 'FULL',
    triggerUid: record.uid,
    year: d.getUTCFullYear(),
    month: d.getUTCMonth() + 1,
    'day-of-month': d.getUTCDate(),
    'day-of-week': d.getUTCDay() === 0 ? 7 : d.getUTCDay(),
    'week-of-year': Math.ceil(((at - jan1) / 86_400_000 + new Date(jan1).getUTCDay() + 1) / 7),
    hour: d.getUTCHours(),
    minute: d.getUTCMinutes(),
    second: d.getUTCSeconds(),
    timezone: 'UTC',
  };
}

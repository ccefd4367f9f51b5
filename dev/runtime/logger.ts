/** Logger (https://developers.google.com/apps-script/reference/base/logger) and console. */
import { ServiceObject, type Access } from './service';
import { formatString } from './utilities';

function renderOne(a: unknown): string {
  if (typeof a === 'string') return a;
  if (Object.prototype.toString.call(a) === '[object Error]') {
    const e = a as Error;
    return `${e.name}: ${e.message}`;
  }
  return a !== null && typeof a === 'object' ? JSON.stringify(a) : String(a);
}

function render(args: readonly unknown[]): string {
  return args.map(renderOne).join(' ');
}

/** Logger.log(data) | Logger.log(format, ...values) with %s-style substitution. */
export class LoggerImpl extends ServiceObject {
  readonly kind = 'Logger';
  readonly methods: Record<string, Access> = { log: 'free', getLog: 'free', clear: 'free' };

  constructor(private readonly lines: string[]) {
    super();
  }

  log(data: unknown, ...values: unknown[]): this {
    this.lines.push(
      typeof data === 'string' && values.length > 0 ? formatString(data, values) : render([data]),
    );
    return this;
  }
  getLog(): string {
    return this.lines.join('\n');
  }
  clear(): void {
    this.lines.length = 0;
  }
}

export class ConsoleImpl extends ServiceObject {
  readonly kind = 'console';
  readonly methods: Record<string, Access> = { log: 'free', info: 'free', warn: 'free', error: 'free' };

  constructor(private readonly lines: string[]) {
    super();
  }

  log(...args: unknown[]): void {
    this.lines.push(render(args));
  }
  info(...args: unknown[]): void {
    this.lines.push(render(args));
  }
  warn(...args: unknown[]): void {
    this.lines.push(render(args));
  }
  error(...args: unknown[]): void {
    this.lines.push(render(args));
  }
}

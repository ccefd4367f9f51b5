/** How many calls of a run wrote to the spreadsheet, from the offline runtime's counters (tests and bench). */

/** Spreadsheet write calls by Class.method (chart builders only record a spec: not counted). */
export function writeCallsByMethod(counters: Record<string, number>): Record<string, number> {
  return Object.fromEntries(
    Object.entries(counters).filter(([key]) => {
      const [cls, method] = key.split('.');
      return (
        !cls.endsWith('Builder') &&
        /^(set|insert|delete|append|clear|remove|update|sort|protect|hide|merge)/.test(method ?? '') &&
        /^(Range|Sheet|Spreadsheet|NamedRange|EmbeddedChart)$/.test(cls)
      );
    }),
  );
}

/** Spreadsheet write calls counted by the runtime, in all. */
export function writeCalls(counters: Record<string, number>): number {
  return Object.values(writeCallsByMethod(counters)).reduce((n, count) => n + count, 0);
}

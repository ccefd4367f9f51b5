/** How many calls of a run wrote to the spreadsheet, from the offline runtime's counters (tests and bench). */
/** Spreadsheet write calls counted by the runtime (chart builders only record a spec: not counted). */
export function writeCalls(counters: Record<string, number>): number {
  return Object.entries(counters)
    .filter(([key]) => {
      const [cls, method] = key.split('.');
      return (
        !cls.endsWith('Builder') &&
        /^(set|insert|delete|append|clear|remove|update|sort|protect|hide|merge)/.test(method ?? '') &&
        /^(Range|Sheet|Spreadsheet|NamedRange|EmbeddedChart)$/.test(cls)
      );
    })
    .reduce((n, [, count]) => n + count, 0);
}

/**
 * Where the result card's little chart puts its lines: the month's cumulative billed units day by day, and for
 * an open month the projected cumulative from the last imported day to the month's end. Pure geometry.
 */
import type { MonthCloseDay } from '../../rpc/contract';

export interface ChartBox {
  width: number;
  height: number;
  /** Room left for the axis labels. */
  left: number;
  bottom: number;
  top: number;
  right: number;
}

export interface ChartGeometry {
  /** SVG polyline points ("x,y x,y …"); empty when there is nothing to draw. */
  actual: string;
  projected: string;
  /** The largest value on the y axis (the top line). */
  maxValue: number;
  lastActual: { day: string; cumulative: number } | null;
  lastProjected: { day: string; cumulative: number } | null;
}

const round = (n: number) => Math.round(n * 10) / 10;

export function chartGeometry(days: MonthCloseDay[], box: ChartBox): ChartGeometry {
  const actualDays = days.filter((d) => d.cumulative !== null);
  const lastActualIndex = days.reduce((last, d, i) => (d.cumulative === null ? last : i), -1);
  // Only the days after the last imported one are projected (a finished month has nothing to draw).
  const projectedDays = days.filter((d, i) => d.projectedCumulative !== null && i > lastActualIndex);
  const values = [
    ...actualDays.map((d) => d.cumulative!),
    ...projectedDays.map((d) => d.projectedCumulative!),
  ];
  const maxValue = Math.max(0, ...values);
  const plotWidth = box.width - box.left - box.right;
  const plotHeight = box.height - box.top - box.bottom;
  const x = (index: number) =>
    round(box.left + (days.length > 1 ? (index * plotWidth) / (days.length - 1) : 0));
  const y = (value: number) =>
    round(box.top + plotHeight - (maxValue > 0 ? (value * plotHeight) / maxValue : 0));
  const point = (index: number, value: number) => `${x(index)},${y(value)}`;

  const actual = days.flatMap((d, i) => (d.cumulative === null ? [] : [point(i, d.cumulative)]));
  // The projection continues the actual line, so it starts at the last actual point.
  const projected = days.flatMap((d, i) =>
    d.projectedCumulative === null || i <= lastActualIndex ? [] : [point(i, d.projectedCumulative)],
  );
  if (projected.length && lastActualIndex >= 0)
    projected.unshift(point(lastActualIndex, days[lastActualIndex].cumulative!));

  const last = <K extends 'cumulative' | 'projectedCumulative'>(list: MonthCloseDay[], key: K) => {
    const d = list[list.length - 1];
    return d ? { day: d.day, cumulative: d[key] as number } : null;
  };
  return {
    actual: actual.join(' '),
    projected: projected.join(' '),
    maxValue,
    lastActual: last(actualDays, 'cumulative'),
    lastProjected: last(projectedDays, 'projectedCumulative'),
  };
}

/** The result card's inline SVG: cumulative billed units by day, and the projection for an open month. */
import { useContext } from 'preact/hooks';
import type { MonthCloseDay } from '../../rpc/contract';
import { formatCompact, formatCount } from '../format';
import { FigureLocaleContext, useId, useMessages } from '../ui';
import { chartGeometry, type ChartBox } from './chart-geometry';
import { monthCloseMessages } from './messages';

const box: ChartBox = { width: 276, height: 120, left: 34, right: 6, top: 8, bottom: 18 };

export function CumulativeChart({ days, monthLabel }: { days: MonthCloseDay[]; monthLabel: string }) {
  const t = useMessages(monthCloseMessages);
  const figures = useContext(FigureLocaleContext);
  const titleId = useId('chart-title');
  const geometry = chartGeometry(days, box);
  if (!days.length) return null;
  const count = (n: number) => formatCount(figures, n);
  const description = [
    geometry.lastActual &&
      t('chartSummary', { units: count(geometry.lastActual.cumulative), day: geometry.lastActual.day }),
    geometry.lastProjected &&
      t('chartProjectionSummary', {
        units: count(geometry.lastProjected.cumulative),
        day: geometry.lastProjected.day,
      }),
  ]
    .filter(Boolean)
    .join(' ');
  const bottom = box.height - box.bottom;
  return (
    <figure class="chart">
      <svg
        viewBox={`0 0 ${box.width} ${box.height}`}
        width={box.width}
        height={box.height}
        role="img"
        aria-labelledby={titleId}
        aria-describedby={`${titleId}-desc`}
      >
        <title id={titleId}>{t('chartTitle', { month: monthLabel })}</title>
        <desc id={`${titleId}-desc`}>{description}</desc>
        <line class="axis" x1={box.left} y1={bottom} x2={box.width - box.right} y2={bottom} />
        <line class="axis" x1={box.left} y1={box.top} x2={box.left} y2={bottom} />
        <text class="tick" x={box.left - 4} y={box.top + 4} text-anchor="end">
          {formatCompact(figures, geometry.maxValue)}
        </text>
        <text class="tick" x={box.left - 4} y={bottom} text-anchor="end">
          0
        </text>
        <text class="tick" x={box.left} y={box.height - 4}>
          {days[0].day.slice(8)}
        </text>
        <text class="tick" x={box.width - box.right} y={box.height - 4} text-anchor="end">
          {days[days.length - 1].day.slice(8)}
        </text>
        {geometry.actual && <polyline class="actual" points={geometry.actual} />}
        {geometry.projected && <polyline class="projected" points={geometry.projected} />}
      </svg>
      <figcaption class="legend secondary">
        <span class="key actual">{t('chartActual')}</span>
        {geometry.projected && <span class="key projected">{t('chartProjected')}</span>}
      </figcaption>
    </figure>
  );
}

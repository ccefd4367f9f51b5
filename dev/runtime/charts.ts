/**
 * Embedded charts as the reference describes them (https://developers.google.com/apps-script/reference/spreadsheet/embedded-chart-builder,
 * …/embedded-line-chart-builder, …/embedded-pie-chart-builder, …/embedded-column-chart-builder,
 * …/embedded-chart). Only the typed builders (asLineChart()…) have setTitle/setColors/…; the typed setters
 * are recorded as the Google Charts options they stand for (title, hAxis.title, colors, legend.position…),
 * so the preview can draw the chart from its record. Also the Charts service's enums (ChartsImpl).
 */
import { AppsScriptException } from './exception';
import { toNode } from './realm';
import { ServiceObject, type Access } from './service';
import type { ChartRecord } from './spreadsheet-model';
import type { RangeRef, SpreadsheetContext } from './spreadsheet-context';

/** Charts.Position, Charts.CurveStyle, Charts.PointStyle (https://developers.google.com/apps-script/reference/charts). */
export const POSITION = { TOP: 'TOP', RIGHT: 'RIGHT', BOTTOM: 'BOTTOM', NONE: 'NONE' } as const;
export const CURVE_STYLE = { NORMAL: 'NORMAL', SMOOTH: 'SMOOTH' } as const;
export const POINT_STYLE = {
  NONE: 'NONE',
  TINY: 'TINY',
  MEDIUM: 'MEDIUM',
  LARGE: 'LARGE',
  HUGE: 'HUGE',
} as const;
const POINT_SIZE: Record<string, number> = { NONE: 0, TINY: 2, MEDIUM: 7, LARGE: 14, HUGE: 28 };

export class EmbeddedChart extends ServiceObject {
  readonly kind = 'EmbeddedChart';
  readonly methods: Record<string, Access> = {
    getChartId: 'doc-read',
    getRanges: 'doc-read',
    getOptions: 'doc-read',
    getContainerInfo: 'doc-read',
    modify: 'doc-read',
  };

  constructor(
    private readonly ctx: SpreadsheetContext,
    readonly record: ChartRecord,
    readonly ranges: RangeRef[],
  ) {
    super();
  }
  /** Null for a chart built but not inserted (embedded-chart#getChartId). */
  getChartId(): string | null {
    return this.record.chartId;
  }
  getRanges(): RangeRef[] {
    return this.ranges;
  }
  getOptions(): ChartOptions {
    return new ChartOptions(this.record.options);
  }
  getContainerInfo(): ContainerInfo {
    return new ContainerInfo(this.record.position);
  }
  modify(): EmbeddedChartBuilder {
    return builderFor(this.ctx, this.record, this.ranges);
  }
}

class ChartOptions extends ServiceObject {
  readonly kind = 'ChartOptions';
  readonly methods: Record<string, Access> = { get: 'doc-read' };
  constructor(private readonly options: Record<string, unknown>) {
    super();
  }
  get(option: string): unknown {
    return this.options[option] ?? null;
  }
}

class ContainerInfo extends ServiceObject {
  readonly kind = 'ContainerInfo';
  readonly methods: Record<string, Access> = {
    getAnchorRow: 'doc-read',
    getAnchorColumn: 'doc-read',
    getOffsetX: 'doc-read',
    getOffsetY: 'doc-read',
  };
  constructor(private readonly position: ChartRecord['position']) {
    super();
  }
  getAnchorRow(): number {
    return this.position.row;
  }
  getAnchorColumn(): number {
    return this.position.column;
  }
  getOffsetX(): number {
    return this.position.offsetX;
  }
  getOffsetY(): number {
    return this.position.offsetY;
  }
}

interface BuilderState {
  chartId: string | null;
  type: string;
  options: Record<string, unknown>;
  ranges: RangeRef[];
  position: ChartRecord['position'];
}

const BASE_METHODS: Record<string, Access> = {
  setChartType: 'doc-read',
  getChartType: 'doc-read',
  addRange: 'doc-read',
  removeRange: 'doc-read',
  clearRanges: 'doc-read',
  getRanges: 'doc-read',
  getContainer: 'doc-read',
  setNumHeaders: 'doc-read',
  setPosition: 'doc-read',
  setOption: 'doc-read',
  asAreaChart: 'doc-read',
  asBarChart: 'doc-read',
  asColumnChart: 'doc-read',
  asLineChart: 'doc-read',
  asPieChart: 'doc-read',
  build: 'doc-read',
};

export class EmbeddedChartBuilder extends ServiceObject {
  kind = 'EmbeddedChartBuilder';
  readonly methods: Record<string, Access> = { ...BASE_METHODS };

  constructor(
    protected readonly ctx: SpreadsheetContext,
    protected readonly state: BuilderState,
  ) {
    super();
  }

  setChartType(type: string): this {
    this.state.type = String(type);
    return this;
  }
  getChartType(): string {
    return this.state.type;
  }
  /** A range already in the chart is not added twice. */
  addRange(range: unknown): this {
    const r = this.ctx.asRange(range);
    if (!r) throw new AppsScriptException('Invalid argument: range');
    const a1 = r.sheet.a1(r.box);
    if (!this.state.ranges.some((x) => x.sheet.a1(x.box) === a1)) this.state.ranges.push(r);
    return this;
  }
  removeRange(range: unknown): this {
    const r = this.ctx.asRange(range);
    if (r) this.state.ranges = this.state.ranges.filter((x) => x.sheet.a1(x.box) !== r.sheet.a1(r.box));
    return this;
  }
  clearRanges(): this {
    this.state.ranges = [];
    return this;
  }
  getRanges(): RangeRef[] {
    return [...this.state.ranges];
  }
  /** Where the chart will sit (embedded-chart-builder#getContainer). */
  getContainer(): ContainerInfo {
    return new ContainerInfo(this.state.position);
  }
  /** How many rows or columns of the range are headers (embedded-chart-builder#setNumHeaders). */
  setNumHeaders(headers: number): this {
    this.state.options.numHeaders = headers;
    return this;
  }
  setPosition(anchorRowPos: number, anchorColPos: number, offsetX: number, offsetY: number): this {
    for (const n of [anchorRowPos, anchorColPos, offsetX, offsetY])
      if (typeof n !== 'number' || !Number.isInteger(n))
        throw new AppsScriptException(
          "The parameters don't match the method signature for SpreadsheetApp.EmbeddedChartBuilder.setPosition.",
        );
    if (anchorRowPos < 1 || anchorColPos < 1)
      throw new AppsScriptException('Invalid argument: anchor position');
    this.state.position = { row: anchorRowPos, column: anchorColPos, offsetX, offsetY };
    return this;
  }
  setOption(option: string, value: unknown): this {
    this.state.options[String(option)] = toNode(value);
    return this;
  }
  asAreaChart(): EmbeddedChartBuilder {
    return this.as('AREA', 'EmbeddedAreaChartBuilder');
  }
  asBarChart(): EmbeddedChartBuilder {
    return this.as('BAR', 'EmbeddedBarChartBuilder');
  }
  asColumnChart(): EmbeddedChartBuilder {
    return this.as('COLUMN', 'EmbeddedColumnChartBuilder');
  }
  asLineChart(): EmbeddedChartBuilder {
    return this.as('LINE', 'EmbeddedLineChartBuilder');
  }
  asPieChart(): EmbeddedChartBuilder {
    return this.as('PIE', 'EmbeddedPieChartBuilder');
  }
  private as(type: string, kind: string): EmbeddedChartBuilder {
    this.state.type = type;
    return new TypedChartBuilder(this.ctx, this.state, kind);
  }
  build(): EmbeddedChart {
    const record: ChartRecord = {
      chartId: this.state.chartId,
      type: this.state.type,
      ranges: this.state.ranges.map((r) => r.sheet.a1(r.box)),
      options: structuredClone(this.state.options),
      position: { ...this.state.position },
    };
    return new EmbeddedChart(this.ctx, record, [...this.state.ranges]);
  }
}

/** What each typed builder adds (from each builder's reference page). */
const TYPED: Record<string, string[]> = {
  common: ['setTitle', 'setColors', 'setLegendPosition', 'setBackgroundColor', 'reverseCategories'],
  EmbeddedLineChartBuilder: ['setXAxisTitle', 'setYAxisTitle', 'setRange', 'setCurveStyle', 'setPointStyle'],
  EmbeddedColumnChartBuilder: ['setXAxisTitle', 'setYAxisTitle', 'setRange', 'setStacked'],
  EmbeddedBarChartBuilder: ['setXAxisTitle', 'setYAxisTitle', 'setRange', 'setStacked'],
  EmbeddedAreaChartBuilder: ['setXAxisTitle', 'setYAxisTitle', 'setRange', 'setStacked'],
  EmbeddedPieChartBuilder: ['set3D'],
};

class TypedChartBuilder extends EmbeddedChartBuilder {
  constructor(ctx: SpreadsheetContext, state: BuilderState, kind: string) {
    super(ctx, state);
    this.kind = kind;
    for (const m of [...TYPED.common, ...TYPED[kind]]) this.methods[m] = 'doc-read';
  }
  private option(key: string, value: unknown): this {
    this.state.options[key] = value;
    return this;
  }
  setTitle(chartTitle: string): this {
    return this.option('title', String(chartTitle));
  }
  setXAxisTitle(title: string): this {
    return this.option('hAxis.title', String(title));
  }
  setYAxisTitle(title: string): this {
    return this.option('vAxis.title', String(title));
  }
  setColors(cssValues: unknown): this {
    if (!Array.isArray(cssValues)) throw new AppsScriptException('Invalid argument: cssValues');
    return this.option('colors', cssValues.map(String));
  }
  setLegendPosition(position: string): this {
    if (!(String(position) in POSITION)) throw new AppsScriptException('Invalid argument: position');
    return this.option('legend.position', String(position).toLowerCase());
  }
  setBackgroundColor(cssValue: string): this {
    return this.option('backgroundColor', String(cssValue));
  }
  setRange(start: number, end: number): this {
    this.option('vAxis.viewWindow.min', start);
    return this.option('vAxis.viewWindow.max', end);
  }
  setCurveStyle(style: string): this {
    return this.option('curveType', String(style) === 'SMOOTH' ? 'function' : 'none');
  }
  setPointStyle(style: string): this {
    return this.option('pointSize', POINT_SIZE[String(style)] ?? 0);
  }
  setStacked(): this {
    return this.option('isStacked', true);
  }
  set3D(): this {
    return this.option('is3D', true);
  }
  reverseCategories(): this {
    return this.option('reverseCategories', true);
  }
}

export function newChartBuilder(ctx: SpreadsheetContext): EmbeddedChartBuilder {
  return new EmbeddedChartBuilder(ctx, {
    chartId: null,
    type: '',
    options: {},
    ranges: [],
    position: { row: 1, column: 1, offsetX: 0, offsetY: 0 },
  });
}

function builderFor(ctx: SpreadsheetContext, record: ChartRecord, ranges: RangeRef[]): EmbeddedChartBuilder {
  const state: BuilderState = {
    chartId: record.chartId,
    type: record.type,
    options: structuredClone(record.options),
    ranges: [...ranges],
    position: { ...record.position },
  };
  const kinds: Record<string, string> = {
    LINE: 'EmbeddedLineChartBuilder',
    PIE: 'EmbeddedPieChartBuilder',
    COLUMN: 'EmbeddedColumnChartBuilder',
    BAR: 'EmbeddedBarChartBuilder',
    AREA: 'EmbeddedAreaChartBuilder',
  };
  // modify() returns a builder of the chart's own type (embedded-chart#modify).
  return kinds[record.type]
    ? new TypedChartBuilder(ctx, state, kinds[record.type])
    : new EmbeddedChartBuilder(ctx, state);
}

/** Charts' enums (https://developers.google.com/apps-script/reference/charts/chart-type, …/position, …/curve-style, …/point-style). */
export class ChartsImpl extends ServiceObject {
  readonly kind = 'Charts';
  readonly methods: Record<string, Access> = {
    ChartType: 'free',
    Position: 'free',
    CurveStyle: 'free',
    PointStyle: 'free',
  };
  readonly Position = POSITION;
  readonly CurveStyle = CURVE_STYLE;
  readonly PointStyle = POINT_STYLE;
  readonly ChartType = Object.fromEntries(
    [
      'AREA',
      'BAR',
      'BUBBLE',
      'CANDLESTICK',
      'COLUMN',
      'COMBO',
      'GAUGE',
      'GEO',
      'HISTOGRAM',
      'LINE',
      'ORG',
      'PIE',
      'RADAR',
      'SCATTER',
      'SPARKLINE',
      'STEPPED_AREA',
      'TABLE',
      'TIMELINE',
      'TREEMAP',
      'WATERFALL',
    ].map((t) => [t, t]),
  );
}

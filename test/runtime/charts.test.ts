/** Issue 8 point 7: embedded charts built, inserted, updated and removed as Google documents them. */
import { createRuntime, type AppsScriptRuntime } from '../../dev/runtime';

function runtimeWith(source: string): AppsScriptRuntime {
  const rt = createRuntime({ spreadsheet: { locale: 'en_US' } });
  rt.spreadsheet.insertSheet('Summary');
  rt.loadSource(source);
  return rt;
}

const BUILD = `
  function sheet() { return SpreadsheetApp.getActive().getSheetByName('Summary'); }
  function line() {
    const sh = sheet();
    return sh.newChart().asLineChart()
      .addRange(sh.getRange('A1:A31')).addRange(sh.getRange('C1:D31')).addRange(sh.getRange('A1:A31'))
      .setTitle('Daily cumulative').setXAxisTitle('Day').setYAxisTitle('Billed units')
      .setColors(['#1a73e8', '#fbbc04']).setLegendPosition(Charts.Position.BOTTOM)
      .setOption('series', { 1: { lineDashStyle: [4, 4] } })
      .setPosition(2, 8, 10, 0).build();
  }`;

describe('embedded charts', () => {
  it('records type, ranges (each once), options and position; the id is null until inserted', () => {
    const rt = runtimeWith(`${BUILD}
      function go() {
        const chart = line();
        const before = chart.getChartId();
        sheet().insertChart(chart);
        const inserted = sheet().getCharts()[0];
        return [before, typeof inserted.getChartId(), inserted.getContainerInfo().getAnchorColumn(),
          inserted.getOptions().get('title'), inserted.getRanges().map((r) => r.getA1Notation())];
      }`);
    expect(rt.run('go')).toEqual([null, 'string', 8, 'Daily cumulative', ['A1:A31', 'C1:D31']]);
    expect(rt.spreadsheet.charts()).toEqual([
      {
        sheet: 'Summary',
        chartId: expect.any(String),
        type: 'LINE',
        ranges: ['Summary!A1:A31', 'Summary!C1:D31'],
        options: {
          title: 'Daily cumulative',
          'hAxis.title': 'Day',
          'vAxis.title': 'Billed units',
          colors: ['#1a73e8', '#fbbc04'],
          'legend.position': 'bottom',
          series: { 1: { lineDashStyle: [4, 4] } },
        },
        position: { row: 2, column: 8, offsetX: 10, offsetY: 0 },
      },
    ]);
  });

  it('has pie and column builders with their own setters; the base builder has no setTitle', () => {
    const rt = runtimeWith(`function go() {
      const sh = SpreadsheetApp.getActive().getSheetByName('Summary');
      const base = sh.newChart();
      const pie = sh.newChart().asPieChart().addRange(sh.getRange('A1:B3')).setTitle('Origin').set3D().build();
      const column = sh.newChart().asColumnChart().addRange(sh.getRange('A1:B3')).setStacked().setYAxisTitle('Units').build();
      sh.insertChart(pie);
      sh.insertChart(column);
      return [typeof base.setTitle, typeof base.asPieChart().setTitle, typeof base.asPieChart().setXAxisTitle];
    }`);
    expect(rt.run('go')).toEqual(['undefined', 'function', 'undefined']);
    expect(rt.spreadsheet.charts().map((c) => [c.type, c.options])).toEqual([
      ['PIE', { title: 'Origin', is3D: true }],
      ['COLUMN', { isStacked: true, 'vAxis.title': 'Units' }],
    ]);
  });

  it('updates a chart through modify(), and refuses to update or remove a chart that is not there', () => {
    const rt = runtimeWith(`${BUILD}
      function go() {
        const sh = sheet();
        sh.insertChart(line());
        const chart = sh.getCharts()[0];
        sh.updateChart(chart.modify().setTitle('Cumulative with projection').build());
        const title = sh.getCharts()[0].getOptions().get('title');
        const out = [title];
        for (const f of [() => sh.updateChart(line()), () => sh.removeChart(line())])
          try { f(); out.push('ok'); } catch (e) { out.push(e.message); }
        sh.removeChart(sh.getCharts()[0]);
        try { sh.removeChart(chart); out.push('ok'); } catch (e) { out.push(e.message); }
        return out.concat([sh.getCharts().length]);
      }`);
    expect(rt.run('go')).toEqual([
      'Cumulative with projection',
      'The chart does not exist on this sheet.',
      'The chart does not exist on this sheet.',
      'The chart does not exist on this sheet.',
      0,
    ]);
  });
});

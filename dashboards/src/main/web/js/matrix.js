// District × food-category heat map of the open alerts of the current week (GET /api/v1/risk-matrix):
// the colour is the highest level, the label the number of open alerts; a cell opens its alerts.
import { get, query } from './api.js';
import { DISTRICTS, LEVELS, CITY_WIDE, esc, currentWeek } from './labels.js';

export async function renderMatrix(main) {
  const week = currentWeek();
  const cells = await get('/api/v1/risk-matrix' + query({ from: week.from, to: week.to }));
  main.innerHTML = `
    <section class="matrix">
      <h2>区 × 食品类别 风险热力图 <span class="muted">本周 ${esc(week.first)} 至 ${esc(week.last)}，未办结预警</span></h2>
      <div id="heatmap" class="chart tall"></div>
      <p class="muted">颜色为最高预警级别，数字为未办结预警数；点击格子查看对应预警。</p>
    </section>`;
  const categories = [...new Set(cells.map((c) => c.foodCategory || '未注明'))].sort((a, b) => a.localeCompare(b, 'zh'));
  // Alerts that name no district (a city-wide 舆情 signal) have their own row, first, instead of none.
  const districts = [CITY_WIDE.name, ...DISTRICTS.map(([, name]) => name)];
  const row = (c) => (c.districtCode ? districts.indexOf(c.districtName) : 0);
  const place = (c) => c.districtName || CITY_WIDE.name;
  const feedDistrict = (c) => c.districtCode || CITY_WIDE.code;
  const rank = Object.fromEntries(LEVELS.map((l) => [l.code, l.rank]));
  const data = cells.map((c) => ({
    value: [categories.indexOf(c.foodCategory || '未注明'), row(c), rank[c.level], c.openAlerts],
    cell: c,
  })).filter((d) => d.value[1] >= 0);
  const chart = echarts.init(main.querySelector('#heatmap'));
  chart.setOption({
    animation: false,
    tooltip: {
      formatter: (p) => `${esc(place(p.data.cell))} · ${esc(p.data.cell.foodCategory || '未注明')}<br>`
        + `最高级别：${esc(p.data.cell.levelName)}<br>未办结预警：${p.data.cell.openAlerts} 条`,
    },
    grid: { left: 90, right: 30, top: 20, bottom: 120 },
    xAxis: { type: 'category', data: categories, axisLabel: { rotate: 40, interval: 0 }, splitArea: { show: true } },
    yAxis: { type: 'category', data: districts, inverse: true, splitArea: { show: true } },
    visualMap: {
      type: 'piecewise', dimension: 2, orient: 'horizontal', left: 'center', bottom: 0,
      pieces: LEVELS.map((l) => ({ value: l.rank, label: l.name, color: l.color })),
    },
    series: [{
      type: 'heatmap', data,
      label: { show: true, formatter: (p) => String(p.data.value[3]), color: '#fff', fontWeight: 'bold' },
      emphasis: { itemStyle: { borderColor: '#333', borderWidth: 2 } },
    }],
  });
  chart.on('click', (p) => {
    const c = p.data.cell;
    location.hash = '#/feed' + query({ district: feedDistrict(c), category: c.foodCategory });
  });
  // Cell links for keyboards and tests: the same targets as the clicks.
  main.querySelector('.matrix').insertAdjacentHTML('beforeend', `<ul class="cell-links">${cells.map((c) =>
    `<li><a class="cell-link" data-district="${esc(feedDistrict(c))}" data-category="${esc(c.foodCategory || '')}"
      href="#/feed${esc(query({ district: feedDistrict(c), category: c.foodCategory }))}">${esc(place(c))} · ${esc(c.foodCategory || '未注明')}：${esc(c.levelName)} ${c.openAlerts} 条</a></li>`).join('')}</ul>`);
  const resize = () => chart.resize();
  window.addEventListener('resize', resize);
  return () => { window.removeEventListener('resize', resize); chart.dispose(); };
}

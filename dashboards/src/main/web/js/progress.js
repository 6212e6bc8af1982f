// Plan-target progress of a district (sampling batches against the pro-rated annual target,
// pass rates against their targets) and the accountability figures of its responsible units.
import { get, query } from './api.js';
import { DISTRICTS, esc, option, kindName, word } from './labels.js';

// Collective names a plan writes for "everyone concerned" (各部门, 街道办事处, 相关职能部门, 食安委成员单位):
// no one unit answers for them, so they have no row of their own (issue 16).
const COLLECTIVE = /^各|相关|有关|成员单位|部门$|^街道办事处$|^镇乡街政府$|^园区$/;
export const isUnit = (name) => !COLLECTIVE.test(name);

// Batches are counted: whole numbers (1042, not 1042.0); densities and rates keep one decimal.
// Counts (批次, 份, 个) as whole numbers; rates and densities with one decimal; not measured: a dash.
const figure = (p, v) => (v === null || v === undefined ? '—'
  : ['批次', '份', '个'].includes(p.unit) ? Math.round(v).toLocaleString('zh-CN') : Number(v).toFixed(1));

// Rates come in percent; below the plan's target they are marked.
// Below the district plan's own target in red; a plan that sets none (every district but 西青) marks nothing.
const pct = (v, target) => (v === null || v === undefined ? '—'
  : `<span class="${target !== undefined && v < target ? 'error' : ''}">${Number(v).toFixed(1)}%</span>`);

// A target the data cannot measure (农药产品抽检) or not judged yet shows why — never a 0 or a silent 达标.
const status = (p) => (p.measurable === false ? `<span class="muted">${esc(p.note)}</span>`
  : p.onTrack === null || p.onTrack === undefined ? `<span class="muted">未考核：${esc(p.note)}</span>`
    : p.onTrack ? '达标' : '<span class="error">滞后</span>');

export async function renderProgress(main, { params }) {
  const district = params.get('district') || '120114';
  const year = new Date().getFullYear();
  const name = (DISTRICTS.find(([c]) => c === district) || [district, district])[1];
  const plans = await get('/api/v1/plans');
  const ofDistrict = plans.filter((p) => p.districtName === name);
  // The district's plan for this year, else its nearest year (as the router chooses).
  const chosen = ofDistrict.sort((a, b) => Math.abs(a.year - year) - Math.abs(b.year - year))[0];
  main.innerHTML = `
    <section class="progress">
      <h2>计划目标进展与责任落实</h2>
      <form class="filters"><label>区<select id="progress-district">${DISTRICTS.map(([c, n]) => option(c, n, c === district)).join('')}</select></label></form>
      <div id="progress-body"></div>
    </section>`;
  main.querySelector('#progress-district').onchange = (e) => { location.hash = '#/progress' + query({ district: e.target.value }); };
  const body = main.querySelector('#progress-body');
  if (!chosen) {
    body.innerHTML = `<p class="muted">${esc(name)}没有本地计划（按模板计划分派任务），暂无计划目标。</p>`;
    return () => {};
  }
  const plan = await get('/api/v1/plans/' + encodeURIComponent(chosen.planId));
  const targeted = plan.tasks.filter((t) => (t.targets || []).length);
  const progress = (await Promise.all(targeted.map((t) => get('/api/v1/plan-tasks/' + encodeURIComponent(t.taskId)))))
    .flatMap((t) => t.targetProgress || []);
  const units = [...new Set(plan.tasks.flatMap((t) => t.leadUnits || []))].filter(isUnit).sort((a, b) => a.localeCompare(b, 'zh'));
  // A unit with no alert at all has nothing to account for: ~25 rows of zeros hid the few that matter.
  const accountability = (await Promise.all(units.map((u) =>
    get(`/api/v1/units/${encodeURIComponent(u)}/accountability` + query({ district })))))
    .filter((a) => a.received || a.acknowledgedInTime || a.closed || a.openOverdue)
    .sort((a, b) => b.received - a.received || a.unit.localeCompare(b.unit, 'zh'));
  const quiet = units.length - accountability.length;
  // What the checks of the district's alerts found (issue 19): each kind's positive predictive value.
  const outcomes = (await get('/api/v1/alert-outcomes' + query({ district }))).outcomes;
  const share = (x) => (x == null ? '—' : `${(x * 100).toFixed(0)}%`);

  body.innerHTML = `
    <h3>${esc(plan.title)}</h3>
    ${progress.length && progress[0].planNote ? `<p class="muted" id="plan-note">${esc(progress[0].planNote)}</p>` : ''}
    <div id="progress-chart" class="chart"></div>
    <table class="targets" id="targets"><thead><tr><th>任务</th><th>指标</th><th>范围</th><th>年度目标</th><th>按进度应达</th><th>已完成</th><th>进度</th></tr></thead><tbody>
      ${progress.map((p) => `<tr class="${p.onTrack === false ? 'behind' : ''}"><td>${esc(p.taskNumber)}</td><td>${esc(p.metric)}</td>
        <td>${esc([p.scope, p.agency].filter(Boolean).join(' · '))}</td><td>${esc(p.target)}${p.upperTarget == null ? '' : '–' + esc(p.upperTarget)} ${esc(p.unit)}</td>
        <td>${figure(p, p.proRated)}</td><td>${figure(p, p.reached)}</td>
        <td>${status(p)}</td></tr>`).join('') || '<tr><td colspan="7" class="muted">计划未设定量化目标</td></tr>'}
    </tbody></table>
    <h3>责任单位落实情况 <span class="muted">目标按本区计划所定（计划未定的不标红）</span></h3>
    <table class="accountability" id="accountability"><thead><tr><th>责任单位</th><th>收到预警</th><th>按时签收</th><th>已办结</th><th>按时办结</th><th>超期未办结</th><th>核查处置率</th><th>按时完成率</th></tr></thead><tbody>
      ${accountability.map((a) => `<tr><td>${esc(a.unit)}</td><td>${a.received}</td><td>${a.acknowledgedInTime}</td><td>${a.closed}</td>
        <td>${a.closedInTime}</td><td>${a.openOverdue}</td><td>${pct(a['核查处置率'], a.targets['核查处置率'])}</td><td>${pct(a['按时完成率'], a.targets['按时完成率'])}</td></tr>`).join('')
        || '<tr><td colspan="8" class="muted">本区暂无预警分派到计划的牵头单位</td></tr>'}
    </tbody></table>
    <p class="muted" id="accountability-note">${quiet ? `另有 ${quiet} 个牵头单位暂无预警，未列出。` : ''}按时签收只计签收的单位；配合单位仅在其办理后计入。</p>
    <h3>预警核查结论 <span class="muted">近一年；阳性预测值 = 属实 /（属实 + 不属实），括号内为 95% 置信区间</span></h3>
    <table class="outcomes" id="alert-outcomes"><thead><tr><th>预警类型</th><th>检测方法</th><th>预警</th><th>已办结</th><th>属实</th><th>不属实</th><th>无法核实</th><th>未填结论</th><th>阳性预测值</th></tr></thead><tbody>
      ${outcomes.map((o) => `<tr><td>${esc(o.kind === '合计' ? '合计' : kindName(o.kind))}</td><td>${esc(o.detector ? word(o.detector) : '')}</td>
        <td>${o.alerts}</td><td>${o.closed}</td><td>${o.real}</td><td>${o.notReal}</td><td>${o.undetermined}</td><td>${o.closedWithoutVerdict}</td>
        <td>${o.ppv == null ? '—' : `${share(o.ppv)}（${share(o.ppvLow)}–${share(o.ppvHigh)}）`}</td></tr>`).join('')}
    </tbody></table>`;

  // Batches only: per-thousand densities and pass rates are on other scales (they are in the table).
  const volumes = progress.filter((p) => p.unit === '批次' && p.reached != null && p.proRated != null);
  const chart = echarts.init(body.querySelector('#progress-chart'));
  chart.setOption({
    animation: false,
    tooltip: { trigger: 'axis' },
    legend: { top: 0 },
    // Bars lie down: the task labels run along the category axis on one line each instead of wrapping.
    grid: { left: 20, right: 40, top: 40, bottom: 20, containLabel: true },
    yAxis: { type: 'category', inverse: true, data: volumes.map((p) => `${p.taskNumber} ${p.metric}${p.agency ? '·' + p.agency : ''}`) },
    xAxis: { type: 'value', minInterval: 1, name: '批次' },
    series: [
      { name: '已完成', type: 'bar', data: volumes.map((p) => Math.round(p.reached)), itemStyle: { color: '#5b8ff9' } },
      { name: '按进度应达', type: 'bar', data: volumes.map((p) => Math.round(p.proRated)), itemStyle: { color: '#c9c9c9' } },
      { name: '年度目标', type: 'scatter', symbol: 'rect', symbolSize: [3, 24], data: volumes.map((p) => Math.round(p.target)), itemStyle: { color: '#d7262b' } },
    ],
  });
  return () => chart.dispose();
}

// One alert: what happened, the detector's numbers, the evidence line list, the daily series of
// its district × category with the count detector's threshold, the responsible plan tasks, the
// history, and the actions a signed-in member of a responsible unit may take.
import { get, post, query } from './api.js';
import * as live from './live.js';
import * as session from './session.js';
import { esc, time, levelBadge, statusBadge, kindName, responsibleUnits, SIGNALS, levelOf, ACTIONS, word, inWords, CITY_WIDE } from './labels.js';

// The food-safety offices (as the service's lifecycle names them): they may draft risk communications from any alert.
const SUPERVISING = ['区食安办', '食安办', '区食品安全委员会办公室', '区食品安全办'];

const DAY = 86400000;
// The kinds whose detector counts the alert's own daily series (CountAberrationRule): their observed
// figure is the count judged, which late reports may change after the verdict.
const COUNT_KINDS = ['sampling.aberration', 'illness.aberration', 'complaint.spike'];

export async function renderAlert(main, { id }) {
  let alert = await get('/api/v1/alerts/' + encodeURIComponent(id));
  let chart = null;
  const tasks = await Promise.all((alert.planTasks || []).map((t) =>
    get('/api/v1/plan-tasks/' + encodeURIComponent(t.taskId)).catch(() => null)));

  async function render() {
    main.innerHTML = `
      <section class="alert-page" data-alert-id="${esc(alert.alertId)}" data-version="${alert.version}">
        <p><a href="#/feed">← 返回实时预警</a></p>
        <h2>${levelBadge(alert)} ${esc(inWords(alert.headline) || kindName(alert.kind))}</h2>
        <p class="facts">${statusBadge(alert.status)}
          <span>${esc(kindName(alert.kind))}</span><span>${esc(alert.districtName || CITY_WIDE.name)}</span>
          <span>${esc(alert.foodCategory || '')}${alert.foodName ? ' · ' + esc(alert.foodName) : ''}</span>
          ${alert.substance || alert.hazard ? `<span>${esc(alert.substance || alert.hazard)}</span>` : ''}
          <span>编号 ${esc(alert.alertId)}（第 ${alert.version} 版）</span></p>
        ${whatHappened()}
        <div class="columns">
          <div><h3>检测器数据</h3>${detector()}</div>
          <div><h3>处置情况</h3>${handling()}<div id="actions"></div><div id="communication-box"></div><div id="exchange-box"></div></div>
        </div>
        <h3>${esc(alert.districtName || CITY_WIDE.name)} · ${syndromeOf(alert) ? esc(syndromeOf(alert)) + '症候群 每日病例数与预警阈值'
          : esc(alert.foodCategory || '未注明类别') + ' 每日数量与预警阈值'}</h3>
        <div id="series-chart" class="chart"></div>
        <h3>证据清单（${alert.evidence.length} 条）</h3>${evidence()}
        <h3>责任任务</h3>${planTasks()}
        <h3>版本与处置记录</h3>${history()}
      </section>`;
    renderActions();
    renderCommunication();
    renderExchange();
    if (chart) chart.dispose();
    if (!alert.districtCode) {
      // The daily series are per district: a city-wide alert has none to draw.
      main.querySelector('#series-chart').outerHTML = '<p class="muted" id="series-chart">全市预警没有分区每日数量。</p>';
      chart = null;
      currentFigure(null);
      return;
    }
    const shown = await seriesChart(main.querySelector('#series-chart'), alert);
    chart = shown.chart;
    currentFigure(shown.current);
  }

  function whatHappened() {
    const w = alert.window || {};
    return `<dl class="what">
      <dt>时间范围</dt><dd>${esc(time(w.start))} 至 ${esc(time(w.end))}</dd>
      <dt>首次发现</dt><dd>${esc(time(alert.firstDetectedAt))}，检测 ${alert.detections || 1} 次</dd>
      ${judgement()}
      ${alert.enterprise ? `<dt>涉及主体</dt><dd>${esc(alert.enterprise.name || '')} ${esc(alert.enterprise.creditCode || '')}</dd>` : ''}
      ${alert.recommendedActions.length ? `<dt>建议措施</dt><dd>${alert.recommendedActions.map(esc).join('；')}</dd>` : ''}
    </dl>`;
  }

  // How the latest verdict of a closed day came about: first verdict, raised or updated on late
  // reports, or withdrawn; and how much of the day's data it saw (lab results come days late).
  function judgement() {
    const j = alert.judgement;
    if (!j) return '';
    const share = j.completeness === undefined || j.completeness === null ? ''
      : `，估计约占应到报告的 ${Math.round(j.completeness * 100)}%`;
    const delay = j.typicalDelayDays === undefined || j.typicalDelayDays === null ? ''
      : `，典型报告延迟 ${j.typicalDelayDays} 天`;
    return `<dt>研判</dt><dd id="judgement"><span class="judgement judgement-${esc(j.state)}">${esc(j.state)}</span>
      ${esc(time(j.judgedAt))} 研判时已收到 ${j.reportsReceived} 条${esc(share)}${esc(delay)}</dd>`;
  }

  function detector() {
    const d = alert.detector || {};
    const n = (v) => (v === undefined || v === null ? '—' : Number(v).toLocaleString('zh-CN', { maximumFractionDigits: 4 }));
    const counted = COUNT_KINDS.includes(alert.kind);
    // A baseline detector's threshold of 0 comes from a silent baseline: the first signal, not "above 0.0"
    // (issue 16). A rule's 0 is its limit (不得检出), not a baseline.
    const firstSignal = (counted || alert.kind === 'opinion.spike') && d.threshold === 0 && !d.expected
      ? ' <span class="muted">（基线期内无记录：首次出现即预警）</span>' : '';
    return `<table class="numbers" id="detector">
      <tr><th>检测方法</th><td>${esc(d.name ? word(d.name) : '—')}</td></tr>
      <tr><th>${counted ? '研判时观测值' : '观测值'}</th><td id="observed-judged">${n(d.observed)}${counted && alert.judgement
        ? ` <span class="muted">（${esc(time(alert.judgement.judgedAt))} 研判）</span>` : ''}</td></tr>
      ${counted ? '<tr><th>当前值</th><td id="observed-now" class="muted">图表加载中…</td></tr>' : ''}
      <tr><th>期望值</th><td>${n(d.expected)}</td></tr>
      <tr><th>阈值</th><td>${n(d.threshold)}${firstSignal}</td></tr><tr><th>统计量</th><td>${n(d.statistic)}</td></tr>
      <tr><th>p 值</th><td>${d.pValue === undefined || d.pValue === null ? '—' : Number(d.pValue).toExponential(2)}</td></tr>
      ${d.method ? `<tr><th>依据</th><td class="muted">${esc(d.method)}</td></tr>` : ''}</table>`;
  }

  /** The count of the judged period as the series has it now, beside the figure judged. */
  function currentFigure(current) {
    const cell = main.querySelector('#observed-now');
    if (!cell) return;
    if (!current) {
      cell.textContent = '—';
      return;
    }
    const judged = (alert.detector || {}).observed;
    const span = current.first === current.last ? current.first : `${current.first} 至 ${current.last}`;
    const change = judged === undefined || judged === null ? ''
      : current.value === judged ? '，与研判时相同'
        : `，研判后${current.value > judged ? '又到达' : '更正减少'} ${Math.abs(current.value - judged)} 条`;
    cell.textContent = `${current.value}（${span}，含迟到报告${change}；图中柱为当前值）`;
    cell.classList.remove('muted');
  }

  function handling() {
    const h = alert.handling || {};
    const dl = h.deadlines || {};
    return `<dl class="what">
      <dt>状态</dt><dd id="alert-status">${esc(alert.status)}</dd>
      <dt>承办单位</dt><dd>${esc(h.assignedUnit || '未指派')}</dd>
      ${h.acknowledgedAt ? `<dt>签收时间</dt><dd>${esc(time(h.acknowledgedAt))}</dd>` : ''}
      ${h.closedAt ? `<dt>办结时间</dt><dd>${esc(time(h.closedAt))}</dd>` : ''}
      ${h.disposition ? `<dt>处置结果</dt><dd>${esc(h.disposition)}</dd>` : ''}
      ${h.verdict ? `<dt>核查结论</dt><dd id="verdict">${esc(h.verdict)}</dd>` : ''}
      ${dl.acknowledgeBy ? `<dt>签收时限</dt><dd>${esc(time(dl.acknowledgeBy))}</dd>` : ''}
      ${dl.closeBy ? `<dt>办结时限</dt><dd>${esc(time(dl.closeBy))}</dd>` : ''}
      ${(dl.overdue || []).length ? `<dt>超期</dt><dd class="error">${esc(dl.overdue.map(word).join('、'))}</dd>` : ''}
    </dl>`;
  }

  function evidence() {
    return `<table class="evidence"><thead><tr><th>时间</th><th>来源</th><th>编号</th><th>内容（地点）</th></tr></thead><tbody>
      ${alert.evidence.map((e) => `<tr><td>${esc(time(e.at))}</td><td>${esc(SIGNALS[e.signal] || e.signal)}</td>
        <td>${esc(e.id)}</td><td>${esc(e.summary || '')}</td></tr>`).join('')}</tbody></table>`;
  }

  function planTasks() {
    return `<table class="tasks"><thead><tr><th>任务</th><th>牵头单位</th><th>配合单位</th><th>未办结预警</th></tr></thead><tbody>
      ${(alert.planTasks || []).map((t, i) => `<tr class="plan-task" data-task-id="${esc(t.taskId)}">
        <td>${esc(t.number)} ${esc(t.title)}${clause(t)}<div class="muted">${esc(t.plan)}</div>
          ${t.planNote ? `<div class="plan-note muted">${esc(t.planNote)}</div>` : ''}</td>
        <td>${esc((t.leadUnits || []).join('、'))}</td><td>${esc((t.coUnits || []).join('、') || '—')}</td>
        <td>${tasks[i] ? tasks[i].openAlerts.length : '—'}</td></tr>`).join('')}</tbody></table>`;
  }

  // The clause the alert was routed to, as the plan writes it (issue 15): the sentence that obliges the
  // units beside it; the task's other clauses are other units' work.
  function clause(t) {
    if (!t.clause) return '';
    const subject = t.clause.subject ? `「${esc(t.clause.subject)}」` : '';
    return `<div class="clause">条款 ${esc(t.clause.index)}：${subject}（${esc(t.clause.asWritten || '')}）</div>`;
  }

  function history() {
    const rows = [
      ...(alert.history || []).map((v) => ({ at: v.at, what: `第 ${v.version} 版：${inWords(v.change)}`, who: '' })),
      ...((alert.handling || {}).actions || []).map((a) => ({
        at: a.at, what: `${word(a.action)}${a.disposition ? '：' + a.disposition : ''}${a.note ? '（' + a.note + '）' : ''}`,
        who: `${a.by || ''} ${a.unit || ''}`,
      })),
    ].sort((a, b) => String(a.at).localeCompare(String(b.at)));
    return `<table class="history"><thead><tr><th>时间</th><th>内容</th><th>人员/单位</th></tr></thead><tbody>
      ${rows.map((r) => `<tr><td>${esc(time(r.at))}</td><td>${esc(r.what)}</td><td>${esc(r.who)}</td></tr>`).join('')}</tbody></table>`;
  }

  function mayAct(user) {
    if (!user) return false;
    if (user.role === 'admin') return true;
    const sameDistrict = !user.district || user.district === alert.districtCode;
    return sameDistrict && !!user.unit && responsibleUnits(alert).includes(user.unit);
  }

  function renderActions() {
    const box = main.querySelector('#actions');
    const user = session.user();
    if (!mayAct(user)) {
      // An analyst belongs to no unit: reading is the role, not a refusal (issue 16).
      box.innerHTML = `<p class="muted" id="actions-note">${!user ? '责任单位人员登录后可签收、指派、办结。'
        : !user.unit ? '分析人员只能查看预警；签收、指派、办结由责任单位人员办理。'
          : `${esc(user.unit)}不是本预警的责任单位，只能查看。`}</p>`;
      return;
    }
    const open = alert.status !== '已办结';
    // A unit member acts in its own unit's name (the server enforces it); an admin picks the unit.
    const units = user.role === 'admin' ? responsibleUnits(alert) : [user.unit];
    box.innerHTML = `<div class="action-buttons">
        <label>单位<select id="act-unit">${units.map((u) => `<option>${esc(u)}</option>`).join('')}</select></label>
        ${alert.status === '待处置' ? '<button id="act-acknowledge" type="button">签收</button>' : ''}
        ${open ? '<button id="act-assign" type="button">指派</button>' : ''}
      </div>
      ${open ? `<div class="close-box"><label>处置结果<textarea id="disposition" rows="2" placeholder="核查处置情况"></textarea></label>
        <label>核查结论<select id="verdict-select"><option value="">（未填）</option><option>属实</option><option>不属实</option>
          <option>无法核实</option></select></label>
        <button id="act-close" type="button">办结</button></div>` : ''}
      <p id="action-result" class="muted"></p>`;
    const unit = () => box.querySelector('#act-unit').value;
    const send = async (action, extra = {}) => {
      const result = box.querySelector('#action-result');
      try {
        // "by" is set by the server to the signed-in user.
        await post(`/api/v1/alerts/${encodeURIComponent(alert.alertId)}/actions`,
          { action, unit: unit(), at: new Date().toISOString(), ...extra });
        result.textContent = `已提交“${ACTIONS[action]}”，等待处理…`;
      } catch (e) {
        result.textContent = `提交失败：${e.message}`;
      }
    };
    box.querySelector('#act-acknowledge')?.addEventListener('click', () => send('acknowledge'));
    // assign: the unit named is the one that takes the alert on.
    box.querySelector('#act-assign')?.addEventListener('click', () => send('assign', { note: `指派${unit()}承办` }));
    box.querySelector('#act-close')?.addEventListener('click', () => {
      const disposition = box.querySelector('#disposition').value.trim();
      if (!disposition) {
        box.querySelector('#action-result').textContent = '办结需要填写处置结果';
        return;
      }
      // The verdict is what each kind's positive predictive value is counted from (GET /api/v1/alert-outcomes).
      const verdict = box.querySelector('#verdict-select').value || undefined;
      send('close', { disposition, verdict });
    });
  }

  // 消费提示 / 风险警示 (issue 20): a unit of the alert or the office drafts one from an alert a unit has taken up
  // or closed; the draft is edited and approved on the 风险交流 page, and nothing is published without approval.
  function renderCommunication() {
    const box = main.querySelector('#communication-box');
    const user = session.user();
    const office = user && (user.role === 'admin' || SUPERVISING.includes(user.unit));
    if (!user || !(office || mayAct(user))) { box.innerHTML = ''; return; }
    if (alert.status === '待处置') {
      box.innerHTML = '<p class="muted">预警签收后可起草消费提示或风险警示。</p>';
      return;
    }
    box.innerHTML = `<div class="action-buttons"><label>风险交流<select id="communication-kind">
        <option>消费提示</option><option>风险警示</option></select></label>
      <button id="draft-communication" type="button">起草</button><span id="communication-result" class="muted"></span></div>`;
    box.querySelector('#draft-communication').onclick = async () => {
      try {
        const accepted = await post(`/api/v1/alerts/${encodeURIComponent(alert.alertId)}/communications`,
          { kind: box.querySelector('#communication-kind').value });
        location.hash = '#/communications' + query({ district: alert.districtCode || '', id: accepted.communicationId });
      } catch (e) {
        box.querySelector('#communication-result').textContent = `起草失败：${e.message}`;
      }
    };
  }

  // 京津冀 预警交流 (issue 20): the office shares an alert with the partner regions; this and every later version
  // are mirrored to them (MirrorMaker 2). Everyone sees that it was shared; only the office shares, once.
  function renderExchange() {
    const box = main.querySelector('#exchange-box');
    const shared = (alert.handling || {}).shared;
    const user = session.user();
    const office = user && (user.role === 'admin' || SUPERVISING.includes(user.unit));
    if (shared) {
      box.innerHTML = `<p id="exchange-state" class="muted">已通报交流：${esc(shared.by)}（${esc(shared.unit || '')}）
        ${esc(time(shared.at))}${shared.note ? '，' + esc(shared.note) : ''}；后续版本同步发送。</p>`;
      return;
    }
    if (!office) { box.innerHTML = ''; return; }
    box.innerHTML = `<div class="close-box"><label>通报说明<textarea id="exchange-note" rows="2"
        placeholder="向京津冀协作地区说明（如涉事产品流向）"></textarea></label>
      <button id="act-share" type="button">通报交流</button><span id="exchange-result" class="muted"></span></div>`;
    box.querySelector('#act-share').onclick = async () => {
      const result = box.querySelector('#exchange-result');
      try {
        await post(`/api/v1/alerts/${encodeURIComponent(alert.alertId)}/actions`, { action: 'share',
          unit: user.role === 'admin' ? '区食安办' : user.unit, at: new Date().toISOString(),
          note: box.querySelector('#exchange-note').value.trim() || undefined });
        result.textContent = '已提交通报，等待处理…';
      } catch (e) {
        result.textContent = `通报失败：${e.message}`;
      }
    };
  }

  await render();
  // A new version of this alert (an accepted action, new evidence) re-renders the page.
  const unsubscribe = live.subscribe((a) => {
    if (a.alertId === alert.alertId && a.version > alert.version) {
      alert = a;
      render();
    }
  });
  return () => { unsubscribe(); if (chart) chart.dispose(); };
}

/**
 * The syndrome of a per-syndrome illness aberration (the alert says it), else null: its chart is the
 * syndrome's series, the one it was judged on, not the district × category counts.
 */
function syndromeOf(alert) {
  return alert.syndrome || null;
}

/** The signal whose daily counts tell the alert's story, and the count detector's line for it. */
function seriesFor(kind) {
  const signal = kind.split('.')[0];
  switch (signal) {
    case 'illness': return [{ key: 'illness', name: '病例数', threshold: 'illnessThreshold' }];
    case 'complaint': return [{ key: 'complaints', name: '投诉举报数', threshold: 'complaintThreshold' }];
    case 'opinion': return [{ key: 'opinion', name: '舆情条数' }];
    case 'fusion': return [
      { key: 'samplingFailed', name: '抽检不合格批次' }, { key: 'illness', name: '病例数' },
      { key: 'complaints', name: '投诉举报数' }, { key: 'opinion', name: '舆情条数' }];
    default: return [{ key: 'samplingFailed', name: '抽检不合格批次', threshold: 'samplingFailedThreshold' },
      { key: 'sampling', name: '抽检批次' }];
  }
}

async function seriesChart(element, alert) {
  const w = alert.window || {};
  const end = Math.min(Date.parse(w.end || alert.updatedAt) + 7 * DAY, Date.now());
  const start = Date.parse(w.start || alert.firstDetectedAt) - 30 * DAY;
  const day = (ms) => new Date(ms + 8 * 3600 * 1000).toISOString().slice(0, 10);
  const syndrome = syndromeOf(alert);
  const path = syndrome ? `syndromes/${encodeURIComponent(syndrome)}` : encodeURIComponent(alert.foodCategory || '?');
  const series = await get(`/api/v1/daily-counts/${encodeURIComponent(alert.districtCode)}/${path}`
    + query({ from: day(start), to: day(Math.max(end, start)) }));
  const dates = series.days.map((d) => d.date);
  const lines = seriesFor(alert.kind);
  const color = levelOf(alert.level).color;
  const chartSeries = lines.map((l, i) => ({
    name: l.name, type: i === 0 ? 'bar' : 'line', data: series.days.map((d) => d[l.key]),
    itemStyle: i === 0 ? { color: '#5b8ff9' } : undefined,
    markArea: i === 0 && w.start ? {
      silent: true, itemStyle: { color: color, opacity: 0.12 },
      data: [[{ xAxis: day(Date.parse(w.start)) }, { xAxis: day(Date.parse(w.end || w.start)) }]],
    } : undefined,
  }));
  // The count judged and the count now: lab results and case reports keep arriving after the verdict, so
  // the bar of the judged day may stand above the detector's figure (issue 16). Both are shown, labelled.
  let current = null;
  if (COUNT_KINDS.includes(alert.kind) && w.start) {
    const first = day(Date.parse(w.start));
    const last = w.end && Date.parse(w.end) > Date.parse(w.start) ? day(Date.parse(w.end) - 1) : first;
    current = { first, last, value: series.days.filter((d) => d.date >= first && d.date <= last)
      .reduce((sum, d) => sum + (d[lines[0].key] || 0), 0) };
    chartSeries[0].name = `${lines[0].name}（当前）`;
    const judged = (alert.detector || {}).observed;
    if (judged !== undefined && judged !== null && first === last) {
      chartSeries.push({ name: '研判时观测值', type: 'scatter', symbol: 'diamond', symbolSize: 12,
        itemStyle: { color: '#333' }, data: series.days.map((d) => (d.date === first ? judged : null)) });
    }
  }
  const thresholdOf = lines.find((l) => l.threshold);
  if (thresholdOf) {
    chartSeries.push({
      name: `预警阈值（${word(series.method)}）`, type: 'line', step: 'middle', symbol: 'none', connectNulls: false,
      lineStyle: { type: 'dashed', color: '#d7262b', width: 2 }, itemStyle: { color: '#d7262b' },
      data: series.days.map((d) => (d[thresholdOf.threshold] === null || d[thresholdOf.threshold] === undefined
        ? null : Number(d[thresholdOf.threshold].toFixed(2)))),
    });
  }
  const chart = echarts.init(element);
  chart.setOption({
    animation: false,
    tooltip: { trigger: 'axis' },
    legend: { top: 0 },
    grid: { left: 50, right: 20, top: 40, bottom: 40 },
    xAxis: { type: 'category', data: dates },
    yAxis: { type: 'value', minInterval: 1 },
    series: chartSeries,
  });
  element.dataset.days = String(dates.length);
  return { chart, current };
}

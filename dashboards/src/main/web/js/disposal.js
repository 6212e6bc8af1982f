// 不合格食品核查处置 (issue 15): every 不合格 result of 监督抽检 is a case for the unit of its stage and
// district. The page lists a district's cases with the units' and the plan's 核查处置率 / 按时完成率 (open
// overdue cases count against 按时完成率), and lets a signed-in member of the case's unit take it from
// 待核查 to 核查中 to 已处置 with the measures taken.
import { get, post, query } from './api.js';
import * as session from './session.js';
import { DISTRICTS, esc, time, option } from './labels.js';

const STATES = ['待核查', '核查中', '已处置'];
const MEASURES = ['控制产品', '召回', '立案', '复检', '下架', '其他'];
// After an action the page waits for the case's next version (the action goes through Kafka).
const POLL_MS = 500;
const PATIENCE_MS = 30000;

const pct = (v) => (v === null || v === undefined ? '—' : `${Number(v).toFixed(1)}%`);

function targetText(row) {
  if (!row.targets.length) return '<span class="muted">计划未设定</span>';
  return row.targets.map((t) => {
    const mark = t.met === false ? ' class="error"' : '';
    return `<span${mark} title="${esc(t.planTitle)} ${esc(t.taskNumber)}：${esc(t.asWritten)}">${esc(t.metric)} ≥${esc(t.value)}%${t.met === false ? '（未达到）' : ''}</span>`;
  }).join('；');
}

function ratesRow(row, key) {
  const r = row.rates;
  return `<tr data-${key}="${esc(key === 'unit' ? row.unit : row.districtCode)}" data-district="${esc(row.districtCode)}">
    <td>${esc(key === 'unit' ? row.unit : (row.planTitle || row.districtName))}</td><td>${r.received}</td><td>${r.disposed}</td>
    <td>${r.disposedInTime}</td><td>${r.openOverdue}</td>
    <td class="handling-rate">${pct(r.handlingRate)}</td><td class="on-time-rate">${pct(r.onTimeRate)}</td><td>${targetText(row)}</td></tr>`;
}

function mayAct(user, c) {
  return user && (user.role === 'admin' || (user.role === 'unit' && user.unit === c.unit
    && (!user.district || user.district === c.districtCode)));
}

function caseRow(c, user) {
  const actions = c.state === '已处置' || c.withdrawn || !mayAct(user, c) ? ''
    : `<div class="action-buttons">
        ${c.state === '待核查' ? `<button type="button" class="accept">开始核查</button>` : ''}
        <span class="measures">${MEASURES.map((m) => `<label><input type="checkbox" name="measure" value="${esc(m)}">${esc(m)}</label>`).join(' ')}</span>
        <input type="text" class="note" maxlength="2000" placeholder="处置情况" aria-label="处置情况">
        <button type="button" class="dispose">处置完毕</button><span class="error action-error"></span></div>`;
  return `<tr data-case-id="${esc(c.caseId)}" data-version="${c.version}">
    <td>${esc(c.caseId)}<br><span class="muted">${esc(c.program || '')} · ${esc(c.stage || '环节未注明')}</span></td>
    <td>${esc(c.foodName || '')}<br><span class="muted">${esc(c.foodCategory || '')}</span></td>
    <td>${esc(c.enterpriseName || '')}<br><span class="muted">${(c.findings || []).map(esc).join('；')}</span></td>
    <td>${esc(c.unit)}</td>
    <td><span class="case-state status status-${STATES.indexOf(c.state)}">${esc(c.withdrawn ? '已撤回' : c.state)}</span>
      ${c.overdue ? '<span class="error overdue">超期</span>' : ''}
      ${c.measures && c.measures.length ? `<br><span class="muted">${c.measures.map(esc).join('、')}</span>` : ''}</td>
    <td>${esc(time(c.dueBy))}</td>
    <td>${actions}</td></tr>`;
}

export async function renderDisposal(main, { params }) {
  const district = params.get('district') || '120114';
  const state = params.get('state') || '';
  main.innerHTML = `
    <section class="disposal">
      <h2>不合格食品核查处置</h2>
      <form class="filters">
        <label>区<select id="disposal-district">${DISTRICTS.map(([c, n]) => option(c, n, c === district)).join('')}</select></label>
        <label>状态<select id="disposal-state">${option('', '全部', !state)}${STATES.map((s) => option(s, s, s === state)).join('')}</select></label>
      </form>
      <div id="disposal-body"><p class="loading">加载中…</p></div>
    </section>`;
  const go = () => {
    location.hash = '#/disposal' + query({ district: main.querySelector('#disposal-district').value,
      state: main.querySelector('#disposal-state').value });
  };
  main.querySelector('#disposal-district').onchange = go;
  main.querySelector('#disposal-state').onchange = go;
  const body = main.querySelector('#disposal-body');
  let stopped = false;

  async function load() {
    const [standing, page] = await Promise.all([
      get('/api/v1/disposal-rates' + query({ district })),
      get('/api/v1/disposal-cases' + query({ district, state, size: 200 })),
    ]);
    if (stopped) return;
    const user = session.user();
    body.innerHTML = `
      <p class="muted">监督抽检（国抽、省抽、市抽、区抽、县抽、监督抽查）每一批次不合格即立案核查处置；
        核查处置率 = 已处置 / 收到；按时完成率 = 按时处置 / （已处置 + 超期未处置），超期未处置计为未按时。
        截至 ${esc(time(standing.asOf))}。</p>
      <h3>按责任单位</h3>
      <table id="disposal-unit-rates"><thead><tr><th>责任单位</th><th>收到</th><th>已处置</th><th>按时处置</th><th>超期未处置</th>
        <th>核查处置率</th><th>按时完成率</th><th>计划目标</th></tr></thead><tbody>
        ${standing.byUnit.map((r) => ratesRow(r, 'unit')).join('') || '<tr><td colspan="8" class="muted">暂无核查处置案件</td></tr>'}
      </tbody></table>
      <h3>按计划（区）</h3>
      <table id="disposal-plan-rates"><thead><tr><th>计划</th><th>收到</th><th>已处置</th><th>按时处置</th><th>超期未处置</th>
        <th>核查处置率</th><th>按时完成率</th><th>计划目标</th></tr></thead><tbody>
        ${standing.byPlan.map((r) => ratesRow(r, 'plan')).join('') || '<tr><td colspan="8" class="muted">暂无核查处置案件</td></tr>'}
      </tbody></table>
      <h3>案件（${page.total} 件${page.total > page.cases.length ? `，显示前 ${page.cases.length} 件` : ''}）</h3>
      <table id="disposal-cases"><thead><tr><th>抽样单</th><th>食品</th><th>被抽样单位 · 不合格项目</th><th>责任单位</th>
        <th>状态</th><th>处置时限</th><th>操作</th></tr></thead><tbody>
        ${page.cases.map((c) => caseRow(c, user)).join('') || '<tr><td colspan="7" class="muted">无</td></tr>'}
      </tbody></table>`;
    body.querySelectorAll('tr[data-case-id]').forEach((row) => wire(row));
  }

  function wire(row) {
    const caseId = row.dataset.caseId;
    const version = Number(row.dataset.version);
    const error = row.querySelector('.action-error');
    const send = async (action) => {
      try {
        await post('/api/v1/disposal-cases/' + encodeURIComponent(caseId) + '/actions', action);
        await untilNewVersion(caseId, version);
        await load();
      } catch (e) {
        if (error) error.textContent = e.message;
      }
    };
    const accept = row.querySelector('button.accept');
    if (accept) accept.onclick = () => send({ action: 'accept' });
    const dispose = row.querySelector('button.dispose');
    if (dispose) {
      dispose.onclick = () => {
        const measures = [...row.querySelectorAll('input[name=measure]:checked')].map((i) => i.value);
        if (!measures.length) { error.textContent = '请选择处置措施'; return; }
        const note = row.querySelector('input.note').value.trim();
        send(note ? { action: 'dispose', measures, note } : { action: 'dispose', measures });
      };
    }
  }

  // The action was accepted by the API; the case's processor applies it (a new version) or refuses it.
  async function untilNewVersion(caseId, version) {
    const until = Date.now() + PATIENCE_MS;
    while (Date.now() < until && !stopped) {
      const c = await get('/api/v1/disposal-cases/' + encodeURIComponent(caseId)).catch(() => null);
      if (c && c.version > version) return c;
      await new Promise((resolve) => setTimeout(resolve, POLL_MS));
    }
    throw new Error('操作已提交，但案件未更新（可能被拒绝，见死信）');
  }

  await load();
  return () => { stopped = true; };
}

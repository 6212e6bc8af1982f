// 会商记录 (issue 20): a district's risk consultation meetings with their decisions, each followed to 已落实 by
// its responsible unit. The food-safety office (区食安办, or an admin) records a meeting as held: attendees,
// risks discussed, decisions with unit and due date. A member of a decision's unit reports progress on it.
// The page prints as the meeting's record; the next period's 会商摘要 (section 七) says what became of it.
import { get, post, query } from './api.js';
import * as session from './session.js';
import { DISTRICTS, esc, option, isoWeek, time } from './labels.js';

const UNITS = ['区食安办', '区市场监管局', '区农业农村委', '区卫生健康委', '区教育局', '区商务局', '区公安分局', '区城市管理委', '区委网信办'];
const SUPERVISING = ['区食安办', '食安办', '区食品安全委员会办公室', '区食品安全办'];
const POLL_MS = 500;
const PATIENCE_MS = 30000;

// Dates and times in the service's zone (Asia/Shanghai), whatever the browser's zone, as labels.js shows them.
const today = () => new Date().toLocaleDateString('sv-SE', { timeZone: 'Asia/Shanghai' });
const mayRecord = (user, district) => user && (user.role === 'admin'
  || (user.role === 'unit' && SUPERVISING.includes(user.unit) && (!user.district || user.district === district)));
const mayReport = (user, c, d) => user && (user.role === 'admin' || (user.role === 'unit'
  && (!user.district || user.district === c.district) && (user.unit === d.unit || SUPERVISING.includes(user.unit))));

function decisionRow(c, d, user) {
  const overdue = d.state !== '已落实' && d.dueBy < today();
  const latest = d.progress && d.progress.length ? d.progress[d.progress.length - 1] : null;
  const report = d.state === '已落实' || !mayReport(user, c, d) ? '' : `<div class="action-buttons">
      <select class="progress-state" aria-label="落实状态">${option('落实中', '落实中')}${option('已落实', '已落实')}</select>
      <input type="text" class="progress-note" maxlength="2000" placeholder="落实情况" aria-label="落实情况">
      <button type="button" class="report">报告</button><span class="error action-error"></span></div>`;
  return `<tr data-decision-id="${esc(d.decisionId)}">
    <td>${esc(d.text)}</td><td>${esc(d.unit)}</td><td>${esc(d.dueBy)}</td>
    <td><span class="decision-state">${esc(d.state)}</span>${overdue ? ' <span class="error overdue">超期</span>' : ''}</td>
    <td>${latest ? `${esc(latest.note)}<br><span class="muted">${esc(latest.unit || '')} ${esc(time(latest.at))}</span>` : '—'}</td>
    <td>${report}</td></tr>`;
}

function meeting(c, user) {
  return `<article class="consultation" data-consultation-id="${esc(c.consultationId)}" data-version="${c.version}">
    <h3>${esc(c.title)}</h3>
    <p class="muted">${esc(time(c.heldAt))} · 会商期间 ${esc(c.period)} · 参会单位：${c.attendees.map(esc).join('、') || '—'}</p>
    ${c.risks.length ? `<p>研判的风险：${c.risks.map((r) => esc([r.note, r.alertId, r.caseId].filter(Boolean).join(' '))).join('；')}</p>` : ''}
    <table class="decisions"><thead><tr><th>决定</th><th>责任单位</th><th>时限</th><th>状态</th><th>最新进展</th><th></th></tr></thead><tbody>
      ${c.decisions.map((d) => decisionRow(c, d, user)).join('') || '<tr><td colspan="6" class="muted">本次会商未作决定</td></tr>'}
    </tbody></table></article>`;
}

function recordForm(district) {
  return `<details class="record-box" id="record-consultation"><summary>记录会商</summary>
    <form id="consultation-form">
      <label>会商期间<input name="period" value="${esc(isoWeek())}" pattern="\\d{4}-(W\\d{2}|\\d{2})" required></label>
      <label>名称<input name="title" maxlength="200" required placeholder="第49周食品安全风险会商"></label>
      <label>时间<input name="heldAt" type="datetime-local" required></label>
      <fieldset><legend>参会单位</legend>${UNITS.map((u) => `<label><input type="checkbox" name="attendee" value="${esc(u)}">${esc(u)}</label>`).join(' ')}</fieldset>
      <label>研判的风险<textarea name="risks" rows="2" maxlength="2000" placeholder="每行一项"></textarea></label>
      <fieldset id="decision-rows"><legend>会商决定</legend></fieldset>
      <button type="button" id="add-decision">添加决定</button>
      <button type="submit">保存会商记录</button><span class="error" id="record-error"></span>
      <input type="hidden" name="district" value="${esc(district)}">
    </form></details>`;
}

function decisionInputs() {
  return `<div class="decision-input">
    <input class="decision-text" maxlength="2000" placeholder="决定事项" aria-label="决定事项" required>
    <select class="decision-unit" aria-label="责任单位">${UNITS.map((u) => option(u, u)).join('')}</select>
    <input class="decision-due" type="date" aria-label="完成时限" required></div>`;
}

/** "2026-12-04T14:30" typed as Tianjin time → RFC 3339 with seconds and +08:00 (China has no daylight saving). */
function withOffset(local) {
  return `${local.length === 16 ? local + ':00' : local}+08:00`;
}

export async function renderConsultations(main, { params }) {
  const district = params.get('district') || '120114';
  const user = session.user();
  // The city and configured regions hold 会商 too (their summary's section 五 follows their decisions and the
  // districts'); an admin or an office member not limited to one district records them.
  const scopes = (await get('/api/v1/summaries/scopes')).scopes.map((s) => [s.id, s.id === 'city' ? '天津市（全市）' : s.name]);
  const places = [...scopes, ...DISTRICTS];
  main.innerHTML = `
    <section class="consultations">
      <h2>会商记录</h2>
      <form class="filters">
        <label>区<select id="consultation-district">${places.map(([c, n]) => option(c, n, c === district)).join('')}</select></label>
        <button type="button" id="print-consultations">打印</button>
      </form>
      ${mayRecord(user, district) ? recordForm(district) : ''}
      <div id="consultation-list"><p class="loading">加载中…</p></div>
    </section>`;
  main.querySelector('#consultation-district').onchange = (e) => {
    location.hash = '#/consultations' + query({ district: e.target.value });
  };
  main.querySelector('#print-consultations').onclick = () => window.print();
  let stopped = false;
  const list = main.querySelector('#consultation-list');

  async function load() {
    const page = await get('/api/v1/consultations' + query({ district }));
    if (stopped) return;
    list.innerHTML = page.consultations.map((c) => meeting(c, user)).join('') || '<p class="muted">本区尚无会商记录</p>';
    list.querySelectorAll('article.consultation').forEach(wire);
  }

  function wire(article) {
    const id = article.dataset.consultationId;
    const version = Number(article.dataset.version);
    article.querySelectorAll('tr[data-decision-id]').forEach((row) => {
      const button = row.querySelector('button.report');
      if (!button) return;
      button.onclick = async () => {
        const note = row.querySelector('.progress-note').value.trim();
        if (!note) { row.querySelector('.action-error').textContent = '请填写落实情况'; return; }
        try {
          await post(`/api/v1/consultations/${encodeURIComponent(id)}/progress`,
            { decisionId: row.dataset.decisionId, state: row.querySelector('.progress-state').value, note });
          await untilVersion(id, version + 1);
          await load();
        } catch (e) {
          row.querySelector('.action-error').textContent = e.message;
        }
      };
    });
  }

  async function untilVersion(id, version) {
    const until = Date.now() + PATIENCE_MS;
    while (Date.now() < until && !stopped) {
      const c = await get('/api/v1/consultations/' + encodeURIComponent(id)).catch(() => null);
      if (c && c.version >= version) return c;
      await new Promise((resolve) => setTimeout(resolve, POLL_MS));
    }
    throw new Error('已提交，但会商记录未更新（可能被拒绝，见死信）');
  }

  const form = main.querySelector('#consultation-form');
  if (form) {
    const rows = form.querySelector('#decision-rows');
    rows.insertAdjacentHTML('beforeend', decisionInputs());
    form.querySelector('#add-decision').onclick = () => rows.insertAdjacentHTML('beforeend', decisionInputs());
    form.onsubmit = async (e) => {
      e.preventDefault();
      const decisions = [...rows.querySelectorAll('.decision-input')]
        .map((d) => ({ text: d.querySelector('.decision-text').value.trim(), unit: d.querySelector('.decision-unit').value,
          dueBy: d.querySelector('.decision-due').value }))
        .filter((d) => d.text);
      const body = {
        district, districtName: district === 'city' ? '天津市' : (places.find(([c]) => c === district) || [])[1],
        period: form.period.value.trim(),
        title: form.title.value.trim(), heldAt: withOffset(form.heldAt.value),
        attendees: [...form.querySelectorAll('input[name=attendee]:checked')].map((i) => i.value),
        risks: form.risks.value.split('\n').map((s) => s.trim()).filter(Boolean).map((note) => ({ note })),
        decisions,
      };
      try {
        const accepted = await post('/api/v1/consultations', body);
        await untilVersion(accepted.consultationId, 1);
        form.reset();
        form.closest('details').open = false;
        await load();
      } catch (err) {
        form.querySelector('#record-error').textContent = err.message;
      }
    };
  }
  await load();
  return () => { stopped = true; };
}

// 风险交流 (issue 20): 消费提示 / 风险警示 drafted from confirmed alerts. A unit member or the office edits the
// text while it is a 草稿; the food-safety office approves it — never the person who wrote the text last — or
// withdraws it. Only an approved one may be published, and the page shows who approved it and when; the service
// itself publishes nothing to the public.
import { get, post, query } from './api.js';
import * as session from './session.js';
import { DISTRICTS, esc, option, time } from './labels.js';

const SUPERVISING = ['区食安办', '食安办', '区食品安全委员会办公室', '区食品安全办'];
const STATUSES = ['草稿', '已批准', '已撤回'];
const STEPS = { draft: '起草', edit: '修改', approve: '批准', withdraw: '撤回' };
const POLL_MS = 500;
const PATIENCE_MS = 30000;

const isOffice = (user) => user && (user.role === 'admin' || SUPERVISING.includes(user.unit));
const mayEdit = (user, c) => user && (user.role === 'admin'
  || (user.role === 'unit' && (!user.district || user.district === c.districtCode)));

function notice(c, user) {
  const draft = c.status === '草稿';
  const lastAuthor = [...c.history].reverse().find((h) => h.action === 'draft' || h.action === 'edit');
  const approveNote = lastAuthor && user && lastAuthor.by === user.name ? '（本人最后修改，须由他人批准）' : '';
  return `<article class="communication" data-communication-id="${esc(c.communicationId)}" data-version="${c.version}">
    <p class="muted"><span class="communication-status status">${esc(c.status)}</span> ${esc(c.kind)} · 依据预警
      <a href="#/alert/${encodeURIComponent(c.alertId)}">${esc(c.alertId)}</a>
      ${c.approvedBy ? ` · <span class="approval">${esc(c.approvedBy)} 于 ${esc(time(c.approvedAt))} 批准</span>` : ''}</p>
    <div class="notice-view">
      <h3 class="notice-title">${esc(c.title)}</h3>
      <p class="notice-body">${esc(c.body)}</p>
      <p class="notice-advice"><strong>消费建议：</strong>${esc(c.advice)}</p>
      <p class="notice-sign">${esc(c.issuer)}<br>${esc(c.issueDate)}</p>
    </div>
    ${draft && mayEdit(user, c) ? `<details class="edit-box"><summary>修改</summary><form class="edit-form">
      <label>类型<select name="kind">${option('消费提示', '消费提示', c.kind === '消费提示')}${option('风险警示', '风险警示', c.kind === '风险警示')}</select></label>
      <label>标题<input name="title" maxlength="200" value="${esc(c.title)}" required></label>
      <label>情况说明<textarea name="body" rows="3" maxlength="5000" required>${esc(c.body)}</textarea></label>
      <label>消费建议<textarea name="advice" rows="3" maxlength="5000" required>${esc(c.advice)}</textarea></label>
      <label>发布单位<input name="issuer" maxlength="200" value="${esc(c.issuer)}" required></label>
      <label>发布日期<input name="issueDate" type="date" value="${esc(c.issueDate)}" required></label>
      <label>修改说明<input name="note" maxlength="2000"></label>
      <button type="submit">保存修改</button></form></details>` : ''}
    ${draft && isOffice(user) ? `<div class="action-buttons"><button type="button" class="approve">批准发布${approveNote}</button>
      <button type="button" class="withdraw">撤回</button></div>` : ''}
    <span class="error action-error"></span>
    <table class="history"><thead><tr><th>时间</th><th>操作</th><th>人员/单位</th><th>说明</th></tr></thead><tbody>
      ${c.history.map((h) => `<tr><td>${esc(time(h.at))}</td><td>${esc(STEPS[h.action] || h.action)}</td>
        <td>${esc(h.by)} ${esc(h.unit || '')}</td><td>${esc(h.note || '')}</td></tr>`).join('')}</tbody></table>
  </article>`;
}

export async function renderCommunications(main, { params }) {
  const district = params.get('district') || '120114';
  const status = params.get('status') || '';
  const user = session.user();
  main.innerHTML = `
    <section class="communications">
      <h2>风险交流（消费提示 / 风险警示）</h2>
      <form class="filters">
        <label>区<select id="communication-district">${DISTRICTS.map(([c, n]) => option(c, n, c === district)).join('')}</select></label>
        <label>状态<select id="communication-status">${option('', '全部', !status)}${STATUSES.map((s) => option(s, s, s === status)).join('')}</select></label>
      </form>
      <p class="muted">草稿由预警的责任单位或食安办起草、修改，经食安办批准（不得由最后修改人批准）后方可发布；本系统不直接对外发布。</p>
      <div id="communication-list"><p class="loading">加载中…</p></div>
    </section>`;
  const go = () => {
    location.hash = '#/communications' + query({ district: main.querySelector('#communication-district').value,
      status: main.querySelector('#communication-status').value });
  };
  main.querySelector('#communication-district').onchange = go;
  main.querySelector('#communication-status').onchange = go;
  const list = main.querySelector('#communication-list');
  let stopped = false;
  const wanted = params.get('id');

  async function load() {
    // A draft just made may not be in the store yet: wait for it before listing.
    if (wanted) await untilVersion(wanted, 1).catch(() => null);
    const page = await get('/api/v1/communications' + query({ district, status }));
    if (stopped) return;
    list.innerHTML = page.communications.map((c) => notice(c, user)).join('') || '<p class="muted">暂无</p>';
    list.querySelectorAll('article.communication').forEach(wire);
  }

  function wire(article) {
    const id = article.dataset.communicationId;
    const version = Number(article.dataset.version);
    const error = article.querySelector('.action-error');
    const send = async (path, body) => {
      try {
        await post(`/api/v1/communications/${encodeURIComponent(id)}/${path}`, body);
        await untilVersion(id, version + 1);
        await load();
      } catch (e) {
        error.textContent = e.message;
      }
    };
    const form = article.querySelector('.edit-form');
    if (form) {
      form.onsubmit = (e) => {
        e.preventDefault();
        send('edit', Object.fromEntries(new FormData(form).entries()));
      };
    }
    article.querySelector('button.approve')?.addEventListener('click', () => send('approve', {}));
    article.querySelector('button.withdraw')?.addEventListener('click', () => send('withdraw', {}));
  }

  async function untilVersion(id, version) {
    const until = Date.now() + PATIENCE_MS;
    while (Date.now() < until && !stopped) {
      const c = await get('/api/v1/communications/' + encodeURIComponent(id)).catch(() => null);
      if (c && c.version >= version) return c;
      await new Promise((resolve) => setTimeout(resolve, POLL_MS));
    }
    throw new Error('已提交，但未更新（可能被拒绝：如最后修改人不能批准，见死信）');
  }

  await load();
  return () => { stopped = true; };
}

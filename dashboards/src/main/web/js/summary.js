// The 会商 summary of a district — or of 天津市 across its districts, or of a configured region (issue 20: ranking,
// cross-district risks, 同比, alerts partner regions shared) — and a period, as the service renders it for printing.
import { DISTRICTS, CITY_WIDE, esc, option, isoWeek } from './labels.js';
import { get, query } from './api.js';

export async function renderSummary(main, { params }) {
  const district = params.get('district') || '120114';
  const period = params.get('period') || isoWeek();
  // The configured regions (GET /api/v1/summaries/scopes; the city is always first there and here).
  const scopes = (await get('/api/v1/summaries/scopes')).scopes.filter((s) => s.id !== CITY_WIDE.code);
  const src = `/api/v1/summaries/${encodeURIComponent(district)}/${encodeURIComponent(period)}.html`;
  main.innerHTML = `
    <section class="summary">
      <h2>会商摘要</h2>
      <form class="filters" id="summary-form">
        <label>范围<select name="district">${option(CITY_WIDE.code, '天津市（全市）', district === CITY_WIDE.code)}${scopes.map((s) => option(s.id, s.name, s.id === district)).join('')}${DISTRICTS.map(([c, n]) => option(c, n, c === district)).join('')}</select></label>
        <label>期间<input name="period" value="${esc(period)}" placeholder="2026-W48 或 2026-11" pattern="\\d{4}-(W\\d{2}|\\d{2})"></label>
        <button type="submit">查看</button>
        <button type="button" id="print">打印</button>
        <a href="${esc(src)}" target="_blank" rel="noopener">在新窗口打开</a>
      </form>
      <iframe id="summary-frame" class="summary-frame" title="会商摘要" src="${esc(src)}"></iframe>
    </section>`;
  const form = main.querySelector('#summary-form');
  form.onsubmit = (e) => {
    e.preventDefault();
    location.hash = '#/summary' + query({ district: form.district.value, period: form.period.value.trim() });
  };
  main.querySelector('#print').onclick = () => main.querySelector('#summary-frame').contentWindow.print();
  return () => {};
}

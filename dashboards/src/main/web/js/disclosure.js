// 抽检信息公开 (issue 20): a district's 监督抽检 results reported in a period, in the tables offices publish.
// The page previews the period (counts, the 不合格 rows, the columns the records leave empty) and links the
// downloads: XLSX with 不合格, 合格 and 说明; CSV of one table. A person checks the file before publishing.
import { get, query } from './api.js';
import { DISTRICTS, esc, option } from './labels.js';

const PROGRAMS = [['监督抽检', '监督抽检（国抽…监督抽查）'], ['全部', '全部任务来源']];

function lastMonth(now = new Date()) {
  const first = new Date(now.getFullYear(), now.getMonth() - 1, 1);
  const last = new Date(now.getFullYear(), now.getMonth(), 0);
  const day = (d) => `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
  return [day(first), day(last)];
}

export async function renderDisclosure(main, { params }) {
  const [defaultFrom, defaultTo] = lastMonth();
  const request = {
    district: params.get('district') || '120114',
    from: params.get('from') || defaultFrom,
    to: params.get('to') || defaultTo,
    programs: params.get('programs') || '监督抽检',
    announcementNo: params.get('announcementNo') || '',
    announcementDate: params.get('announcementDate') || '',
  };
  const file = (extra) => '/api/v1/sampling-disclosure' + query({ ...request, ...extra });
  main.innerHTML = `
    <section class="disclosure">
      <h2>抽检信息公开</h2>
      <form class="filters" id="disclosure-form">
        <label>区<select name="district">${DISTRICTS.map(([c, n]) => option(c, n, c === request.district)).join('')}</select></label>
        <label>报告日期自<input type="date" name="from" value="${esc(request.from)}" required></label>
        <label>至<input type="date" name="to" value="${esc(request.to)}" required></label>
        <label>任务来源<select name="programs">${PROGRAMS.map(([v, l]) => option(v, l, v === request.programs)).join('')}</select></label>
        <label>公告号<input name="announcementNo" value="${esc(request.announcementNo)}" maxlength="100" placeholder="发布时编号"></label>
        <label>公告日期<input type="date" name="announcementDate" value="${esc(request.announcementDate)}"></label>
        <button type="submit">预览</button>
      </form>
      <div id="disclosure-body"><p class="loading">读取抽检结果…</p></div>
    </section>`;
  const form = main.querySelector('#disclosure-form');
  form.onsubmit = (e) => {
    e.preventDefault();
    const values = Object.fromEntries(new FormData(form).entries());
    location.hash = '#/disclosure' + query(values);
  };
  const preview = await get(file({ format: 'json' }));
  const lacking = preview.lacking.length
    ? `<table id="disclosure-lacking"><thead><tr><th>表</th><th>栏目</th><th>缺少的记录字段</th><th>空缺行数</th></tr></thead><tbody>
        ${preview.lacking.map((l) => `<tr><td>${esc(l.table)}</td><td>${esc(l.heading)}</td>
          <td>${esc(l.source || '（导出参数）')}</td><td>${l.rows} / ${l.of}</td></tr>`).join('')}</tbody></table>`
    : '<p>无空缺栏目。</p>';
  main.querySelector('#disclosure-body').innerHTML = `
    <p id="disclosure-counts">${esc(preview.districtName || request.district)} ${esc(request.from)} 至 ${esc(request.to)}
      （${esc(preview.programs)}）：不合格 <strong>${preview.failedCount}</strong> 批次，合格 <strong>${preview.passedCount}</strong> 批次。
      统计口径：检验报告签发日期在期内，每个抽样单取最新版本。</p>
    <p class="downloads">
      <a id="download-xlsx" href="${esc(file({ format: 'xlsx' }))}" download>下载 XLSX（不合格、合格、说明）</a>
      <a id="download-failed-csv" href="${esc(file({ format: 'csv', table: '不合格' }))}" download>不合格 CSV</a>
      <a id="download-passed-csv" href="${esc(file({ format: 'csv', table: '合格' }))}" download>合格 CSV</a></p>
    <p class="muted">导出文件为发布前草稿，须经审核后发布；空缺栏目是检验记录未提供的字段，未作推断填补。</p>
    <h3>不合格（${preview.failedCount} 批次）</h3>
    <table id="disclosure-failed"><thead><tr><th>抽样单编号</th><th>被抽样单位</th><th>食品名称</th><th>不合格项目‖检验结果‖标准值</th>
      <th>任务来源</th><th>检验机构</th><th>核查处置情况</th></tr></thead><tbody>
      ${preview.failed.map((r) => `<tr data-sample-id="${esc(r.sampleId)}"><td>${esc(r.sampleId)}</td><td>${esc(r.sampledUnit || '')}</td>
        <td>${esc(r.foodName)}</td><td>${esc(r.failedItems || '')}</td><td>${esc(r.program || '')}</td>
        <td>${esc(r.lab || '')}</td><td class="disposal">${esc(r.disposal || '')}</td></tr>`).join('')
        || '<tr><td colspan="7" class="muted">本期无不合格</td></tr>'}
    </tbody></table>
    <h3>空缺栏目</h3>
    ${lacking}`;
  return () => {};
}

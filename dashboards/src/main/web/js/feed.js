// Live alert feed: the current alerts (GET /api/v1/alerts), then every new version from the
// event stream; most severe first, then most recently updated; filters kept in the URL so that
// a heat-map cell can link to its alerts.
import { get, query } from './api.js';
import * as live from './live.js';
import { DISTRICTS, LEVELS, STATUSES, CITY_WIDE, esc, time, levelBadge, statusBadge, levelOf, kindName, inWords, responsibleUnits, option } from './labels.js';

const FILTERS = ['district', 'category', 'level', 'status', 'unit'];

export async function renderFeed(main, { params }) {
  const filters = Object.fromEntries(FILTERS.map((f) => [f, params.get(f) || '']));
  const alerts = new Map();
  const fresh = new Set();
  // Events that arrive while the list loads are kept and applied after it.
  const early = [];
  let loaded = false;
  const unsubscribe = live.subscribe((alert) => (loaded ? apply(alert) : early.push(alert)));
  // Alerts partner regions shared (京津冀 预警交流, issue 20), by origin/alertId, in a table of their own.
  const received = new Map();
  const earlyReceived = [];
  const unsubscribeReceived = live.subscribeReceived((r) => (loaded ? applyReceived(r) : earlyReceived.push(r)));

  main.innerHTML = `
    <section class="feed">
      <h2>实时预警 <span id="live-state" class="live"></span></h2>
      <form id="filters" class="filters"></form>
      <table class="alerts"><thead><tr>
        <th>级别</th><th>状态</th><th>预警</th><th>区</th><th>食品类别</th><th>牵头单位</th><th>更新时间</th>
      </tr></thead><tbody id="alert-rows"></tbody></table>
      <p id="feed-count" class="muted"></p>
      <h3>外地交流预警</h3>
      <table class="alerts received"><thead><tr>
        <th>级别</th><th>状态</th><th>预警</th><th>来源</th><th>地区</th><th>食品类别</th><th>通报说明</th><th>更新时间</th>
      </tr></thead><tbody id="received-rows"></tbody></table>
    </section>`;
  const stopState = live.onState((s) => {
    const el = main.querySelector('#live-state');
    if (el) {
      el.textContent = { open: '● 实时', connecting: '○ 连接中…', closed: '× 已断开' }[s];
      el.dataset.state = s;
    }
  });

  const [page, shared] = await Promise.all([get('/api/v1/alerts' + query({ size: 500 })), get('/api/v1/received-alerts').catch(() => ({ receivedAlerts: [] }))]); // theirs must not hide ours
  page.alerts.forEach((a) => alerts.set(a.alertId, a));
  shared.receivedAlerts.forEach((r) => received.set(`${r.origin}/${r.alert.alertId}`, r));
  loaded = true;
  early.forEach(apply);
  earlyReceived.forEach(applyReceived);
  renderFilters();
  renderRows();
  renderReceived();

  function applyReceived(r) {
    const key = `${r.origin}/${r.alert.alertId}`;
    const known = received.get(key);
    if (known && known.alert.version >= r.alert.version) return;
    received.set(key, r);
    fresh.add(key);
    setTimeout(() => fresh.delete(key), 8000);
    renderReceived();
  }

  function renderReceived() {
    const body = main.querySelector('#received-rows');
    if (!body) return;
    const shown = [...received.values()].sort((a, b) => String(b.alert.updatedAt).localeCompare(String(a.alert.updatedAt)));
    body.innerHTML = shown.map((r) => {
      const key = `${r.origin}/${r.alert.alertId}`;
      return `<tr data-received-key="${esc(key)}" class="${fresh.has(key) ? 'fresh' : ''}">
        <td>${levelBadge(r.alert)}</td><td>${statusBadge(r.alert.status)}</td>
        <td>${esc(inWords(r.alert.headline) || kindName(r.alert.kind))}<div class="muted">${esc(kindName(r.alert.kind))} · ${esc(r.alert.alertId)}</div></td>
        <td class="origin"><span class="badge">外地</span> ${esc(r.originRegion)}（${esc(r.origin)}）</td>
        <td>${esc(r.alert.districtName || '')}</td><td>${esc(r.alert.foodCategory || '')}</td>
        <td>${esc(r.note || '')}</td><td>${esc(time(r.alert.updatedAt))}</td>
      </tr>`;
    }).join('') || '<tr><td colspan="8" class="muted">暂无外地交流预警</td></tr>';
  }

  function apply(alert) {
    const known = alerts.get(alert.alertId);
    if (known && known.version >= alert.version) return;
    alerts.set(alert.alertId, alert);
    fresh.add(alert.alertId);
    setTimeout(() => fresh.delete(alert.alertId), 8000);
    renderFilters();
    renderRows();
  }

  function distinct(pick) {
    return [...new Set([...alerts.values()].flatMap(pick).filter(Boolean))].sort((a, b) => a.localeCompare(b, 'zh'));
  }

  function renderFilters() {
    const form = main.querySelector('#filters');
    if (!form) return;
    const select = (name, label, options) => `<label>${label}<select name="${name}">${option('', '全部', !filters[name])}
      ${options.map(([v, l]) => option(v, l, filters[name] === v)).join('')}</select></label>`;
    form.innerHTML =
      select('district', '区', [...DISTRICTS, [CITY_WIDE.code, CITY_WIDE.name]]) +
      select('category', '食品类别', distinct((a) => [a.foodCategory]).map((c) => [c, c])) +
      select('level', '级别', LEVELS.map((l) => [l.code, l.name])) +
      select('status', '状态', STATUSES.map((s) => [s, s])) +
      select('unit', '责任单位', distinct(responsibleUnits).map((u) => [u, u]));
    form.onchange = (event) => {
      filters[event.target.name] = event.target.value;
      // Keep the filters in the address without re-rendering the page.
      history.replaceState(null, '', '#/feed' + query(filters));
      renderRows();
    };
  }

  function matches(a) {
    return (!filters.district || a.districtCode === filters.district
        || (filters.district === CITY_WIDE.code && !a.districtCode))
      && (!filters.category || a.foodCategory === filters.category)
      && (!filters.level || a.level === filters.level)
      && (!filters.status || a.status === filters.status)
      && (!filters.unit || responsibleUnits(a).includes(filters.unit));
  }

  function renderRows() {
    const body = main.querySelector('#alert-rows');
    if (!body) return;
    const shown = [...alerts.values()].filter(matches).sort((a, b) =>
      levelOf(b.level).rank - levelOf(a.level).rank || String(b.updatedAt).localeCompare(String(a.updatedAt)));
    body.innerHTML = shown.map((a) => `
      <tr data-alert-id="${esc(a.alertId)}" class="${fresh.has(a.alertId) ? 'fresh' : ''}">
        <td>${levelBadge(a)}</td><td>${statusBadge(a.status)}</td>
        <td><a href="#/alert/${encodeURIComponent(a.alertId)}">${esc(inWords(a.headline) || kindName(a.kind))}</a>
          <div class="muted">${esc(kindName(a.kind))} · ${esc(a.alertId)}</div></td>
        <td class="place">${esc(a.districtName || CITY_WIDE.name)}</td><td>${esc(a.foodCategory || '')}</td>
        <td>${esc([...new Set((a.planTasks || []).flatMap((t) => t.leadUnits || []))].join('、'))}</td>
        <td>${esc(time(a.updatedAt))}</td>
      </tr>`).join('') || '<tr><td colspan="7" class="muted">没有符合条件的预警</td></tr>';
    main.querySelector('#feed-count').textContent = `显示 ${shown.length} 条，共 ${alerts.size} 条`;
  }

  return () => { unsubscribe(); unsubscribeReceived(); stopState(); };
}

// Hash routes: #/feed, #/matrix, #/alert/{id}, #/progress, #/summary, #/disposal, #/disclosure, #/consultations,
// #/communications (with ?query).
import * as session from './session.js';
import * as live from './live.js';
import { renderFeed } from './feed.js';
import { renderMatrix } from './matrix.js';
import { renderAlert } from './alert.js';
import { renderProgress } from './progress.js';
import { renderSummary } from './summary.js';
import { renderDisposal } from './disposal.js';
import { renderDisclosure } from './disclosure.js';
import { renderConsultations } from './consultations.js';
import { renderCommunications } from './communications.js';
import { esc } from './labels.js';

const PAGES = { feed: renderFeed, matrix: renderMatrix, alert: renderAlert, progress: renderProgress, summary: renderSummary,
  disposal: renderDisposal, disclosure: renderDisclosure, consultations: renderConsultations,
  communications: renderCommunications };
// While Kafka Streams starts or rebalances its stores are not queryable and the API answers 503;
// the page tries again by itself instead of leaving the analyst with an error.
const RETRY_UNAVAILABLE_AFTER_MS = 2000;
let leave = null;
let generation = 0;
let retryTimer = null;

async function route() {
  // Routes overlap: the page's first route (before sign-in) may still await its 401 when the
  // route after sign-in starts. Each route renders into a container of its own, and only the
  // newest one is attached, so a late answer of an older route cannot overwrite the newer page
  // (seen in CI: the 401 of the first route replaced the signed-in feed).
  const current = ++generation;
  clearTimeout(retryTimer);
  const [path, search] = (location.hash.replace(/^#/, '') || '/feed').split('?');
  const [, page = 'feed', ...rest] = path.split('/');
  const render = PAGES[page] || renderFeed;
  document.querySelectorAll('nav a').forEach((a) => a.classList.toggle('active', a.dataset.page === page));
  if (leave) leave();
  leave = null;
  const main = document.createElement('div');
  main.innerHTML = '<p class="loading">加载中…</p>';
  document.getElementById('page').replaceChildren(main);
  try {
    const leaveThis = await render(main, { id: decodeURIComponent(rest.join('/')), params: new URLSearchParams(search || '') });
    if (current === generation) leave = leaveThis;
    else if (leaveThis) leaveThis(); // superseded while loading: let go of its subscriptions now
  } catch (e) {
    if (current !== generation) return;
    if (e.status === 503) {
      main.innerHTML = `<p class="loading">服务正在启动或重新分配数据，稍后自动重试…（${esc(e.message)}）</p>`;
      retryTimer = setTimeout(() => { if (current === generation) route(); }, RETRY_UNAVAILABLE_AFTER_MS);
      return;
    }
    if (e.status === 401 && session.user()) {
      // The session has ended (8 hours by default) or the user's token was changed: show the
      // sign-in box again; signing out of the stale session re-routes.
      session.load();
      return;
    }
    main.innerHTML = e.status === 401
      ? '<p class="error">请先登录（右上角输入登录令牌）。</p>'
      : `<p class="error">加载失败：${esc(e.message)}</p>`;
  }
}

window.addEventListener('hashchange', route);
session.onChange((user) => {
  if (user) live.reconnect(); else live.disconnect();
  route();
});
session.load();

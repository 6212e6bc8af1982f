// Hash routes: #/feed, #/matrix, #/alert/{id}, #/progress, #/summary (with ?query).
import * as session from './session.js';
import * as live from './live.js';
import { renderFeed } from './feed.js';
import { renderMatrix } from './matrix.js';
import { renderAlert } from './alert.js';
import { renderProgress } from './progress.js';
import { renderSummary } from './summary.js';
import { esc } from './labels.js';

const PAGES = { feed: renderFeed, matrix: renderMatrix, alert: renderAlert, progress: renderProgress, summary: renderSummary };
let leave = null;

async function route() {
  const [path, search] = (location.hash.replace(/^#/, '') || '/feed').split('?');
  const [, page = 'feed', ...rest] = path.split('/');
  const render = PAGES[page] || renderFeed;
  document.querySelectorAll('nav a').forEach((a) => a.classList.toggle('active', a.dataset.page === page));
  if (leave) leave();
  leave = null;
  const main = document.getElementById('page');
  main.innerHTML = '<p class="loading">加载中…</p>';
  try {
    leave = await render(main, { id: decodeURIComponent(rest.join('/')), params: new URLSearchParams(search || '') });
  } catch (e) {
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

// The sign-in box: a token (as the ingestion API's credentials) becomes an HttpOnly session
// cookie (POST /api/v1/session); the page only ever sees who is signed in.
import { get, post, del } from './api.js';
import { esc, ROLES } from './labels.js';

let current = null;
const listeners = [];

/** The signed-in user {name, role, unit, district}, or null. */
export const user = () => current;
export const onChange = (listener) => listeners.push(listener);

function set(u) {
  current = u;
  render();
  listeners.forEach((l) => l(u));
}

export async function load() {
  try {
    set(await get('/api/v1/session'));
  } catch (e) {
    set(null);
  }
}

function render() {
  const box = document.getElementById('session');
  if (current) {
    box.innerHTML = `<span id="signed-in">${esc(current.name)}（${esc(current.unit || ROLES[current.role] || current.role)}）</span>
      <button id="sign-out" type="button">退出</button>`;
    box.querySelector('#sign-out').onclick = async () => {
      await del('/api/v1/session').catch(() => {});
      set(null);
    };
  } else {
    box.innerHTML = `<form id="sign-in">
        <input id="token" type="password" placeholder="登录令牌" autocomplete="off" aria-label="登录令牌">
        <button type="submit">登录</button><span id="sign-in-error" class="error"></span></form>`;
    box.querySelector('#sign-in').onsubmit = async (event) => {
      event.preventDefault();
      const token = box.querySelector('#token').value.trim();
      try {
        set(await post('/api/v1/session', { token }));
      } catch (e) {
        box.querySelector('#sign-in-error').textContent = e.status === 401 ? '令牌无效'
          : e.status === 429 ? '登录失败次数过多，请稍后再试' : `登录失败：${e.message}`;
      }
    };
  }
}

// Words and colours the pages share: levels, statuses, alert kinds, districts.

export const LEVELS = [
  { code: 'RED', name: '红色', color: '#d7262b', rank: 4 },
  { code: 'ORANGE', name: '橙色', color: '#f08c00', rank: 3 },
  { code: 'YELLOW', name: '黄色', color: '#e6c200', rank: 2 },
  { code: 'BLUE', name: '蓝色', color: '#2f6fd6', rank: 1 },
];
export const levelOf = (code) => LEVELS.find((l) => l.code === code) || { code, name: code, color: '#888', rank: 0 };

export const STATUSES = ['待处置', '处置中', '已办结'];

export const KINDS = {
  'sampling.critical-hazard': '抽检检出禁用/高危物质',
  'sampling.restricted-pesticide': '限用农药在禁用作物上检出',
  'sampling.failure-rate': '抽检合格率低于目标',
  'sampling.food-hazard-cluster': '同一食品同一危害不合格聚集',
  'sampling.repeat-offender': '同一主体反复抽检不合格',
  'sampling.aberration': '抽检不合格批次异常',
  'illness.cluster': '食源性疾病聚集',
  'illness.spacetime-cluster': '食源性疾病时空聚集',
  'illness.aberration': '食源性疾病病例异常',
  'complaint.spike': '投诉举报异常增多',
  'complaint.repeat-enterprise': '同一主体反复被投诉',
  'opinion.spike': '舆情热度异常',
  'opinion.rumour': '高传播疑似谣言',
  'fusion': '多源信号融合',
  'plan.target-at-risk': '计划目标进度滞后',
};

// The detectors' names (DetectorNumbers.name, and the count series' method), as the rules write them.
export const METHODS = {
  'ears-c1': 'EARS C1 异常检测（前7天基线）',
  'ears-c2': 'EARS C2 异常检测（间隔2天的7天基线）',
  'ears-c3': 'EARS C3 异常检测（近3天累积）',
  farrington: 'Farrington 历史同期比较',
  'farrington-flexible': '改进 Farrington 历史同期比较',
  cusum: '累积和控制图（CUSUM）',
  glrnb: '广义似然比控制图（GLR，缓慢上升）',
  'critical-hazard-rule': '禁用/高危物质检出即预警规则',
  'restricted-pesticide-rule': '限用农药禁用作物检出即预警规则',
  'pass-rate-binomial': '合格率单侧精确二项检验',
  'food-hazard-bernoulli-cusum': '食品×危害不合格伯努利累积和',
  'repeat-offender-rule': '同一主体反复不合格规则',
  'common-exposure-cluster': '共同暴露聚集（暴发定义）',
  'space-time-permutation-scan': '前瞻性时空重排扫描',
  'repeat-complaint-rule': '同一主体反复被投诉规则',
  'epitweetr-24h': '舆情滚动24小时检测（epitweetr 方法）',
  'high-reach-rumour': '高传播疑似谣言规则',
  'multi-stream-fusion': '多数据流信号融合',
  'plan-target-progress': '计划目标按进度折算',
};

// People's actions on an alert (and the deadlines they meet: 超期：acknowledge means 签收 is late).
export const ACTIONS = { acknowledge: '签收', assign: '指派', comment: '备注', close: '办结', reopen: '重新打开', share: '通报交流' };

// Every identifier the service writes into an alert — kinds, methods, actions — in the words the pages
// show: one table (issue 16: multi-stream-fusion, 新建：fusion and 第2版：acknowledge were shown as written).
export const WORDS = { ...KINDS, ...METHODS, ...ACTIONS };
export const word = (id) => (id === undefined || id === null ? '' : WORDS[id] || id);
export const kindName = word;

// Who is signed in, when no unit names them.
export const ROLES = { analyst: '分析人员', admin: '管理员', unit: '单位人员' };

/** Text the service wrote (history lines, headlines) with every identifier of WORDS in its words. */
export function inWords(text) {
  return String(text ?? '').replace(/[a-z][a-z0-9]*(?:[.-][a-z0-9]+)*/g, (id) => WORDS[id] || id);
}

export const SIGNALS = { sampling: '抽检', illness: '病例', complaint: '投诉举报', opinion: '舆情' };

// The 16 districts of Tianjin (行政区划代码), as the service's reference data names them.
export const DISTRICTS = [
  ['120101', '和平区'], ['120102', '河东区'], ['120103', '河西区'], ['120104', '南开区'],
  ['120105', '河北区'], ['120106', '红桥区'], ['120110', '东丽区'], ['120111', '西青区'],
  ['120112', '津南区'], ['120113', '北辰区'], ['120114', '武清区'], ['120115', '宝坻区'],
  ['120116', '滨海新区'], ['120117', '宁河区'], ['120118', '静海区'], ['120119', '蓟州区'],
];
export const districtName = (code) => (DISTRICTS.find(([c]) => c === code) || [code, code])[1];
// Alerts that name no district (e.g. a city-wide 舆情 signal): 全市, and the feed filter value for them.
export const CITY_WIDE = { code: 'city', name: '全市' };

/** Escapes text for HTML. */
export function esc(value) {
  return String(value ?? '').replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' }[c]));
}

/** "2026-11-25 14:03" in the service's zone (Asia/Shanghai), whatever the browser's zone. */
export function time(iso) {
  if (!iso) return '';
  const d = new Date(iso);
  return d.toLocaleString('sv-SE', { timeZone: 'Asia/Shanghai', hour12: false }).slice(0, 16);
}

export function levelBadge(alert) {
  const l = levelOf(alert.level);
  return `<span class="level level-${l.code}">${esc(alert.levelName || l.name)}</span>`;
}

export function statusBadge(status) {
  return `<span class="status status-${STATUSES.indexOf(status)}">${esc(status)}</span>`;
}

/** Every unit an alert names (lead units first). */
export function responsibleUnits(alert) {
  const units = [];
  (alert.planTasks || []).forEach((t) => (t.leadUnits || []).forEach((u) => units.includes(u) || units.push(u)));
  (alert.planTasks || []).forEach((t) => (t.coUnits || []).forEach((u) => units.includes(u) || units.push(u)));
  return units;
}

/** Monday 00:00 to next Monday 00:00 (Asia/Shanghai) of the week containing now. */
export function currentWeek(now = new Date()) {
  const shanghai = new Date(now.getTime() + 8 * 3600 * 1000);
  const dayIndex = (shanghai.getUTCDay() + 6) % 7;
  const monday = new Date(Date.UTC(shanghai.getUTCFullYear(), shanghai.getUTCMonth(), shanghai.getUTCDate() - dayIndex));
  const sunday = new Date(monday.getTime() + 6 * 86400 * 1000);
  const day = (d) => d.toISOString().slice(0, 10);
  return { from: `${day(monday)}T00:00:00+08:00`, to: `${day(sunday)}T23:59:59+08:00`, first: day(monday), last: day(sunday) };
}

/** ISO week id "2026-W48" of a date (Asia/Shanghai). */
export function isoWeek(now = new Date()) {
  const d = new Date(now.getTime() + 8 * 3600 * 1000);
  const date = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate()));
  const weekday = (date.getUTCDay() + 6) % 7;
  date.setUTCDate(date.getUTCDate() - weekday + 3);
  const firstThursday = new Date(Date.UTC(date.getUTCFullYear(), 0, 4));
  const week = 1 + Math.round(((date - firstThursday) / 86400000 - 3 + ((firstThursday.getUTCDay() + 6) % 7)) / 7);
  return `${date.getUTCFullYear()}-W${String(week).padStart(2, '0')}`;
}

export function option(value, label, selected) {
  return `<option value="${esc(value)}"${selected ? ' selected' : ''}>${esc(label)}</option>`;
}

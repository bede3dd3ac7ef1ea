/* The HR dashboard page: plain JavaScript, no build step. Every word comes from
   /dasbor/texts/<locale>.json (the bot's Fluent files); data from /dasbor/api/ with
   "Authorization: tma <initData>". Data is put in the page with textContent only. */
"use strict";

const TG = window.Telegram && window.Telegram.WebApp;
let T = {};
let ME = null;
const state = { page: "aspirations", asp: { page: 0, sort: "id" }, plan: 0, selected: null };

function initData() {
  if (TG && TG.initData) return TG.initData;
  for (const part of [location.hash.slice(1), location.search.slice(1)]) {
    const value = new URLSearchParams(part).get("tgWebAppData");
    if (value) return value;
  }
  return "";
}
const INIT = initData();

function launchLocale() {
  const user = new URLSearchParams(INIT).get("user");
  try { return (JSON.parse(user).language_code || "").startsWith("en") ? "en" : "id"; }
  catch (e) { return "id"; }
}

function applyTheme() {
  const p = (TG && TG.themeParams) || {};
  const vars = { bg_color: "--bg", text_color: "--text", hint_color: "--hint", link_color: "--link",
    button_color: "--button", button_text_color: "--button-text",
    secondary_bg_color: "--secondary-bg" };
  for (const [key, css] of Object.entries(vars)) {
    if (p[key]) document.documentElement.style.setProperty(css, p[key]);
  }
  if (TG && TG.ready) TG.ready();
  if (TG && TG.expand) TG.expand();
}

function tr(key, params) {
  let text = T[key] || key;
  for (const [name, value] of Object.entries(params || {})) text = text.split("{" + name + "}").join(String(value));
  return text;
}

function el(tag, attrs, ...children) {
  const node = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs || {})) {
    if (k === "text") node.textContent = v;
    else if (k.startsWith("on")) node.addEventListener(k.slice(2), v);
    else if (v !== null && v !== undefined && v !== false) node.setAttribute(k, v === true ? "" : v);
  }
  for (const c of children) if (c !== null && c !== undefined) node.append(c);
  return node;
}

class ApiError extends Error {
  constructor(status, body) { super("HTTP " + status); this.status = status; this.body = body; }
}

async function api(path, options) {
  const opts = Object.assign({ headers: {} }, options || {});
  opts.headers.Authorization = "tma " + INIT;
  if (opts.json !== undefined) {
    opts.method = opts.method || "POST";
    opts.headers["Content-Type"] = "application/json";
    opts.body = JSON.stringify(opts.json);
  }
  const response = await fetch("api/" + path, opts);
  if (opts.raw && response.ok) return response;
  let body = null;
  try { body = await response.json(); } catch (e) { body = null; }
  if (!response.ok) throw new ApiError(response.status, body);
  return body;
}

async function loadTexts(locale) {
  const response = await fetch("texts/" + locale + ".json");
  T = await response.json();
  document.documentElement.lang = locale;
  document.title = T.title;
}

function toast(text) {
  const box = document.getElementById("toast");
  box.textContent = text;
  box.hidden = false;
  clearTimeout(toast.timer);
  toast.timer = setTimeout(() => { box.hidden = true; }, 3500);
}

function problem(error) {
  if (error instanceof ApiError && error.status === 401) return T.err_unauthorized;
  if (error instanceof ApiError && error.status === 403) return T.err_forbidden;
  if (error instanceof ApiError && error.status === 409) return T.err_conflict;
  return T.err_generic;
}

function showError(error) {
  const page = document.getElementById("page");
  page.replaceChildren(el("div", { class: "panel", id: "error", text: problem(error) }));
}

function select(name, label, options, value, onchange) {
  const node = el("select", { name, onchange: (e) => onchange(e.target.value) });
  for (const [v, text] of options) {
    const opt = el("option", { value: v, text });
    if (String(v) === String(value ?? "")) opt.selected = true;
    node.append(opt);
  }
  return el("label", { class: "field" }, label, node);
}

function table(headers, rows, opts) {
  const head = el("tr", {}, ...headers.map(([key, label]) =>
    el("th", { "data-sort": key, onclick: opts && opts.onsort ? () => opts.onsort(key) : null, text: label })));
  return el("div", { class: "table-wrap" }, el("table", {}, el("thead", {}, head), el("tbody", {}, ...rows)));
}

const PAGES = [
  ["aspirations", "tab_aspirations", ["hr"]],
  ["candidates", "tab_candidates", ["hr"]],
  ["plans", "tab_plans", ["hr", "approver"]],
  ["workload", "tab_workload", ["hr", "approver"]],
  ["surveys", "tab_surveys", ["hr"]],
  ["deliveries", "tab_deliveries", ["hr"]],
];

function drawTabs() {
  const nav = document.getElementById("tabs");
  nav.replaceChildren();
  for (const [id, key, roles] of PAGES) {
    if (!roles.some((r) => ME.roles.includes(r))) continue;
    nav.append(el("button", { role: "tab", id: "tab-" + id, "aria-selected": String(state.page === id),
      onclick: () => { state.page = id; drawTabs(); show(); }, text: T[key] }));
  }
}

async function show() {
  clearInterval(show.timer);
  const page = document.getElementById("page");
  page.replaceChildren(el("p", { class: "hint", text: T.loading }));
  try {
    await ({ aspirations: showAspirations, candidates: showCandidates, plans: showPlans,
      workload: showWorkload, surveys: showSurveys, deliveries: showDeliveries })[state.page](page);
  } catch (error) { showError(error); }
}

/* Aspirasi */
function aspQuery(extra) {
  const q = new URLSearchParams();
  for (const k of ["window", "unit", "status", "eligibility", "kind", "sort", "page"]) {
    if (state.asp[k] !== undefined && state.asp[k] !== "") q.set(k, state.asp[k]);
  }
  for (const [k, v] of Object.entries(extra || {})) q.set(k, v);
  return q.toString();
}

function setFilter(key, value) {
  state.asp[key] = value;
  state.asp.page = 0;
  show();
}

async function download(fmt) {
  const response = await api("aspirations." + fmt + "?" + aspQuery(), { raw: true });
  const blob = await response.blob();
  const name = (response.headers.get("Content-Disposition") || "").split('filename="')[1] || ("aspirasi." + fmt);
  const link = el("a", { href: URL.createObjectURL(blob), download: name.replace('"', "") });
  document.body.append(link); link.click(); link.remove();
}

async function showAspirations(page) {
  const data = await api("aspirations?" + aspQuery());
  if (!data.window) { page.replaceChildren(el("p", { class: "hint", text: T.asp_no_window })); return; }
  const all = [["", T.filter_all]];
  const filters = el("div", { class: "filters", id: "asp-filters" },
    select("window", T.filter_window, data.windows.map((w) => [w.id, w.name]), data.window.id, (v) => setFilter("window", v)),
    select("unit", T.filter_unit, all.concat(data.units.map((u) => [u.id, u.name + " (" + u.count + ")"])), state.asp.unit, (v) => setFilter("unit", v)),
    select("status", T.filter_status, all.concat(data.statuses.map((s) => [s.code, s.label + " (" + s.count + ")"])), state.asp.status, (v) => setFilter("status", v)),
    select("eligibility", T.filter_eligibility, all.concat([["yes", T.eligible_yes], ["no", T.eligible_no]]), state.asp.eligibility, (v) => setFilter("eligibility", v)),
    select("kind", T.filter_kind, all.concat(data.kinds.map((k) => [k.code, k.label])), state.asp.kind, (v) => setFilter("kind", v)));
  const onsort = (key) => {
    state.asp.sort = state.asp.sort === key ? "-" + key : key;
    show();
  };
  const rows = data.rows.map((r) => el("tr", { class: "row", "data-id": r.id, onclick: () => openAspiration(r.id) },
    el("td", { text: r.reference }), el("td", { text: r.name }), el("td", { text: r.unit }),
    el("td", { text: r.kind_label }), el("td", { text: r.target }),
    el("td", {}, el("span", { class: "badge", "data-status": r.status, text: r.status_label })),
    el("td", {}, el("span", { class: "badge " + (r.eligible ? "ok" : "bad"), text: r.eligible ? T.eligible_yes : T.eligible_no }))));
  const headers = [["id", T.col_reference], ["name", T.col_name], ["unit", T.col_unit], ["kind", T.col_kind],
    ["target", T.col_target], ["status", T.col_status], ["eligible", T.col_eligible]];
  const pager = el("div", { class: "pager" },
    el("button", { class: "act secondary", disabled: data.page <= 0, onclick: () => { state.asp.page = data.page - 1; show(); }, text: "‹" }),
    el("span", { id: "asp-total", "data-total": data.total, text: tr("page_of", { page: data.page + 1, pages: data.pages, total: data.total }) }),
    el("button", { class: "act secondary", disabled: data.page + 1 >= data.pages, onclick: () => { state.asp.page = data.page + 1; show(); }, text: "›" }));
  const exports = el("div", {},
    el("button", { class: "act secondary", onclick: () => download("csv").catch((e) => toast(problem(e))), text: T.download_csv }),
    el("button", { class: "act secondary", onclick: () => download("xlsx").catch((e) => toast(problem(e))), text: T.download_xlsx }));
  page.replaceChildren(el("h2", { text: data.window.name }), filters, exports,
    table(headers, rows, { onsort }), pager, el("div", { id: "detail" }));
  if (state.selected) openAspiration(state.selected);
}

async function openAspiration(id) {
  state.selected = id;
  const box = document.getElementById("detail");
  if (!box) return;
  let d;
  try { d = await api("aspirations/" + id); } catch (error) { toast(problem(error)); return; }
  const note = el("textarea", { id: "note", rows: 3, maxlength: d.note_max, placeholder: T.note_placeholder });
  const labels = { verify: T.act_verify, return: T.act_return, accept: T.act_accept, reject: T.act_reject };
  const buttons = d.decisions.map((decision) => el("button", { class: "act", "data-decision": decision,
    onclick: (e) => decide(d, decision, note, e.target), text: labels[decision] }));
  const history = d.history.map((h) => el("li", { text: h.at + " · " + h.actor + " · " + h.status_label + (h.note ? " · " + h.note : "") }));
  box.replaceChildren(el("div", { class: "panel", id: "asp-detail", "data-id": d.id },
    el("h2", { text: d.reference + " · " + d.name }), el("pre", { text: d.card }),
    d.decisions.length ? note : null, el("div", {}, ...buttons),
    el("h2", { text: T.history }), el("ul", {}, ...history)));
}

async function decide(d, decision, note, button) {
  if (decision === "accept" && button.dataset.confirm !== "1") {
    button.dataset.confirm = "1";
    button.textContent = T.act_accept_confirm;
    return;
  }
  if ((decision === "return" || decision === "reject") && !note.value.trim()) {
    toast(T.note_required); note.focus(); return;
  }
  try {
    const result = await api("aspirations/" + d.id + "/decide", { json: { decision, note: note.value.trim() } });
    toast(tr(result.notified ? "decided" : "decided_not_told", { ref: result.reference, status: result.status_label }));
    await show();
  } catch (error) { toast(problem(error)); }
}

/* Kandidat */
async function showCandidates(page) {
  const [data, drafts] = await Promise.all([api("candidates?size=100"), api("plans/drafts")]);
  const options = [["", T.pick_position]].concat(data.positions.map((p) => [p.id, p.code + " · " + p.title + " · " + p.unit]));
  if (!drafts.plans.some((p) => String(p.id) === String(state.draft))) state.draft = drafts.plans.length ? drafts.plans[0].id : "";
  const planPick = drafts.plans.length
    ? select("draft", T.pick_plan, drafts.plans.map((p) => [p.id, p.name]), state.draft, (v) => { state.draft = v; })
    : el("p", { class: "hint", id: "no-draft", text: T.no_draft_plan });
  const list = el("div", { id: "cand-list" });
  page.replaceChildren(el("h2", { text: T.tab_candidates }),
    el("div", { class: "filters" }, select("position", T.col_position, options, state.position, (v) => { state.position = v; drawCandidates(list); }), planPick), list);
  if (state.position) drawCandidates(list);
}

async function drawCandidates(list) {
  if (!state.position) { list.replaceChildren(); return; }
  const data = await api("candidates?position=" + encodeURIComponent(state.position));
  const rows = data.candidates.map((c) => {
    const form = {
      tmt: el("input", { type: "date", name: "tmt", "aria-label": T.tmt }),
      why: el("input", { type: "text", name: "rationale", placeholder: T.rationale, maxlength: 500 }),
      reason: el("textarea", { name: "override", rows: 2, maxlength: 500, placeholder: T.override_reason, hidden: true }),
      rules: el("ul", { class: "rules" }),
    };
    form.add = el("button", { class: "act", name: "add", onclick: () => addToPlan(c, form), text: T.add_to_plan });
    return el("tr", { class: "cand", "data-employee": c.employee_id },
      el("td", { text: String(c.rank) }),
      el("td", {}, c.name, c.aspiring ? el("span", { class: "badge ok asked", "data-choice": c.asked_choice, title: T.aspiring_hint, text: " " + c.asked_text }) : null),
      el("td", { text: c.unit }), el("td", { text: c.golongan + " · " + c.education }),
      el("td", { text: c.percent + "%" }),
      el("td", {}, el("ul", {}, ...c.reasons.map((r) => el("li", { text: r })))),
      el("td", {}, form.tmt, form.why, form.rules, form.reason, form.add));
  });
  const headers = [["rank", "#"], ["name", T.col_name], ["unit", T.col_unit], ["rank", T.col_rank],
    ["score", T.col_score], ["why", T.col_reasons], ["add", ""]];
  list.replaceChildren(rows.length ? table(headers, rows) : el("p", { class: "hint", text: T.no_candidates }));
}

function showRules(form, problems) {
  form.rules.replaceChildren(...problems.map((r) => el("li", { class: "badge " + (r.outcome === "blocking" ? "bad" : "warn"), "data-outcome": r.outcome, text: r.text })));
}

async function addToPlan(c, form) {
  if (!state.draft) { toast(T.no_draft_plan); return; }
  const json = { position: state.position, employee: c.employee_id, plan: state.draft, tmt: form.tmt.value, rationale: form.why.value };
  if (!form.reason.hidden) {
    json.override_reason = form.reason.value.trim();
    if (!json.override_reason) { toast(T.reason_required); form.reason.focus(); return; }
  }
  try {
    const result = await api("plans/moves", { json });
    showRules(form, result.problems);
    form.reason.hidden = true;
    form.add.disabled = true;
    form.add.closest("tr").dataset.added = result.move;
    toast(tr("added_to_plan", { plan: result.plan }));
  } catch (error) {
    const outcome = error.body && (error.body.outcome || error.body.error);
    if (outcome === "needs_reason") {
      showRules(form, error.body.problems);
      form.reason.hidden = false;
      form.add.textContent = T.add_with_reason;
      form.reason.focus();
    }
    const keys = { no_draft: "no_draft_plan", already: "already_in_plan", needs_reason: "needs_reason", bad_tmt: "bad_tmt", not_draft: "no_draft_plan" };
    toast(keys[outcome] ? T[keys[outcome]] : problem(error));
  }
}

/* Rencana */
async function planChooser(plans, onpick) {
  return select("plan", T.pick_plan, plans.map((p) => [p.id, p.name + " · " + p.status_label]), state.plan, onpick);
}

async function showPlans(page) {
  const data = await api("plans" + (state.plan ? "?plan=" + state.plan : ""));
  if (!data.plan) { page.replaceChildren(el("p", { class: "hint", text: T.no_plans })); return; }
  state.plan = data.plan.id;
  const p = data.plan;
  const columns = p.columns.map((c) => el("section", { class: "panel", "data-status": c.status },
    el("h2", { text: c.label + " (" + c.moves.length + ")" }),
    ...c.moves.map((m) => el("div", { class: "card", "data-move": m.id },
      el("strong", { text: m.name }),
      el("div", { class: "hint", text: m.from_unit + " → " + m.to_unit + " · " + m.to_position + " · TMT " + m.tmt }),
      ...m.problems.map((r) => el("div", { class: "badge " + (r.outcome === "blocking" ? "bad" : "warn"), text: r.text })),
      m.answer ? el("div", { text: T.answer + ": " + m.answer + (m.answer_text ? " — " + m.answer_text : "") }) : null,
      m.overdue ? el("div", { class: "badge bad", text: T.overdue }) : null,
      m.open_questions ? el("div", { class: "hint", text: tr("open_questions", { n: m.open_questions }) }) : null))));
  const k = p.consultation;
  page.replaceChildren(
    el("div", { class: "filters" }, await planChooser(data.plans, (v) => { state.plan = v; show(); })),
    el("h2", { id: "plan-name", text: p.name + " · " + p.status_label }),
    el("p", { id: "approval", text: tr("approval_state", p.approval) }),
    el("p", { id: "consultation", text: tr("consultation_state", k) }),
    el("button", { class: "act secondary", id: "to-workload", onclick: () => { state.page = "workload"; drawTabs(); show(); }, text: T.tab_workload }),
    el("div", { class: "board" }, ...columns));
}

/* Beban kerja */
async function showWorkload(page) {
  const plans = await api("plans");
  const data = await api("workload?plan=" + (state.plan || 0));
  const canvas = el("canvas", { id: "workload-chart", role: "img", "aria-label": T.tab_workload });
  const rows = data.rows.map((r) => el("tr", {}, el("td", { text: r.unit }), el("td", { text: String(r.need) }),
    el("td", { text: String(r.before) }), el("td", { text: String(r.after) }),
    el("td", {}, r.widened ? el("span", { class: "badge bad", text: T.widened }) : null)));
  const options = [[0, T.no_plan]].concat(plans.plans.map((p) => [p.id, p.name + " · " + p.status_label]));
  page.replaceChildren(
    el("div", { class: "filters" }, select("plan", T.pick_plan, options, state.plan || 0, (v) => { state.plan = Number(v); show(); })),
    data.rows.length ? el("div", { class: "chart-box" }, canvas) : el("p", { class: "hint", text: T.no_workload }),
    table([["unit", T.col_unit], ["need", T.need], ["before", T.before], ["after", T.after], ["flag", ""]], rows));
  if (data.rows.length && window.Chart) {
    const css = getComputedStyle(document.documentElement);
    const color = (name) => css.getPropertyValue(name).trim();
    new window.Chart(canvas, {
      type: "bar",
      data: { labels: data.rows.map((r) => r.unit), datasets: [
        { label: T.need, data: data.rows.map((r) => r.need), backgroundColor: color("--hint") },
        { label: T.before, data: data.rows.map((r) => r.before), backgroundColor: color("--link") },
        { label: T.after, data: data.rows.map((r) => r.after), backgroundColor: color("--ok") }] },
      options: { indexAxis: "y", responsive: true, maintainAspectRatio: false, animation: false,
        plugins: { legend: { labels: { color: color("--text") } } },
        scales: { x: { beginAtZero: true, ticks: { color: color("--text") } }, y: { ticks: { color: color("--text") } } } },
    });
  }
}

/* Survei */
function groupBlock(group, minGroup) {
  return el("section", { class: "panel" }, el("h2", { text: group.name + " (n=" + group.n + ")" }),
    ...group.questions.map((q) => {
      if (q.hidden) return el("div", {}, el("strong", { text: q.label }), el("div", { class: "hint", text: tr("hidden_question", { min: minGroup }) }));
      const max = Math.max(1, ...q.distribution.map((d) => d.count));
      return el("div", {}, el("strong", { text: q.label }),
        el("div", { class: "hint", text: "n=" + q.n + (q.mean !== null ? " · " + T.mean + " " + q.mean.toFixed(2) : "") + (q.enps !== null ? " · eNPS " + Math.round(q.enps) : "") }),
        ...q.distribution.map((d) => el("div", {}, el("span", { class: "hint", text: d.label + ": " + d.count }),
          el("div", { class: "bar", style: "width:" + Math.round(100 * d.count / max) + "%" }))));
    }));
}

async function showSurveys(page) {
  const data = await api("surveys" + (state.survey ? "?survey=" + state.survey : ""));
  if (!data.survey) { page.replaceChildren(el("p", { class: "hint", text: T.no_surveys })); return; }
  const s = data.survey;
  const parts = [
    el("div", { class: "filters" }, select("survey", T.pick_survey, data.surveys.map((x) => [x.id, x.title]), s.id, (v) => { state.survey = v; show(); })),
    el("h2", { text: s.title }),
    el("p", { id: "rate", text: tr("rate", s.rate) })];
  if (!s.overall) parts.push(el("p", { class: "hint", text: tr("hidden_all", { n: s.responses, min: s.min_group }) }));
  else parts.push(groupBlock(s.overall, s.min_group));
  if (s.units.length) parts.push(el("h2", { text: T.by_unit }), ...s.units.map((g) => groupBlock(g, s.min_group)));
  if (s.hidden_units) parts.push(el("p", { class: "hint", text: tr("hidden_units", { count: s.hidden_units, min: s.min_group }) }));
  if (s.rounds.length) parts.push(el("h2", { text: T.by_round }), ...s.rounds.map((g) => groupBlock(g, s.min_group)));
  page.replaceChildren(...parts);
}

/* Pengiriman */
async function showDeliveries(page) {
  const draw = async () => {
    const data = await api("deliveries");
    const rows = data.deliveries.map((d) => el("tr", { "data-id": d.id },
      el("td", { text: d.kind === "campaign_step" ? T.kind_campaign : T.kind_broadcast }),
      el("td", { text: d.title }), el("td", { text: d.status_label }),
      el("td", { text: d.scheduled_at !== "-" ? d.scheduled_at : d.created_at }),
      el("td", { text: d.counts.sent + " / " + d.counts.total }),
      el("td", { text: String(d.counts.pending) }),
      el("td", { text: String(d.counts.failed + d.counts.unreachable) })));
    const headers = [["kind", T.col_kind], ["title", T.col_title], ["status", T.col_status], ["when", T.col_when],
      ["sent", T.col_sent], ["pending", T.col_pending], ["failed", T.col_failed]];
    page.replaceChildren(el("h2", { text: T.tab_deliveries }), el("p", { class: "hint", text: T.live_hint }),
      rows.length ? table(headers, rows) : el("p", { class: "hint", text: T.no_deliveries }));
  };
  await draw();
  show.timer = setInterval(() => { if (state.page === "deliveries") draw().catch(() => {}); }, 5000);
}

async function start() {
  applyTheme();
  try {
    ME = await api("me");
  } catch (error) {
    await loadTexts(launchLocale());
    showError(error);
    return;
  }
  await loadTexts(ME.locale);
  if (!ME.roles.includes("hr")) state.page = "plans";
  drawTabs();
  await show();
  document.body.dataset.ready = "1";
}

start();

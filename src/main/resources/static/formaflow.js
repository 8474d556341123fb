// Helpers shared by Formaflow's pages (dossiers, account, apprenticeship contracts): API calls with French errors,
// message boxes, forms and tables. Everything the server sends is inserted with textContent, never as HTML.
const $ = id => document.getElementById(id);

async function api(path, options = {}) {
  // X-Requested-With: a 401 then comes without WWW-Authenticate, so the browser shows no login dialog
  const headers = Object.assign({ 'X-Requested-With': 'XMLHttpRequest' }, options.headers || {});
  const response = await fetch(path, Object.assign({ credentials: 'same-origin' }, options, { headers }))
    .catch(() => { throw Object.assign(new Error('Le serveur ne répond pas. Réessayez dans un instant.'), { details: [] }); });
  const text = await response.text();
  let body = null;
  try { body = text ? JSON.parse(text) : null; } catch (e) { /* not JSON: keep the generic message */ }
  if (!response.ok) {
    const error = new Error(body && body.message ? body.message : 'Erreur ' + response.status);
    error.status = response.status;
    error.details = body && Array.isArray(body.details) ? body.details : [];
    throw error;
  }
  return body;
}

const show = (id, visible) => $(id).classList.toggle('hidden', !visible);
const el = (tag, props) => Object.assign(document.createElement(tag), props);
// "2026-09-01" -> "01/09/2026"; "2026-09-01T10:15:00" -> "01/09/2026 10:15"
const frenchDate = iso => !iso ? '' : iso.substring(0, 10).split('-').reverse().join('/') + (iso.length > 10 ? ' ' + iso.substring(11, 16) : '');

// Fills a message box with textContent only; details become a list, linkText (optional) links to Tasklist.
function say(id, ok, message, details, linkText) {
  const box = $(id);
  box.className = 'message ' + (ok ? 'ok' : 'error');
  box.textContent = message;
  if (details && details.length) {
    const list = box.appendChild(el('ul'));
    details.forEach(d => list.appendChild(el('li', { textContent: d })));
  }
  if (linkText) box.append(' ', el('a', { href: '/camunda/app/tasklist/', textContent: linkText }));
}

// Logged out: the page shows its French message and the login link, not empty tables.
function showLogin() {
  document.querySelectorAll('main > section, main > form').forEach(node => node.classList.add('hidden'));
  show('login', true);
}

// Pages keep the logged-in user in state.me: a 401 then means the session expired.
function fail(id, error) {
  if (error.status === 401 && state.me) say(id, false, 'Votre session a expiré.', [], 'Reconnectez-vous dans Tasklist, puis rechargez cette page.');
  else say(id, false, error.message, error.details);
}

function onSubmit(formId, boxId, handler) {
  $(formId).addEventListener('submit', async event => {
    event.preventDefault();
    $(boxId).className = 'message hidden';
    try { await handler(); } catch (error) { fail(boxId, error); }
  });
}

// Cells are text (set with textContent) or DOM nodes (appended as is).
function fillRows(tbody, items, columns, emptyText, span) {
  tbody.innerHTML = '';
  items.forEach(item => {
    const row = tbody.insertRow();
    columns(item).forEach(cell => {
      const td = row.insertCell();
      if (cell instanceof Node) td.appendChild(cell); else td.textContent = cell == null ? '' : cell;
    });
  });
  if (!items.length) Object.assign(tbody.insertRow().insertCell(), { textContent: emptyText, colSpan: span });
  return tbody;
}

// Amounts come from the API in cents; shown as « 2 445,00 € ». Formatted from a decimal string built with integer
// arithmetic, so that no amount ever goes through a binary fraction.
const EURO = new Intl.NumberFormat('fr-FR', { style: 'currency', currency: 'EUR' });
const euros = cents => cents == null ? '' : EURO.format((cents < 0 ? '-' : '') + Math.trunc(Math.abs(cents) / 100) + '.'
  + String(Math.abs(cents) % 100).padStart(2, '0'));

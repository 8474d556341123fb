// The organisation's electronic attendance page (emargement.html#<dossier id>): opens a half-day to signatures, shows
// each person's single-use link as a QR code to print or display, and lists the month's signatures with their proof.
// Links are shown once by the server: the page keeps those it received in sessionStorage, for this tab only.
const state = { me: null, dossier: null, session: null };
const dossierId = Number(location.hash.substring(1));
const base = () => '/api/dossiers/' + dossierId + '/signing-sessions';
const isoDay = date => date.getFullYear() + '-' + String(date.getMonth() + 1).padStart(2, '0') + '-' + String(date.getDate()).padStart(2, '0');
const halfText = half => half === 'AM' ? 'matin' : 'après-midi';

function feedback(ok, message, details) {
  say('feedback', ok, message, details);
}

function storedLinks(sessionId) {
  try { return JSON.parse(sessionStorage.getItem('formaflow.signing.' + sessionId) || '{}'); } catch (e) { return {}; }
}

function tokenOf(url) {
  return new URL(url).searchParams.get('t');
}

function showCodes(session) {
  state.session = session;
  const links = Object.assign(storedLinks(session.id), Object.fromEntries(session.signers.filter(s => s.url).map(s => [s.linkId, s.url])));
  sessionStorage.setItem('formaflow.signing.' + session.id, JSON.stringify(links));
  sessionStorage.setItem('formaflow.signing.shown.' + dossierId, String(session.id));
  $('codesTitle').textContent = 'QR codes du ' + frenchDate(session.day) + ' (' + session.halfLabel + ')';
  const codes = $('codes');
  codes.innerHTML = '';
  session.signers.forEach(s => {
    const card = codes.appendChild(el('div', { className: 'card' }));
    card.appendChild(el('div', { className: 'name', textContent: s.name }));
    card.appendChild(el('div', { textContent: s.kindLabel }));
    const url = links[s.linkId];
    if (s.signedAt) {
      card.appendChild(el('p', { className: 'signed', textContent: s.status }));
    } else if (url) {
      card.appendChild(el('img', { src: base() + '/qr.png?t=' + encodeURIComponent(tokenOf(url)),
        alt: 'QR code de signature de ' + s.name }));
      card.appendChild(el('div')).appendChild(el('a', { href: url, textContent: url, target: '_blank', rel: 'noopener' }));
    } else {
      card.appendChild(el('p', { className: 'hint', textContent: s.status + ' — rouvrez la demi-journée pour obtenir un nouveau lien.' }));
    }
  });
  show('codesBlock', true);
}

async function loadMonth() {
  const month = $('month').value;
  if (!month) return;
  try {
    const sessions = await api(base() + '?month=' + encodeURIComponent(month));
    const rows = [];
    sessions.forEach(session => session.signers.forEach(s => rows.push({ session, s })));
    fillRows($('signatures'), rows, ({ session, s }) => [frenchDate(session.day) + ' ' + halfText(session.half), s.name, s.kindLabel, s.status,
      s.halfDayCounted == null ? '' : (s.halfDayCounted ? 'oui' : 'non'), s.ipAddress || '',
      s.proofHash ? el('span', { textContent: s.proofHash.substring(0, 16) + '…', title: s.proofHash }) : ''],
      'Aucune session de signature ce mois-ci.', 7);
    $('signatures').querySelectorAll('td:last-child').forEach(td => td.classList.add('hash'));
    const shownId = state.session ? state.session.id : Number(sessionStorage.getItem('formaflow.signing.shown.' + dossierId));
    const current = sessions.find(session => session.id === shownId);
    if (current) showCodes(current);
  } catch (error) {
    fail('feedback', error);
  }
}

$('openForm').addEventListener('submit', async event => {
  event.preventDefault();
  $('feedback').className = 'message hidden';
  try {
    const session = await api(base(), { method: 'POST', headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ day: $('day').value, half: $('half').value }) });
    showCodes(session);
    $('codesBlock').scrollIntoView();
    feedback(true, 'Session ouverte : ' + session.signers.filter(s => s.url).length + ' lien(s) de signature à usage unique, valables jusqu\'à minuit.');
    $('month').value = session.day.substring(0, 7);
    await loadMonth();
  } catch (error) {
    fail('feedback', error);
  }
});
$('printButton').addEventListener('click', () => window.print());
$('refreshButton').addEventListener('click', loadMonth);
$('month').addEventListener('change', loadMonth);

(async function start() {
  try {
    state.me = await api('/api/me');
  } catch (error) {
    showLogin();
    return;
  }
  $('who').textContent = state.me.firstName + ' ' + state.me.lastName;
  if (!dossierId) {
    feedback(false, 'Aucun dossier choisi : ouvrez cette page depuis un dossier de « Mes dossiers et mes pièces ».');
    return;
  }
  try {
    state.dossier = await api('/api/dossiers/' + dossierId);
  } catch (error) {
    fail('feedback', error);
    return;
  }
  $('dossierTitle').textContent = state.dossier.contractNumber + ' — ' + state.dossier.title;
  $('back').href = '/dossiers.html#' + dossierId;
  show('dossier', true);
  show('openBlock', state.me.organisations.includes(state.dossier.organisation));
  show('listBlock', true);
  const today = new Date();
  $('day').value = isoDay(today);
  $('half').value = today.getHours() < 13 ? 'AM' : 'PM';
  $('month').value = isoDay(today).substring(0, 7);
  await loadMonth();
  setInterval(loadMonth, 20000);
})();

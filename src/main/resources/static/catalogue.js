const state = { me: null, page: 0, size: 20 };

function describe(session) {
const cell = el('div');
cell.appendChild(el('strong', { textContent: session.title }));
cell.appendChild(el('div', { textContent: session.objectives || '' }));
if (session.modules && session.modules.length > 1) {
  const list = cell.appendChild(el('ul'));
  session.modules.forEach(m => list.appendChild(el('li', { textContent: m.title + ' : ' + m.hours + ' h' })));
}
cell.appendChild(el('div', { className: 'hint', textContent: session.fundingComment || '' }));
return cell;
}

async function search() {
const params = new URLSearchParams();
['formacode', 'place', 'from', 'to', 'freePlaces'].forEach(id => { if ($(id).value.trim()) params.set(id, $(id).value.trim()); });
params.set('page', state.page);
params.set('size', state.size);
const result = await api('/public/offers?' + params);
$('resultTitle').textContent = result.total + ' session(s)' + (result.total > state.size ? ' — page ' + (state.page + 1) : '');
fillRows($('sessions'), result.sessions, s => [describe(s), s.formacode, 'du ' + frenchDate(s.startDate) + ' au ' + frenchDate(s.endDate),
  s.city + ' (' + s.postcode + ')', s.placesAvailable,
  el('div', { style: 'white-space: pre-line', textContent: [s.organisation, s.contactName, s.contactPhone, s.contactEmail].filter(Boolean).join('\n') })],
  'Aucune session ne correspond à votre recherche.', 6);
show('previous', state.page > 0);
show('next', (state.page + 1) * state.size < result.total);
}

async function loadMine() {
const mine = await api('/api/offers');
show('mine', true);
$('listing').textContent = mine.revalidatedOn
  ? 'Potentiel de formation de ' + mine.organisation + ' validé le ' + frenchDate(mine.revalidatedOn) + (mine.withdrawn
    ? ' : vos offres sont retirées du catalogue jusqu\'à sa prochaine validation.'
    : ' ; à valider de nouveau avant le ' + frenchDate(mine.withdrawalOn) + ' (rappel le ' + frenchDate(mine.reminderOn) + ').')
  : mine.organisation + ' n\'a pas encore d\'offre au catalogue.';
if (mine.potentialProblems.length) say('potentialMsg', false, 'À compléter avant de valider votre potentiel de formation :', mine.potentialProblems);
else $('potentialMsg').className = 'message hidden';
fillPotential(mine);
fillRows($('offers'), mine.offers, o => [o.title, o.stateLabel, frenchDate(o.startDate), o.placesAvailable, o.online ? 'oui' : 'non',
  o.state === 'PUBLISHED' ? el('button', { type: 'button', textContent: 'Modifier (dates, places)', onclick: () => change(o.id) }) : ''],
  'Aucune offre.', 6);
return mine;
}

async function change(id) {
try {
  await api('/api/offers/' + id + '/change-request', { method: 'POST' });
  say('mineMsg', true, 'Modification ouverte : complétez-la dans la tâche « Compléter l\'offre ». La version publiée reste en ligne jusqu\'à la validation.', [], 'Ouvrir Tasklist');
  await loadMine();
} catch (error) { fail('mineMsg', error); }
}

const POTENTIAL_TEXTS = ['presentation', 'sites', 'accessibility', 'registrationContact', 'registrationPhone', 'registrationEmail'];

function fillPotential(mine) {
const p = mine.potential || {};
POTENTIAL_TEXTS.forEach(id => { $(id).value = p[id] || ''; });
$('formacodes').value = (p.formacodes || []).join(', ');
$('trainers').value = p.trainers == null ? '' : p.trainers;
}

function potential() {
const p = {};
POTENTIAL_TEXTS.forEach(id => { p[id] = $(id).value.trim() || null; });
p.formacodes = $('formacodes').value.split(/[,;\s]+/).filter(Boolean);
p.trainers = $('trainers').value === '' ? null : Number($('trainers').value);
return p;
}

const savePotential = () => api('/api/offers/potential', { method: 'PUT', headers: { 'Content-Type': 'application/json' },
  body: JSON.stringify(potential()) });

onSubmit('potentialForm', 'potentialMsg', async () => {
  await savePotential();
  const mine = await loadMine();
  if (!mine.potentialProblems.length) say('potentialMsg', true, 'Potentiel de formation enregistré. Validez-le pour qu\'il soit diffusé pour 12 mois.');
});

$('revalidate').addEventListener('click', async () => {
try {
  await savePotential();
  await api('/api/offers/revalidation', { method: 'POST' });
  await loadMine();
  say('potentialMsg', true, 'Votre potentiel de formation est validé pour 12 mois.');
  await search();
} catch (error) { fail('potentialMsg', error); }
});
onSubmit('searchForm', 'searchMsg', () => { state.page = 0; return search(); });
$('previous').addEventListener('click', () => { state.page--; search().catch(e => fail('searchMsg', e)); });
$('next').addEventListener('click', () => { state.page++; search().catch(e => fail('searchMsg', e)); });

search().catch(e => fail('searchMsg', e));
api('/api/me').then(me => { state.me = me; $('who').textContent = me.userId || ''; return loadMine(); }).catch(() => { /* anonymous visitor */ });

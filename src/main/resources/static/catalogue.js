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
  ? 'Fiche de ' + mine.organisation + ' validée le ' + frenchDate(mine.revalidatedOn) + (mine.withdrawn
    ? ' : vos offres sont retirées du catalogue jusqu\'à sa revalidation.'
    : ' ; à revalider avant le ' + frenchDate(mine.withdrawalOn) + ' (rappel le ' + frenchDate(mine.reminderOn) + ').')
  : mine.organisation + ' n\'a pas encore d\'offre au catalogue.';
fillRows($('offers'), mine.offers, o => [o.title, o.stateLabel, frenchDate(o.startDate), o.placesAvailable, o.online ? 'oui' : 'non',
  o.state === 'PUBLISHED' ? el('button', { type: 'button', textContent: 'Modifier (dates, places)', onclick: () => change(o.id) }) : ''],
  'Aucune offre.', 6);
}

async function change(id) {
try {
  await api('/api/offers/' + id + '/change-request', { method: 'POST' });
  say('mineMsg', true, 'Modification ouverte : complétez-la dans la tâche « Compléter l\'offre ». La version publiée reste en ligne jusqu\'à la validation.', [], 'Ouvrir Tasklist');
  await loadMine();
} catch (error) { fail('mineMsg', error); }
}

$('revalidate').addEventListener('click', async () => {
try {
  await api('/api/offers/revalidation', { method: 'POST' });
  say('mineMsg', true, 'Votre fiche est revalidée pour 12 mois.');
  await loadMine();
  await search();
} catch (error) { fail('mineMsg', error); }
});
onSubmit('searchForm', 'searchMsg', () => { state.page = 0; return search(); });
$('previous').addEventListener('click', () => { state.page--; search().catch(e => fail('searchMsg', e)); });
$('next').addEventListener('click', () => { state.page++; search().catch(e => fail('searchMsg', e)); });

search().catch(e => fail('searchMsg', e));
api('/api/me').then(me => { state.me = me; $('who').textContent = me.userId || ''; return loadMine(); }).catch(() => { /* anonymous visitor */ });

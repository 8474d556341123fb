// A Formiris dossier's prestation on the dossier page (seed 001): the tabs' fields, the « type de coût des sessions » and
// the sessions, each with its attendance certificates; the organisation edits it and deposits each session's certificates.
const PRESTATION_FIELDS = [
  ['title', 'En-tête', 'Intitulé de la prestation', true], ['objectives', 'Pédagogie', 'Objectifs pédagogiques', true],
  ['methods', 'Pédagogie', 'Méthodes pédagogiques'], ['evaluation', 'Pédagogie', "Modalités d'évaluation"],
  ['audience', 'Inscription', 'Public visé', true], ['prerequisites', 'Inscription', 'Prérequis'],
  ['registrationTerms', 'Inscription', "Modalités d'inscription"], ['summary', 'Synthèse', 'Résumé de la prestation', true],
  ['content', 'Description', 'Programme détaillé', true]];
const SESSION_FIELDS = [['startDate', 'Début', 'date'], ['endDate', 'Fin', 'date'], ['hours', 'Durée (h)', 'number'],
  ['venue', 'Lieu', 'text'], ['city', 'Ville', 'text'], ['seats', 'Places', 'number'], ['cost', 'Coût pédagogique (€)', 'number'],
  ['extraCosts', 'Frais annexes (€)', 'number']];
let prestationDossierId = null;

async function showPrestation(dossierId) {
  prestationDossierId = dossierId;
  const view = await api('/api/dossiers/' + dossierId + '/prestation');
  show('prestationBlock', view.applies);
  if (!view.applies) return;
  const p = view.prestation;
  fillRows($('prestationFields'), p ? PRESTATION_FIELDS.concat([['sessionCostTypeLabel', 'Session', 'Type de coût des sessions']]) : [],
    ([key, tab, label]) => [tab, label, p[key] || 'non renseigné'], 'Prestation non encore saisie.', 3);
  const pdf = s => el('a', { href: '/api/dossiers/' + dossierId + '/prestation/sessions/' + s.id + '/attendance.pdf',
    textContent: 'Attestations (PDF)' });
  fillRows($('prestationSessions'), p ? p.sessions : [], s => [frenchDate(s.startDate) + ' – ' + frenchDate(s.endDate),
    s.venue + ' (' + s.city + ')', s.seats, s.hours + ' h', s.totalLabel, s.attendanceRecorded ? pdf(s) : 'à déposer'], 'Aucune session.', 6);
  show('prestationForm', view.editable);
  show('sessionAttendanceForm', view.editable && p && p.sessions.length > 0);
  if (!view.editable) return;
  PRESTATION_FIELDS.forEach(([key]) => { $('p_' + key).value = p ? p[key] || '' : ''; });
  $('p_registrationDeadline').value = p && p.registrationDeadline || '';
  const type = $('p_sessionCostType');
  type.innerHTML = '';
  type.add(new Option('— choisir —', ''));
  view.sessionCostTypes.forEach(t => type.add(new Option(t.label, t.code)));
  type.value = p ? p.sessionCostType : '';
  $('sessionRows').innerHTML = '';
  (p ? p.sessions : [{}]).forEach(addSessionRow);
  const select = $('attendanceSession');
  select.innerHTML = '';
  (p ? p.sessions : []).forEach(s => select.add(new Option(frenchDate(s.startDate) + ' – ' + s.venue, s.id)));
}

function addSessionRow(s) {
  const row = $('sessionRows').insertRow();
  row.dataset.id = s.id || '';
  SESSION_FIELDS.forEach(([key, label, type]) => row.insertCell().appendChild(el('input', Object.assign(
    { type, value: s[key] == null ? '' : s[key], title: label, className: 's_' + key }, type === 'number' ? { step: 'any' } : {}))));
  row.insertCell().appendChild(el('button', { type: 'button', textContent: 'Retirer', onclick: () => row.remove() }));
}

$('addSession').addEventListener('click', () => addSessionRow({}));

onSubmit('prestationForm', 'prestationFeedback', async () => {
  const body = {};
  PRESTATION_FIELDS.forEach(([key]) => { body[key] = $('p_' + key).value.trim() || null; });
  body.registrationDeadline = $('p_registrationDeadline').value || null;
  body.sessionCostType = $('p_sessionCostType').value || null;
  body.sessions = [...$('sessionRows').rows].map(row => {
    const s = { id: row.dataset.id ? Number(row.dataset.id) : null };
    SESSION_FIELDS.forEach(([key]) => { s[key] = row.querySelector('.s_' + key).value.trim() || null; });
    return s;
  });
  await api('/api/dossiers/' + prestationDossierId + '/prestation',
    { method: 'PUT', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) });
  say('prestationFeedback', true, 'Prestation enregistrée.');
  await showPrestation(prestationDossierId);
});

// one teacher a line: number ; last name ; first name ; pedagogical unit ; hours
onSubmit('sessionAttendanceForm', 'prestationFeedback', async () => {
  const attendees = $('attendanceLines').value.split('\n').map(l => l.trim()).filter(l => l).map(l => {
    const [teacherNumber, lastName, firstName, unitCode, hours] = l.split(';').map(x => (x || '').trim());
    return { teacherNumber, lastName, firstName, unitCode, hours: hours ? hours.replace(',', '.') : null };
  });
  await api('/api/dossiers/' + prestationDossierId + '/prestation/sessions/' + $('attendanceSession').value + '/attendance',
    { method: 'PUT', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ attendees }) });
  say('prestationFeedback', true, 'Attestations de présence déposées pour la session.');
  $('attendanceLines').value = '';
  await showPrestation(prestationDossierId);
});

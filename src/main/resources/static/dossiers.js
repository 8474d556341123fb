const state = { me: null, types: [], dossier: null, scoped: new Set() };

function feedback(message, ok) {
  const box = $('feedback');
  box.textContent = message;
  box.className = 'message ' + (ok ? 'ok' : 'error');
}

function showError(error) {
  feedback(error.message + (error.details.length ? '\n' + error.details.join('\n') : ''), false);
}

function cell(row, text) {
  const td = document.createElement('td');
  td.textContent = text == null ? '' : text;
  row.appendChild(td);
  return td;
}

async function loadDeadlines() {
  const deadlines = await api('/api/deadlines');
  fillRows($('deadlines'), deadlines, d => [frenchDate(d.due), d.task, d.contractNumber, d.title,
    d.overdue ? el('strong', { textContent: 'dépassée de ' + (-d.daysLeft) + ' j', className: 'error' }) : d.daysLeft + ' j'],
    'Aucune échéance.', 5);
}

async function loadNotifications() {
  const notifications = await api('/api/me/notifications');
  fillRows($('notifications'), notifications, n => [frenchDate(n.sentAt), n.subject, n.body,
    n.dossierId ? el('a', { href: '#' + n.dossierId, textContent: 'Voir le dossier', onclick: () => openDossier(n.dossierId) }) : ''],
    'Aucune notification.', 4);
}

async function loadDossiers() {
  const dossiers = await api('/api/dossiers');
  const body = $('dossiers');
  body.innerHTML = '';
  dossiers.forEach(d => {
    const row = document.createElement('tr');
    const link = document.createElement('a');
    link.href = '#' + d.id;
    link.textContent = d.contractNumber;
    link.onclick = () => openDossier(d.id);
    cell(row, '').appendChild(link);
    [d.title, d.organisation, d.funder, d.phase].forEach(text => cell(row, text));
    if (state.dossier && state.dossier.id === d.id) row.className = 'selected';
    body.appendChild(row);
  });
  if (!dossiers.length) cell(body.insertRow(), 'Aucun dossier.').colSpan = 5;
}

// Where to ask about this dossier: the service its funder names for it (at Formiris, the regional proximity site or the
// national service gestion, by the dossier's scope), and what to quote (aide.html lists every funder's)
async function showHelp(dossier) {
  state.help = state.help || await api('/public/funders/help');
  const funder = state.help.find(f => f.name === dossier.funder);
  const help = dossier.help;
  const line = $('helpLine');
  line.textContent = help && help.service
    ? 'Besoin d\'aide ? ' + (dossier.scope ? 'Formation de périmètre ' + dossier.scope + ' : ' : '')
      + [help.service, help.hours, help.phone, help.email].filter(x => x).join(' — ')
      + (help.quote ? '. Citez ' + help.quote + '. ' : '. ')
    : 'Besoin d\'aide ? ';
  if (funder) line.appendChild(el('a', { href: '/aide.html?financeur=' + encodeURIComponent(funder.code), textContent: 'Contacts du financeur' }));
}

async function openDossier(id) {
  try {
    state.dossier = await api('/api/dossiers/' + id);
    $('detail').classList.remove('hidden');
    $('signingLink').href = '/emargement.html#' + id;
    showEvaluations(id);
    $('detailTitle').textContent = state.dossier.contractNumber + ' — ' + state.dossier.title;
    $('summary').textContent = state.dossier.summary;
    showHelp(state.dossier);
    const docs = $('documents');
    docs.innerHTML = '';
    state.dossier.documents.forEach(doc => {
      const row = docs.insertRow();
      cell(row, doc.label);
      const link = document.createElement('a');
      link.href = '/api/dossiers/' + id + '/documents/' + doc.id;
      link.textContent = doc.filename;
      cell(row, '').appendChild(link);
      cell(row, doc.uploadedBy);
      cell(row, new Date(doc.uploadedAt).toLocaleString('fr-FR'));
    });
    if (!state.dossier.documents.length) cell(docs.insertRow(), 'Aucune pièce versée.').colSpan = 4;
    const checklist = $('checklist');
    checklist.innerHTML = '';
    (await api('/api/dossiers/' + id + '/checklist')).forEach(step => checklist.appendChild(el('li', {
      textContent: step.label + ' : ' + step.items.map(i => (i.present ? '✓ ' : '✗ ') + i.label).join(' ; ')
    })));
    const invoiceLink = i => i.number ? el('a', { href: '/api/dossiers/' + id + '/invoices/' + i.id + '.pdf', textContent: i.number }) : 'à confirmer';
    fillRows($('invoices'), state.dossier.invoices, i => [invoiceLink(i), i.kindLabel, i.statusLabel, i.months, euros(i.netCents), euros(i.grossCents),
      i.rejectionReason || (i.paidOn ? 'Payée le ' + frenchDate(i.paidOn) + ', réf. ' + i.paymentReference : '')],
      'Aucune facture.', 7);
    const portage = await api('/api/dossiers/' + id + '/portage-invoices');
    $('portageBlock').classList.toggle('hidden', !portage.length);
    fillRows($('portageInvoices'), portage, p => [el('a', { href: '/api/dossiers/' + id + '/portage-invoices/' + p.id + '.pdf', textContent: p.number }),
      p.recipientLabel, p.client, euros(p.netCents), euros(p.grossCents),
      p.paidOn ? frenchDate(p.paidOn) + ', réf. ' + p.paymentReference : 'non'], '', 6);
    await showRecovery(id);
    await showPortageOffers(id, state.me.organisations.includes(state.dossier.organisation));
    const surveys = await api('/api/dossiers/' + id + '/surveys');
    fillRows($('surveys'), surveys, s => [s.trainee, s.stageLabel, frenchDate(s.surveyDate), frenchDate(s.deadline),
      s.status === 'OVERDUE' ? el('strong', { textContent: s.statusLabel, className: 'error' }) : s.statusLabel,
      [s.situationLabel, s.contractLabel].filter(x => x).join(' — ')], 'Aucun stagiaire.', 6);
    const trainer = $('trainer');
    trainer.innerHTML = '';
    state.dossier.trainers.forEach(t => trainer.add(new Option(t.name, t.id)));
    $('uploadBlock').classList.toggle('hidden', !state.me.organisations.includes(state.dossier.organisation));
    await showMarketReferences(id, state.me.organisations.includes(state.dossier.organisation));
    await showPrestation(id);
    await loadDossiers();
  } catch (error) {
    showError(error);
  }
}

// the Région's order to pay back what the balance could not take back of the advance, when there is one
async function showRecovery(id) {
  let recovery = null;
  try {
    recovery = await api('/api/dossiers/' + id + '/advance-recovery');
  } catch (error) {
    if (error.status !== 404) throw error;
  }
  $('recoveryBlock').classList.toggle('hidden', !recovery);
  const text = $('recovery');
  text.innerHTML = '';
  if (!recovery) return;
  text.append('N° ' + recovery.number + ' du ' + frenchDate(recovery.issuedAt) + ' : avance ' + euros(recovery.advanceCents)
    + ' HT, reprise ' + euros(recovery.repaidCents) + ' HT, à reverser ' + euros(recovery.grossCents) + ' TTC. ',
    el('a', { href: recovery.pdf, textContent: 'Télécharger l\'ordre de reversement (PDF)' }));
}

// a portage platform's offers for this dossier: the one that corresponds to it, the one chosen
async function showPortageOffers(id, own) {
  let offers = [];
  let note = '';
  try {
    offers = await api('/api/dossiers/' + id + '/portage-offers');
  } catch (error) {
    if (error.status !== 422) throw error;
    note = error.message;
  }
  $('offersBlock').classList.toggle('hidden', !note && !offers.length);
  $('offersNote').textContent = note;
  const choose = code => el('button', { type: 'button', textContent: 'Choisir cette offre', onclick: async () => {
    try {
      await api('/api/dossiers/' + id + '/portage-offer', { method: 'PUT', headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ code }) });
      await showPortageOffers(id, own);
    } catch (error) {
      showError(error);
    }
  } });
  fillRows($('portageOffers'), offers, p => [p.offer.name, p.offer.included.join(' ; '), p.offer.grid, euros(p.feeCents),
    [p.recommended ? 'L\'offre qui vous correspond' : '', p.chosen ? 'Offre choisie' : '', p.whyNot].filter(x => x).join(' — '),
    own && p.fits && !p.chosen ? choose(p.offer.code) : ''], '', 6);
}

function onTypeChange() {
  const type = state.types.find(t => t.type === $('type').value);
  $('trainerBlock').classList.toggle('hidden', !(type && type.perTrainer));
  $('monthBlock').classList.toggle('hidden', !(type && type.type === 'ATTENDANCE_SHEET'));
}

$('type').addEventListener('change', onTypeChange);

$('uploadForm').addEventListener('submit', async event => {
  event.preventDefault();
  const form = new FormData();
  form.append('type', $('type').value);
  const type = state.types.find(t => t.type === $('type').value);
  if (type.perTrainer) form.append('trainerId', $('trainer').value);
  if (type.type === 'ATTENDANCE_SHEET') form.append('month', $('month').value);
  form.append('file', $('file').files[0]);
  try {
    await api('/api/dossiers/' + state.dossier.id + '/documents', { method: 'POST', body: form });
    feedback('Pièce versée : ' + type.label + '.', true);
    $('file').value = '';
    await openDossier(state.dossier.id);
  } catch (error) {
    showError(error);
  }
});

$('checkButton').addEventListener('click', async () => {
  try {
    const findings = await api('/api/dossiers/' + state.dossier.id + '/consistency');
    const list = $('findings');
    list.innerHTML = '';
    findings.forEach(f => list.appendChild(el('li', {
      textContent: (f.severity === 'BLOCKING' ? 'Bloquant : ' : 'Point d\'attention : ') + f.message,
      className: f.severity === 'BLOCKING' ? 'error' : ''
    })));
    if (!findings.length) list.appendChild(el('li', { textContent: 'Aucune incohérence : le dossier peut être transmis.' }));
  } catch (error) {
    showError(error);
  }
});

$('reconcileForm').addEventListener('submit', async event => {
  event.preventDefault();
  try {
    const result = await api('/api/dossiers/' + state.dossier.id + '/reconciliation', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ line: $('bankLine').value })
    });
    feedback(result.message, result.matches.length > 0);
    const list = $('reconciliation');
    list.innerHTML = '';
    result.matches.forEach(m => {
      const item = document.createElement('li');
      item.textContent = m.verdict;
      list.appendChild(item);
    });
  } catch (error) {
    showError(error);
  }
});

$('createForm').addEventListener('submit', async event => {
  event.preventDefault();
  try {
    const created = await api('/api/dossiers', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ funderCode: $('funder').value, title: $('title').value, programmingYear: Number($('year').value),
        scope: state.scoped.has($('funder').value) ? ($('scope').value || null) : null })
    });
    feedback('Dossier ' + created.contractNumber + ' créé. La tâche « Déposer le dossier » vous attend dans Tasklist.', true);
    const task = ((await api('/api/dossiers/' + created.id)).tasks || [])[0];
    // straight to the task in Tasklist
    $('feedback').append(' ', el('a', {
      id: 'taskLink',
      href: task ? '/camunda/app/tasklist/default/#/?task=' + encodeURIComponent(task.id) : '/camunda/app/tasklist/',
      textContent: 'Ouvrir la tâche « Déposer le dossier »'
    }));
    $('title').value = '';
    await loadDossiers();
  } catch (error) {
    showError(error);
  }
});

async function loadReports() {
  const year = $('reportYear');
  if (!year.value) year.value = new Date().getFullYear();
  const reports = await api('/api/reports');
  const link = (href, text) => el('a', { href: href + '?year=' + encodeURIComponent(year.value), textContent: text, download: '' });
  fillRows($('reports'), reports, r => [r.title, link(r.csv, 'CSV'), link(r.pdf, 'PDF')], 'Aucune édition.', 3);
}
$('reportYear').addEventListener('change', loadReports);

(async function start() {
  try {
    state.me = await api('/api/me');
  } catch (error) {
    if (error.status === 401) showLogin(); else showError(error);
    return;
  }
  $('who').textContent = state.me.firstName + ' ' + state.me.lastName + ' — ' + state.me.organisations.concat(state.me.funders).join(', ');
  state.types = await api('/api/document-types');
  state.types.filter(t => t.type !== 'OTHER').concat(state.types.filter(t => t.type === 'OTHER'))
      .forEach(t => $('type').add(new Option(t.label, t.type)));
  onTypeChange();
  if (state.me.organisations.length) {
    $('create').classList.remove('hidden');
    const funders = await api('/api/funders');
    // a funder organised in territories (Formiris) asks whether the training is regional or national
    state.scoped = new Set(funders.filter(f => f.scopes).map(f => f.code));
    funders.forEach(f => $('funder').add(new Option(f.name + ' (' + f.scheme + ')', f.code)));
    const showScope = () => $('scopeField').classList.toggle('hidden', !state.scoped.has($('funder').value));
    $('funder').addEventListener('change', showScope);
    showScope();
    const thisYear = new Date().getFullYear();
    // the server accepts this year, the one before and the next two (FieldLimits)
    Object.assign($('year'), { value: thisYear, min: thisYear - 1, max: thisYear + 2 });
  }
  await loadDeadlines();
  await loadNotifications();
  await loadDossiers();
  await loadReports();
  const id = Number(location.hash.substring(1));
  if (id) await openDossier(id);
})();

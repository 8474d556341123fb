const state = { me: null, contractId: null };
const yesNo = b => b ? 'Oui' : 'Non';
const receiptLink = r => el('a', { href: r.receiptUrl, textContent: r.receiptNumber, download: '' });

// Two-column label / value table; amounts get the "amount" class.
function fillFacts(tbody, pairs) {
  tbody.innerHTML = '';
  pairs.forEach(([label, text, main, amount]) => {
    const row = tbody.insertRow();
    if (main) row.className = 'main';
    row.appendChild(el('th', { textContent: label }));
    Object.assign(row.insertCell(), { textContent: text == null ? '' : text, className: amount ? 'amount' : '' });
  });
}

// 1. Search
async function search() {
  const params = new URLSearchParams();
  const q = $('q').value.trim();
  if (q) params.set('q', q);
  if ($('state').value) params.set('state', $('state').value);
  const query = params.toString();
  const lines = await api('/api/apprenticeship-contracts' + (query ? '?' + query : ''));
  const tbody = fillRows($('contracts'), lines, c => [c.opcoActionNumber, c.contractNumber, c.apprentice, c.employer, c.cfa,
    c.stateLabel, frenchDate(c.stateSince)], 'Aucun contrat ne correspond à votre recherche.', 7);
  lines.forEach((c, i) => {
    const row = tbody.rows[i];
    row.dataset.id = c.id;
    row.classList.toggle('selected', c.id === state.contractId);
    row.addEventListener('click', () => openContract(c.id));
  });
}
onSubmit('searchForm', 'searchMsg', search);

async function openContract(id) {
  $('detailMsg').className = 'message hidden';
  $('requestMsg').className = 'message hidden';
  try {
    await loadDetail(id);
    history.replaceState(null, '', '?contrat=' + encodeURIComponent(id));
    $('detail').scrollIntoView({ behavior: 'smooth' });
  } catch (error) { fail('detailMsg', error); }
}

// 2. Detail
async function loadDetail(id) {
  const d = await api('/api/apprenticeship-contracts/' + encodeURIComponent(id));
  const c = d.contract;
  state.contractId = c.id;
  Array.from($('contracts').rows).forEach(r => r.classList.toggle('selected', r.dataset.id === String(c.id)));
  $('detailTitle').textContent = 'Contrat ' + (c.contractNumber || c.opcoActionNumber) + ' — ' + c.apprentice + ' — ' + c.stateLabel;
  $('actionNumber').textContent = "N° d'action OPCO : " + c.opcoActionNumber + ' — à rappeler dans toute demande au support';
  show('missing', d.missingItems && d.missingItems.length);
  $('missing').textContent = d.missingItems && d.missingItems.length ? 'Pièces manquantes : ' + d.missingItems.join(', ') : '';
  fillFacts($('facts'), [
    ['Apprenti(e)', c.apprentice], ['Employeur', c.employer + (d.employerSiret ? ' (SIRET ' + d.employerSiret + ')' : '')],
    ['CFA', c.cfa], ['N° de contrat', c.contractNumber], ['Diplôme préparé', d.diploma], ['Signé le', frenchDate(d.signedOn)],
    ['Période', 'du ' + frenchDate(d.startDate) + ' au ' + frenchDate(d.endDate)], ['Rythme de paiement', d.rhythm],
    ['État', c.stateLabel + ' depuis le ' + frenchDate(c.stateSince)]]);
  fillFacts($('money'), [
    ["Budget alternance à facturer à l'OPCO", euros(d.opcoCents), true, true],
    ["À facturer à l'employeur (coût pédagogique au-delà du budget)", euros(d.employerCents), true, true],
    ['Coût pédagogique', euros(d.teachingCostCents), false, true],
    ['Budget alternance (NPEC)', euros(d.budgetCents), false, true],
    ['Frais divers (premier équipement)', euros(d.equipmentCents), false, true]]);
  fillRows($('states'), d.states, s => [s.label, frenchDate(s.at), s.by, s.comment], 'Aucun changement d\'état.', 4);
  fillRows($('schedule'), d.schedule, i => [i.number, i.label, frenchDate(i.payableFrom), euros(i.amountCents),
    yesNo(i.certificateRequired), i.status], 'Aucun versement prévu.', 6);
  fillRows($('requests'), d.requests, r => [receiptLink(r), r.instalmentLabel, euros(r.amountCents), euros(r.equipmentCents),
    r.invoiceReference, yesNo(r.certificate), r.statusLabel, frenchDate(r.submittedAt), frenchDate(r.decidedAt), r.rejectionReason],
    'Aucune demande de remboursement.', 10);
  const next = d.nextInstalment == null ? null : d.schedule.find(i => i.number === d.nextInstalment);
  const canRequest = c.state === 'IN_PROGRESS' && d.nextInstalment != null;
  show('requestForm', canRequest);
  if (canRequest) {
    $('requestForm').reset();
    $('requestTitle').textContent = 'Demander le versement n° ' + d.nextInstalment + (next ? ' — ' + next.label : '');
    show('certificateHint', next && !next.certificateRequired);
  }
  show('detail', true);
}

// 2b. Reimbursement request (multipart: the browser sets Content-Type with the boundary)
onSubmit('requestForm', 'requestMsg', async () => {
  const id = state.contractId;
  const created = await api('/api/apprenticeship-contracts/' + encodeURIComponent(id) + '/reimbursement-requests',
    { method: 'POST', body: new FormData($('requestForm')) });
  await loadDetail(id).catch(error => fail('detailMsg', error));
  say('requestMsg', true, 'Demande déposée : récépissé n° ');
  $('requestMsg').append(receiptLink(created), ' (télécharger le récépissé PDF).');
});

onSubmit('missingForm', 'missingMsg', async () => {
  const body = Object.fromEntries(new FormData($('missingForm')).entries());
  Object.keys(body).forEach(key => { if (body[key] === '') body[key] = null; });
  const report = await api('/api/apprenticeship-contracts/missing-reports',
    { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) });
  say('missingMsg', true, 'Signalement envoyé à ' + report.sentTo + ' : « ' + report.subject + ' ».');
  $('missingForm').reset();
});

async function showMissingForm() {
  const opcos = (await api('/api/funders')).filter(f => f.scheme === 'OPCO' || /OPCO/i.test(f.scheme));
  opcos.forEach(f => $('missingFunder').add(new Option(f.name, f.code)));
  show('missingSection', opcos.length > 0 && (state.me.organisations || []).length > 0);
}

function renderMe(me) {
  state.me = me;
  $('who').textContent = me.firstName + ' ' + me.lastName + ' — ' + (me.organisations || []).concat(me.funders || []).join(', ');
}

(async function start() {
  try {
    renderMe(await api('/api/me'));
  } catch (error) {
    if (error.status === 401) return show('login', true);
    return fail('feedback', error);
  }
  show('member', true);
  try { await showMissingForm(); } catch (error) { fail('missingMsg', error); }
  try { await search(); } catch (error) { fail('searchMsg', error); }
  const wanted = new URLSearchParams(location.search).get('contrat');
  if (wanted) {
    try { await loadDetail(wanted); } catch (error) { fail('detailMsg', error); }
  }
})();

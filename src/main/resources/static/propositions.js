// Formiris' « propositions d'offre de service » on the account page (seed 001): the funder's validators send one to an
// organisation by SIRET and decide on it once returned; the organisation completes and returns it. Both see its status.
const OFFER_FIELDS = [['trainingDomains', 'Domaines de formation proposés *'], ['audiences', 'Publics visés *'],
  ['interventionArea', "Périmètre d'intervention *"], ['trainers', 'Intervenants et qualifications *'], ['references', 'Références']];
OFFER_FIELDS.forEach(([key, text]) => $('offerAnswerFields').append(
  el('label', { htmlFor: 'so_' + key, textContent: text }), el('textarea', { id: 'so_' + key, maxLength: 2000 })));
let openOffer = null;

async function loadOffers(me) {
  const offers = await api('/api/service-offers');
  show('offers', me.funders.length > 0 || me.organisations.length > 0);
  const choose = o => el('a', { href: '#', textContent: 'Ouvrir', onclick: event => { event.preventDefault(); selectOffer(o); } });
  fillRows($('offerRows'), offers, o => [o.id, o.funderName + (o.scope ? ' (' + o.scope + ')' : ''), o.organisationName,
    frenchDate(o.sentAt.substring(0, 10)), o.statusLabel + (o.decisionReason ? ' — motifs : ' + o.decisionReason : ''),
    el('a', { href: '/api/service-offers/' + o.id + '/pdf', textContent: 'PDF' }), choose(o)], 'Aucune proposition.', 7);
  if (me.funders.length) {
    show('offerSendForm', true);
    const select = $('offerFunder');
    if (!select.options.length) (await api('/api/funders')).filter(f => me.funders.includes(f.name))
      .forEach(f => select.add(new Option(f.name, f.code)));
  }
}

function selectOffer(o) {
  openOffer = o;
  $('offerTitle').textContent = 'Proposition n° ' + o.id + ' — ' + o.statusLabel;
  show('offerAnswerForm', o.canAnswer);
  show('offerDecisionForm', o.canDecide);
}

const postJson = (method, path, data) => api(path, { method, headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(data) });

onSubmit('offerSendForm', 'offerMsg', async () => {
  const sent = await postJson('POST', '/api/service-offers', { funderCode: $('offerFunder').value, siret: $('offerSiret').value });
  say('offerMsg', true, 'Proposition n° ' + sent.id + ' envoyée à ' + sent.organisationName + ' : un e-mail l\'en informe.');
  $('offerSendForm').reset();
  await loadOffers(await api('/api/me'));
});

onSubmit('offerAnswerForm', 'offerMsg', async () => {
  const body = Object.fromEntries(OFFER_FIELDS.map(([key]) => [key, $('so_' + key).value.trim() || null]));
  Object.assign(body, { dailyRate: $('so_dailyRate').value || null, signatoryName: $('so_signatoryName').value.trim() || null,
    signatoryRole: $('so_signatoryRole').value.trim() || null, certified: $('so_certified').checked });
  await postJson('PUT', '/api/service-offers/' + openOffer.id + '/answer', body);
  say('offerMsg', true, 'Proposition renvoyée : le financeur vous informera de sa décision.');
  show('offerAnswerForm', false);
  await loadOffers(await api('/api/me'));
});

onSubmit('offerDecisionForm', 'offerMsg', async () => {
  const accepted = document.querySelector('input[name="offerAccepted"]:checked');
  await postJson('POST', '/api/service-offers/' + openOffer.id + '/decision',
    { accepted: accepted ? accepted.value === 'true' : null, reason: $('offerReason').value.trim() || null });
  say('offerMsg', true, 'Décision enregistrée : l\'organisme en est informé par e-mail.');
  show('offerDecisionForm', false);
  await loadOffers(await api('/api/me'));
});

(async function startOffers() {
  try {
    await loadOffers(await api('/api/me'));
  } catch (error) {
    if (error.status !== 401) fail('offerMsg', error);
  }
})();

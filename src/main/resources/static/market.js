// A Région market dossier's references on the dossier page: shown to everyone who sees the dossier, recorded by the
// Région's validators; the organisation downloads its Chorus Pro deposit.
const MARKET_FIELDS = [
  ['callForProjects', 'Appel à projet'], ['operationNumber', "Numéro d'opération Safir"], ['marketNumber', 'Numéro de marché'],
  ['decidingBody', 'Instance décisionnaire'], ['voteDate', 'Date de vote'], ['sector', "Secteur d'activité"],
  ['commitmentNumber', "Numéro d'engagement juridique"], ['serviceCode', 'Code service (Chorus Pro)']];
let marketDossierId = null;

async function showMarketReferences(dossierId, isOrganisation) {
  marketDossierId = dossierId;
  const view = await api('/api/dossiers/' + dossierId + '/market-references');
  show('marketBlock', view.applies);
  if (!view.applies) return;
  const refs = view.references;
  fillRows($('marketReferences'), MARKET_FIELDS, ([key, label]) => [label,
    refs[key] == null ? 'non renseigné' : key === 'voteDate' ? frenchDate(refs[key]) : refs[key]], '', 2);
  show('marketForm', view.editable);
  MARKET_FIELDS.forEach(([key]) => { $(key).value = refs[key] || ''; });
  show('chorusBlock', isOrganisation);
}

// The deposit is downloaded only when Chorus Pro would take it; otherwise the French reasons are shown.
$('chorusLink').addEventListener('click', async event => {
  event.preventDefault();
  $('marketFeedback').className = 'message hidden';
  const response = await fetch('/api/dossiers/' + marketDossierId + '/chorus-pro-deposit.zip',
    { credentials: 'same-origin', headers: { 'X-Requested-With': 'XMLHttpRequest' } });
  if (!response.ok) {
    const body = await response.json().catch(() => ({}));
    say('marketFeedback', false, body.message || 'Erreur ' + response.status, body.details);
    return;
  }
  const link = el('a', { href: URL.createObjectURL(await response.blob()), download: 'chorus-pro-' + marketDossierId + '.zip' });
  document.body.appendChild(link);
  link.click();
  link.remove();
});

onSubmit('marketForm', 'marketFeedback', async () => {
  const body = {};
  MARKET_FIELDS.forEach(([key]) => { body[key] = $(key).value.trim() || null; });
  await api('/api/dossiers/' + marketDossierId + '/market-references',
    { method: 'PUT', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) });
  say('marketFeedback', true, 'Références du marché enregistrées : elles figureront sur les prochaines factures.');
  await showMarketReferences(marketDossierId, false);
});

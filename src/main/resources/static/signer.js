// The public signing page (signer.html?t=<token>): shows what the single-use link signs, then signs it. No account.
const state = { me: null };
const token = new URLSearchParams(location.search).get('t') || '';
const path = '/public/signatures/' + encodeURIComponent(token);

function ended(ok, message, details) {
  show('loading', false);
  show('toSign', false);
  say('result', ok, message, details);
}

(async function start() {
  if (!token) {
    ended(false, 'Ce lien de signature est incomplet : scannez de nouveau le QR code ou ouvrez le lien reçu en entier.');
    return;
  }
  try {
    const what = await api(path);
    $('signerName').textContent = what.signerName;
    $('signerKind').textContent = what.kindLabel;
    $('dossierTitle').textContent = what.dossierTitle;
    $('contractNumber').textContent = what.contractNumber;
    $('organisation').textContent = what.organisation;
    $('halfDay').textContent = what.dayLabel + ', ' + what.halfLabel;
    show('loading', false);
    show('toSign', true);
  } catch (error) {
    ended(false, error.message, error.details);
  }
})();

$('signButton').addEventListener('click', async () => {
  $('signButton').disabled = true;
  try {
    const signed = await api(path, { method: 'POST' });
    ended(true, signed.message);
  } catch (error) {
    ended(false, error.message, error.details);
  }
});

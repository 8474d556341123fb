// The public evaluation page (evaluer.html?t=<token>): a trainee rates the training, a trainer writes an evaluation. No account.
const token = new URLSearchParams(location.search).get('t') || '';
const path = '/public/evaluations/' + encodeURIComponent(token);
let kind = null;

function ended(ok, message, details) {
  show('loading', false);
  show('toAnswer', false);
  say('result', ok, message, details);
}

(async function start() {
  if (!token) {
    ended(false, "Ce lien d'évaluation est incomplet : scannez de nouveau le QR code ou ouvrez le lien reçu en entier.");
    return;
  }
  try {
    const what = await api(path);
    kind = what.kind;
    $('personName').textContent = what.personName;
    $('personKind').textContent = what.kindLabel;
    $('dossierTitle').textContent = what.dossierTitle;
    $('contractNumber').textContent = what.contractNumber;
    $('organisation').textContent = what.organisation;
    $('period').textContent = what.period;
    show('ratingGroup', kind === 'TRAINEE');
    $('commentLabel').textContent = kind === 'TRAINEE' ? 'Votre commentaire (facultatif)'
      : 'Votre évaluation de la formation (déroulement, groupe, moyens, points à améliorer)';
    show('loading', false);
    show('toAnswer', true);
  } catch (error) {
    ended(false, error.message, error.details);
  }
})();

$('answerForm').addEventListener('submit', async event => {
  event.preventDefault();
  $('sendButton').disabled = true;
  const rating = document.querySelector('input[name="satisfaction"]:checked');
  try {
    const sent = await api(path, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ satisfaction: rating ? Number(rating.value) : null, comment: $('comment').value })
    });
    ended(true, sent.message);
  } catch (error) {
    $('sendButton').disabled = false;
    say('result', false, error.message, error.details);
  }
});

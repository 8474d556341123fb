// The dossier page's « Évaluations » block: who has sent their evaluation, and single-use links to give the others.
const KIND_LABELS = { TRAINEE: 'Stagiaire', TRAINER: 'Formateur' };
let evaluationDossier = null;

async function showEvaluations(id) {
  evaluationDossier = id;
  show('evaluationMessage', false);
  try {
    fillEvaluations(await api('/api/dossiers/' + id + '/evaluation-links'), []);
  } catch (error) {
    say('evaluationMessage', false, error.message, error.details);
  }
}

function fillEvaluations(statuses, issued) {
  const body = $('evaluationLinks');
  body.innerHTML = '';
  const rows = issued.length ? issued : statuses;
  rows.forEach(person => {
    const row = body.insertRow();
    row.insertCell().textContent = person.personName;
    row.insertCell().textContent = KIND_LABELS[person.kind] || person.kind;
    const status = statuses.find(s => s.kind === person.kind && s.personName === person.personName);
    row.insertCell().textContent = person.answered || (status && status.answered)
      ? 'Envoyée' + (status && status.answeredAt ? ' le ' + frenchDate(status.answeredAt) : '') : 'Pas encore envoyée';
    const link = row.insertCell();
    if (person.url) {
      link.appendChild(el('a', { href: person.url, textContent: 'Lien d\'évaluation', target: '_blank', rel: 'noopener' }));
      link.appendChild(el('img', {
        src: '/api/dossiers/' + evaluationDossier + '/evaluation-links/qr.png?t=' + encodeURIComponent(person.token),
        alt: 'QR code du lien d\'évaluation de ' + person.personName, width: 120, height: 120
      }));
    } else {
      link.textContent = person.answered ? '—' : 'Cliquez sur « Donner les liens d\'évaluation »';
    }
  });
  if (!rows.length) body.insertRow().insertCell().textContent = 'Aucun lien d\'évaluation n\'a encore été donné.';
}

$('issueEvaluationLinks').addEventListener('click', async () => {
  if (!evaluationDossier) return;
  try {
    const issued = await api('/api/dossiers/' + evaluationDossier + '/evaluation-links', { method: 'POST' });
    const statuses = await api('/api/dossiers/' + evaluationDossier + '/evaluation-links');
    fillEvaluations(statuses, issued);
    say('evaluationMessage', true, 'Liens créés : chacun ne sert qu\'une fois et n\'est montré qu\'ici. Donnez-les maintenant.');
  } catch (error) {
    say('evaluationMessage', false, error.message, error.details);
  }
});

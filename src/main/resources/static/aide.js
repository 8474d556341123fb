// One help card per funder: the service to contact, its hours, phone, e-mail and what to quote in every request; at a
// funder organised in territories (Formiris), the contact of the regional and of the national dossiers too.
function helpCard(funder) {
  const help = funder.help || {};
  const card = el('section', { id: 'aide-' + funder.code });
  card.appendChild(el('h2', { textContent: funder.name }));
  if (!help.service && !help.email && !help.phone) {
    card.appendChild(el('p', { textContent: 'Ce financeur n\'a pas encore indiqué de contact.' }));
    return card;
  }
  card.appendChild(contacts(help));
  [['Formation de périmètre régional', funder.regional], ['Formation de périmètre national', funder.national]].forEach(([title, scoped]) => {
    if (!scoped || !scoped.service) return;
    card.appendChild(el('h3', { textContent: title }));
    card.appendChild(contacts(scoped));
  });
  return card;
}

function contacts(help) {
  const list = el('dl');
  [['Service', help.service], ['Horaires', help.hours], ['Téléphone', help.phone]].forEach(([label, value]) => {
    if (value) list.append(el('dt', { textContent: label }), el('dd', { textContent: value }));
  });
  if (help.email) {
    const email = el('dd');
    email.appendChild(el('a', { href: 'mailto:' + help.email, textContent: help.email }));
    list.append(el('dt', { textContent: 'E-mail' }), email);
  }
  if (help.quote) list.append(el('dt', { textContent: 'À citer dans toute demande' }), el('dd', { textContent: help.quote }));
  return list;
}

(async function start() {
  try {
    const funders = await api('/public/funders/help');
    const wanted = new URLSearchParams(location.search).get('financeur');
    funders.filter(f => !wanted || f.code === wanted).forEach(f => $('funders').appendChild(helpCard(f)));
    if (!$('funders').children.length) say('feedback', false, 'Aucun financeur ne correspond.');
  } catch (error) {
    say('feedback', false, error.message, error.details);
  }
})();

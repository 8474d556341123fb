const state = { me: null, token: null, lookup: null };
const CONTACT = [['street', 'Adresse'], ['postcode', 'Code postal'], ['city', 'Ville'], ['phone', 'Téléphone'],
  ['email', 'Adresse électronique'], ['contactName', 'Personne à contacter']];

const send = (method, path, data) => api(path, { method, headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(data) });
const value = id => $(id).value.trim() || null;

function contactFields(container, prefix, emailLabel) {
  CONTACT.forEach(([key, text]) => container.append(
    el('label', { htmlFor: prefix + key, textContent: key === 'email' ? emailLabel : text }), el('input', { id: prefix + key })));
}
const readContact = prefix => Object.fromEntries(CONTACT.map(([key]) => [key, value(prefix + key)]));
contactFields($('orgContact'), 'o_', "Adresse électronique de l'organisme");
contactFields($('contactFields'), 'c_', 'Adresse électronique');
const INVOICING = [['vatNumber', 'N° de TVA intracommunautaire'], ['legalForm', 'Forme juridique (SARL, SAS, association…)'],
  ['shareCapitalEuros', 'Capital social (€)'], ['rcs', 'RCS (ville et numéro)'], ['iban', 'IBAN'], ['bic', 'BIC']];
INVOICING.forEach(([key, text]) => $('invoicingFields').append(
  el('label', { htmlFor: 'i_' + key, textContent: text }), el('input', { id: 'i_' + key })));

// Oui / Non radio pairs; an unanswered group is sent as null.
document.querySelectorAll('fieldset.yesno').forEach(group => [['true', 'Oui'], ['false', 'Non']].forEach(([v, text]) => {
  const label = group.appendChild(el('label', { className: 'inline' }));
  label.append(el('input', { type: 'radio', name: 'o_' + group.dataset.key, value: v }), ' ' + text);
}));
const yesNo = key => { const c = document.querySelector('input[name="o_' + key + '"]:checked'); return c ? c.value === 'true' : null; };

// 1. Choosing a password from the e-mailed link
onSubmit('chooseForm', 'chooseMsg', async () => {
  if ($('choosePassword').value !== $('chooseConfirm').value) return say('chooseMsg', false, 'Les deux mots de passe ne sont pas identiques.');
  const result = await send('POST', '/public/passwords', { token: state.token, password: $('choosePassword').value });
  say('chooseMsg', true, result.message, [], 'Se connecter dans Tasklist');
  show('chooseForm', false);
});

// 2a. Access request, step 1: SIRET lookup
onSubmit('siretForm', 'signupMsg', async () => {
  show('requestForm', false);
  state.lookup = await api('/public/organisations/' + encodeURIComponent($('siret').value.replace(/\s/g, '')));
  $('knownText').textContent = state.lookup.known
    ? 'Votre organisme ' + (state.lookup.name || state.lookup.siret) + ' est déjà référencé : votre demande sera transmise à son administrateur.' : '';
  show('knownText', state.lookup.known);
  show('orgBlock', !state.lookup.known);
  show('requestForm', true);
});

// 2a. Access request, step 2: the person, plus the organisation record when it is not known yet
onSubmit('requestForm', 'signupMsg', async () => {
  const known = state.lookup.known;
  const organisation = known ? null : Object.assign({
    siret: state.lookup.siret, name: value('o_name'), nda: value('o_nda'), ndaRegion: value('o_ndaRegion'),
    fpc: yesNo('fpc'), cfa: yesNo('cfa'), forProfit: yesNo('forProfit'), vatLiable: yesNo('vatLiable'), area: value('o_area')
  }, readContact('o_'));
  const result = await send('POST', '/public/access-requests', {
    siret: state.lookup.siret, funderCode: known ? null : value('funder'),
    user: { email: value('u_email'), firstName: value('u_firstName'), lastName: value('u_lastName') }, organisation
  });
  say('signupMsg', true, result.message);
  show('siretForm', false);
  show('requestForm', false);
});

// 2b. Forgotten password
onSubmit('forgotForm', 'forgotMsg', async () => {
  say('forgotMsg', true, (await send('POST', '/public/password-resets', { login: value('login') })).message);
  show('forgotForm', false);
});

// 3a. / 3b. Logged-in account
function renderMe(me) {
  state.me = me;
  $('who').textContent = me.firstName + ' ' + me.lastName + ' — ' + me.organisations.concat(me.funders).join(', ');
  $('currentEmail').textContent = 'Adresse actuelle : ' + (me.email || 'non renseignée');
}

onSubmit('passwordForm', 'passwordMsg', async () => {
  if ($('p_new').value !== $('p_confirm').value) return say('passwordMsg', false, 'Les deux nouveaux mots de passe ne sont pas identiques.');
  await send('PUT', '/api/me/password', { currentPassword: $('p_current').value, newPassword: $('p_new').value });
  $('passwordForm').reset();
  say('passwordMsg', true, 'Votre mot de passe a été modifié.');
});

onSubmit('emailForm', 'emailMsg', async () => {
  renderMe(await send('PUT', '/api/me/email', { currentPassword: $('e_current').value, email: value('e_email') }));
  $('emailForm').reset();
  say('emailMsg', true, 'Votre adresse électronique a été modifiée.');
});

// 3c. My organisation (contact, users, delegating organisations)
function renderOrganisation(view) {
  show('organisation', true);
  $('orgName').textContent = view.name;
  $('orgIds').textContent = 'SIRET : ' + view.siret + " — N° de déclaration d'activité : " + (view.nda || 'non renseigné');
  CONTACT.forEach(([key]) => Object.assign($('c_' + key), { value: (view.contact && view.contact[key]) || '', readOnly: !view.admin }));
  INVOICING.forEach(([key]) => Object.assign($('i_' + key), { value: (view.invoicing && view.invoicing[key]) || '', readOnly: !view.admin }));
  ['contactSave', 'invoicingSave', 'userForm', 'delegationForm'].forEach(id => show(id, view.admin));
  fillRows($('users'), view.users, u => [u.firstName + ' ' + u.lastName, u.email, u.admin ? 'Oui' : 'Non', ''], 'Aucun utilisateur.', 4);
  view.users.forEach((u, i) => {
    if (!view.admin || u.userId === state.me.userId) return;
    const button = el('button', { type: 'button', textContent: 'Retirer', onclick: () => removeUser(u) });
    $('users').rows[i].cells[3].appendChild(button);
  });
  show('delegations', view.cfa);
  fillRows($('delegationRows'), view.delegatingOrganisations || [], d => [d.name, d.siret, frenchDate(d.since), d.addedBy],
    'Aucun organisme déléguant.', 4);
}

async function removeUser(u) {
  if (!confirm('Retirer ' + u.firstName + ' ' + u.lastName + ' (' + u.email + ") de l'organisme ?")) return;
  $('orgMsg').className = 'message hidden';
  try {
    renderOrganisation(await api('/api/organisation/users/' + encodeURIComponent(u.userId), { method: 'DELETE' }));
    say('orgMsg', true, u.firstName + ' ' + u.lastName + " a été retiré(e) de l'organisme.");
  } catch (error) { fail('orgMsg', error); }
}

onSubmit('contactForm', 'orgMsg', async () => {
  renderOrganisation(await send('PUT', '/api/organisation/contact', readContact('c_')));
  say('orgMsg', true, "Les contacts de l'organisme ont été enregistrés.");
});

onSubmit('invoicingForm', 'orgMsg', async () => {
  renderOrganisation(await send('PUT', '/api/organisation/invoicing', Object.fromEntries(INVOICING.map(([key]) => [key, value('i_' + key)]))));
  say('orgMsg', true, "L'identité de facturation de l'organisme a été enregistrée.");
});

onSubmit('userForm', 'orgMsg', async () => {
  const email = value('n_email');
  renderOrganisation(await send('POST', '/api/organisation/users',
    { email, firstName: value('n_firstName'), lastName: value('n_lastName'), admin: $('n_admin').checked }));
  $('userForm').reset();
  say('orgMsg', true, 'Un e-mail a été envoyé à ' + email + " pour qu'il choisisse son mot de passe.");
});

onSubmit('delegationForm', 'orgMsg', async () => {
  renderOrganisation(await send('POST', '/api/organisation/delegations', { siret: $('d_siret').value.replace(/\s/g, '') }));
  $('delegationForm').reset();
  say('orgMsg', true, "L'organisme déléguant a été ajouté.");
});

(async function start() {
  state.token = new URLSearchParams(location.search).get('jeton');
  if (state.token) return show('choose', true);
  try {
    renderMe(await api('/api/me'));
  } catch (error) {
    if (error.status !== 401) return fail('feedback', error);
    show('anonymous', true);
    show('tasklistLine', true);
    try {
      (await api('/public/funders')).forEach(f => $('funder').add(new Option(f.name, f.code)));
    } catch (e) { fail('signupMsg', e); }
    return;
  }
  show('member', true);
  if (!state.me.organisations.length) return;
  try {
    renderOrganisation(await api('/api/organisation'));
  } catch (error) {
    if (error.status !== 404) fail('feedback', error);
  }
})();

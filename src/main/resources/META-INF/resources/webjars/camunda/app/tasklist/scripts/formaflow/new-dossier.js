/*
 * « Nouveau dossier » in Tasklist's header, for an organisation's users: the dossier is created where the work is done,
 * and its first task (« Déposer le dossier ») opens at once, without going through another page. Camunda's own
 * « Démarrer un processus » stays hidden: a dossier's process is started by Formaflow (POST /api/dossiers), which
 * takes the organisation from the user's account and the routing from the chosen funder, never from the browser.
 * Everything the server sends is inserted with textContent.
 */
const BUTTON_ID = 'formaflow-new-dossier';
let me = null;
let asking = false;

const el = (tag, props, children) => {
  const element = Object.assign(document.createElement(tag), props || {});
  (children || []).forEach(child => child && element.append(child));
  return element;
};

async function api(path, options) {
  const response = await fetch(path, Object.assign({credentials: 'same-origin'}, options || {},
    {headers: Object.assign({'X-Requested-With': 'XMLHttpRequest', 'Accept': 'application/json'}, (options || {}).headers || {})}))
    .catch(() => { throw new Error('Le serveur ne répond pas. Réessayez dans un instant.'); });
  const text = await response.text();
  let body = null;
  try { body = text ? JSON.parse(text) : null; } catch (e) { /* not JSON */ }
  if (!response.ok) {
    const details = body && Array.isArray(body.details) ? ' ' + body.details.join(' ') : '';
    throw new Error((body && body.message ? body.message : 'Erreur ' + response.status) + details);
  }
  return body;
}

function dialog(funders) {
  const year = new Date().getFullYear();
  const funder = el('select', {id: 'ff-new-funder', required: true},
    funders.map(f => el('option', {value: f.code, textContent: f.name})));
  const title = el('input', {id: 'ff-new-title', required: true, maxLength: 255});
  // the server accepts this year, the one before and the next two
  const programmingYear = el('input', {id: 'ff-new-year', type: 'number', required: true, value: year, min: year - 1, max: year + 2});
  const status = el('p', {className: 'ff-new-status', role: 'status'});
  status.setAttribute('aria-live', 'polite');
  const cancel = el('button', {type: 'button', className: 'btn btn-default', textContent: 'Annuler'});
  const create = el('button', {type: 'submit', className: 'btn btn-primary', textContent: 'Créer le dossier'});
  const form = el('form', {method: 'dialog'}, [
    el('h3', {textContent: 'Nouveau dossier'}),
    el('label', {htmlFor: 'ff-new-funder', textContent: 'Financeur'}), funder,
    el('label', {htmlFor: 'ff-new-title', textContent: 'Intitulé de l\'action'}), title,
    el('label', {htmlFor: 'ff-new-year', textContent: 'Année de programmation'}), programmingYear,
    status, el('div', {className: 'ff-new-actions'}, [cancel, create])]);
  const box = el('dialog', {id: BUTTON_ID + '-dialog', className: 'formaflow-new-dossier-dialog'}, [form]);
  box.setAttribute('aria-label', 'Nouveau dossier');
  cancel.addEventListener('click', () => box.close());
  box.addEventListener('close', () => box.remove());
  form.addEventListener('submit', async event => {
    event.preventDefault();
    create.disabled = true;
    status.className = 'ff-new-status';
    status.textContent = 'Création du dossier…';
    try {
      const created = await api('/api/dossiers', {method: 'POST', headers: {'Content-Type': 'application/json'},
        body: JSON.stringify({funderCode: funder.value, title: title.value, programmingYear: Number(programmingYear.value)})});
      const task = ((await api('/api/dossiers/' + created.id)).tasks || [])[0];
      box.close();
      if (task) {
        // straight into « Déposer le dossier »
        window.location.hash = '#/?task=' + encodeURIComponent(task.id);
      }
    } catch (error) {
      status.className = 'ff-new-status ff-error';
      status.textContent = error.message;
      create.disabled = false;
    }
  });
  return box;
}

async function openDialog(event) {
  event.preventDefault();
  try {
    const box = dialog(await api('/api/funders'));
    document.body.append(box);
    box.showModal();
    box.querySelector('#ff-new-title').focus();
  } catch (error) {
    window.alert(error.message);
  }
}

function installButton() {
  if (!me || !me.organisations.length || document.getElementById(BUTTON_ID)) {
    return;
  }
  const startProcess = document.querySelector('.start-process-action');
  if (!startProcess || !startProcess.parentNode) {
    return;
  }
  const link = el('a', {href: '#', textContent: 'Nouveau dossier'});
  link.addEventListener('click', openDialog);
  startProcess.parentNode.insertBefore(el(startProcess.tagName, {id: BUTTON_ID, className: 'formaflow-new-dossier'}, [link]), startProcess);
}

function whoAmI() {
  if (me || asking) {
    return;
  }
  asking = true;
  api('/api/me').then(user => { me = user; installButton(); }).catch(() => { /* logged out */ }).finally(() => { asking = false; });
}

document.head.append(el('style', {textContent: `
  .formaflow-new-dossier-dialog { border: 1px solid #c9d4e2; border-radius: 4px; padding: 16px 20px; min-width: 360px; }
  .formaflow-new-dossier-dialog label { display: block; margin: 10px 0 2px; }
  .formaflow-new-dossier-dialog input, .formaflow-new-dossier-dialog select { width: 100%; }
  .formaflow-new-dossier-dialog .ff-new-actions { display: flex; gap: 8px; justify-content: flex-end; margin-top: 12px; }
  .formaflow-new-dossier-dialog .ff-error { color: #a4262c; }
`}));

window.addEventListener('hashchange', () => {
  if (window.location.hash.indexOf('login') >= 0) {
    me = null;
  }
});

new MutationObserver(() => {
  if (me) {
    installButton();
  } else if (document.querySelector('.account')) {
    whoAmI();
  }
}).observe(document.documentElement, {childList: true, subtree: true});

export default [];

/*
 * The « Dossier » panel of a dossier's task in Tasklist, above its Camunda form (issue 23).
 *
 * Camunda Forms (form-js) have no file picker and Tasklist shows nothing of a dossier beyond what the form copies, so
 * this Tasklist custom script inserts, above the form of the task on screen, what GET /api/tasks/{id}/workspace returns:
 * - for the funder's validator: everything the organisation entered, the documents (each opens in a new tab), the
 *   funder's checklist, the consistency warnings and, after a rejection, what changed since the rejected version;
 * - for the organisation: the papers the funder asks for at this step, each with a file input; a file is uploaded as
 *   soon as it is chosen, ticked at once, and can be replaced or removed until the task is sent.
 * Everything the server sends is inserted with textContent, never as HTML. The same session as Tasklist's is used.
 */
const PANEL_ID = 'formaflow-dossier';
const ACCEPT = 'application/pdf,image/jpeg,image/png,.pdf,.jpg,.jpeg,.png';

const el = (tag, props, children) => {
  const element = Object.assign(document.createElement(tag), props || {});
  (children || []).forEach(child => child && element.append(child));
  return element;
};
const frenchDate = iso => !iso ? '' : iso.substring(0, 10).split('-').reverse().join('/')
  + (iso.length > 10 ? ' ' + iso.substring(11, 16) : '');

function currentTaskId() {
  const hash = window.location.hash || '';
  const query = hash.indexOf('?') >= 0 ? hash.substring(hash.indexOf('?') + 1) : '';
  return new URLSearchParams(query).get('task');
}

async function api(path, options) {
  const response = await fetch(path, Object.assign({credentials: 'same-origin'}, options || {},
    {headers: {'X-Requested-With': 'XMLHttpRequest', 'Accept': 'application/json'}}))
    .catch(() => { throw Object.assign(new Error('Le serveur ne répond pas. Réessayez dans un instant.'), {details: []}); });
  const text = await response.text();
  let body = null;
  try { body = text ? JSON.parse(text) : null; } catch (e) { /* not JSON */ }
  if (!response.ok) {
    throw Object.assign(new Error(body && body.message ? body.message : 'Erreur ' + response.status),
      {status: response.status, details: body && Array.isArray(body.details) ? body.details : []});
  }
  return body;
}

function installStyles() {
  if (document.getElementById(PANEL_ID + '-styles')) {
    return;
  }
  document.head.append(el('style', {id: PANEL_ID + '-styles', textContent: `
    #${PANEL_ID} { border: 1px solid #c9d4e2; border-left: 4px solid #1f5fa8; background: #f7f9fc; padding: 12px 16px; margin: 0 0 16px; }
    #${PANEL_ID} h2 { font-size: 18px; margin: 0 0 8px; }
    #${PANEL_ID} h3 { font-size: 15px; margin: 14px 0 6px; }
    #${PANEL_ID} ul { margin: 0 0 6px; padding-left: 20px; }
    #${PANEL_ID} .ff-ok { color: #1b6e2a; font-weight: bold; }
    #${PANEL_ID} .ff-missing { color: #a4262c; font-weight: bold; }
    #${PANEL_ID} .ff-slot { display: flex; flex-wrap: wrap; align-items: center; gap: 8px; padding: 6px 0; border-bottom: 1px solid #e1e7ef; }
    #${PANEL_ID} .ff-slot-label { flex: 1 1 100%; }
    #${PANEL_ID} .ff-slot label { font-weight: normal; margin: 0; }
    #${PANEL_ID} .ff-status { min-height: 1.4em; margin: 8px 0; }
    #${PANEL_ID} .ff-status.ff-error { color: #a4262c; }
    #${PANEL_ID} dl { display: grid; grid-template-columns: minmax(160px, 25%) 1fr; gap: 2px 12px; margin: 0 0 6px; }
    #${PANEL_ID} dt { font-weight: bold; }
    #${PANEL_ID} dd { margin: 0; white-space: pre-wrap; }
    #${PANEL_ID} .ff-changes { background: #fff8e1; border: 1px solid #e0c36c; padding: 8px 12px; }
    #${PANEL_ID} .ff-before { text-decoration: line-through; color: #6b5b2a; }
    #${PANEL_ID} button.ff-link { background: none; border: none; color: #1f5fa8; text-decoration: underline; padding: 0 4px; }
  `}));
}

/** The status line every upload, replacement and removal reports to (read out by screen readers). */
function say(panel, ok, message, details) {
  const status = panel.querySelector('.ff-status');
  status.className = 'ff-status' + (ok ? '' : ' ff-error');
  status.textContent = message + (details && details.length ? ' ' + details.join(' ') : '');
}

function documentLink(line) {
  const text = line.label + (line.trainer ? ' (' + line.trainer + ')' : '') + ' — ' + line.filename;
  return el('a', {href: line.url, target: '_blank', rel: 'noopener', textContent: text,
    title: 'Ouvrir la pièce dans un nouvel onglet'});
}

function renderChanges(since) {
  const box = el('div', {className: 'ff-changes'});
  box.append(el('h3', {textContent: 'Ce qui a changé depuis le rejet du ' + frenchDate(since.rejectedAt)}));
  box.append(el('p', {textContent: 'Motif du rejet : ' + since.reason}));
  if (!since.changes.length) {
    box.append(el('p', {textContent: 'Rien n\'a changé depuis le rejet.'}));
    return box;
  }
  box.append(el('ul', {}, since.changes.map(change => el('li', {}, [
    el('strong', {textContent: change.label + ' : '}),
    'avant ', el('span', {className: 'ff-before', textContent: '« ' + change.before + ' »'}),
    ' / maintenant « ' + change.after + ' »'
  ]))));
  return box;
}

function renderContent(sections, open) {
  const details = el('details', {open: open});
  details.append(el('summary', {textContent: 'Ce que l\'organisme a saisi'}));
  sections.forEach(section => {
    details.append(el('h3', {textContent: section.title}));
    const list = el('dl');
    section.entries.forEach(entry => list.append(el('dt', {textContent: entry.label}), el('dd', {textContent: entry.value})));
    details.append(list);
  });
  return details;
}

function tick(present) {
  return el('span', {className: present ? 'ff-ok' : 'ff-missing', textContent: present ? '✓ ' : '✗ ',
    title: present ? 'fourni' : 'manquant'});
}

function fileInput(label, onFile) {
  const input = el('input', {type: 'file', accept: ACCEPT, className: 'ff-file'});
  input.setAttribute('aria-label', label);
  input.addEventListener('change', () => {
    if (input.files && input.files[0]) {
      onFile(input.files[0]);
    }
  });
  return input;
}

function renderSlots(panel, workspace) {
  const section = el('div', {className: 'ff-slots'});
  section.append(el('h3', {textContent: 'Pièces à verser pour cette étape (PDF, JPEG ou PNG)'}));
  workspace.uploads.forEach(slot => {
    const name = slot.label + (slot.trainer ? ' — ' + slot.trainer : '');
    const row = el('div', {className: 'ff-slot'});
    row.dataset.type = slot.type;
    const present = slot.documents.length > 0;
    const label = el('span', {className: 'ff-slot-label'}, [tick(present), el('strong', {textContent: name}),
      el('span', {className: 'sr-only', textContent: present ? ' (versée)' : ' (à verser)'})]);
    row.append(label);
    slot.documents.forEach(doc => {
      row.append(documentLink(doc));
      if (doc.removable) {
        // a label around the file input: one click opens the file chooser, as « Verser » does
        const replace = el('label', {className: 'ff-replace'}, ['Remplacer : ',
          fileInput('Remplacer ' + name + ' (' + doc.filename + ')', file => upload(panel, workspace, slot, file, doc))]);
        const remove = el('button', {type: 'button', className: 'ff-link', textContent: 'Supprimer'});
        remove.setAttribute('aria-label', 'Supprimer ' + name + ' (' + doc.filename + ')');
        remove.addEventListener('click', () => removeDocument(panel, workspace, doc, name));
        row.append(replace, remove);
      }
    });
    if (!present) {
      row.append(el('label', {className: 'ff-add'}, ['Verser : ', fileInput('Verser ' + name, file => upload(panel, workspace, slot, file, null))]));
    }
    section.append(row);
  });
  return section;
}

async function upload(panel, workspace, slot, file, replacing) {
  const name = slot.label + (slot.trainer ? ' — ' + slot.trainer : '');
  say(panel, true, 'Envoi de « ' + file.name + ' »…');
  const form = new FormData();
  form.append('type', slot.type);
  if (slot.trainerId != null) {
    form.append('trainerId', slot.trainerId);
  }
  form.append('taskId', workspace.taskId);
  form.append('file', file, file.name);
  try {
    await api('/api/dossiers/' + workspace.dossierId + '/documents', {method: 'POST', body: form});
    if (replacing) {
      await api('/api/dossiers/' + workspace.dossierId + '/documents/' + replacing.id, {method: 'DELETE'});
    }
    await refresh(panel, (replacing ? 'Pièce remplacée : ' : 'Pièce versée : ') + name + ' (« ' + file.name + ' »).');
  } catch (error) {
    say(panel, false, error.message, error.details);
  }
}

async function removeDocument(panel, workspace, doc, name) {
  try {
    await api('/api/dossiers/' + workspace.dossierId + '/documents/' + doc.id, {method: 'DELETE'});
    await refresh(panel, 'Pièce supprimée : ' + name + ' (« ' + doc.filename + ' »).');
  } catch (error) {
    say(panel, false, error.message, error.details);
  }
}

function render(panel, workspace, message) {
  panel.replaceChildren();
  panel.dataset.taskId = workspace.taskId;
  panel.append(el('h2', {textContent: 'Dossier ' + workspace.contractNumber + ' — ' + workspace.title}));
  const status = el('p', {className: 'ff-status'});
  status.setAttribute('role', 'status');
  status.setAttribute('aria-live', 'polite');
  if (workspace.sinceRejection) {
    panel.append(renderChanges(workspace.sinceRejection));
  }
  const slotLabels = workspace.uploads.map(slot => slot.label);
  // one checklist: the papers the organisation uploads here are ticked on their own line, the rest below
  const items = workspace.checklist.filter(item => !slotLabels.some(label => item.label.startsWith(label)));
  if (workspace.uploads.length) {
    panel.append(renderSlots(panel, workspace));
  }
  panel.append(status);
  if (items.length) {
    panel.append(el('h3', {textContent: 'Ce que le financeur demande pour cette étape'}));
    panel.append(el('ul', {className: 'ff-checklist'}, items.map(item => el('li', {}, [tick(item.present), item.label,
      el('span', {className: 'sr-only', textContent: item.present ? ' (fourni)' : ' (manquant)'})]))));
  }
  if (workspace.warnings.length) {
    panel.append(el('h3', {textContent: 'Contrôles de cohérence'}));
    panel.append(el('ul', {className: 'ff-warnings'}, workspace.warnings.map(w => el('li', {textContent: w}))));
  }
  panel.append(renderContent(workspace.content, workspace.validation));
  const documents = el('details', {open: workspace.validation});
  documents.append(el('summary', {textContent: 'Pièces du dossier (' + workspace.documents.length + ')'}));
  documents.append(workspace.documents.length
    ? el('ul', {className: 'ff-documents'}, workspace.documents.map(doc => el('li', {}, [documentLink(doc),
      doc.generated ? ' (produit par Formaflow)' : ' (versé le ' + frenchDate(doc.uploadedAt) + ')'])))
    : el('p', {textContent: 'Aucune pièce pour l\'instant.'}));
  panel.append(documents);
  if (message) {
    say(panel, true, message);
  }
}

async function refresh(panel, message) {
  const workspace = await api('/api/tasks/' + encodeURIComponent(panel.dataset.taskId) + '/workspace');
  render(panel, workspace, message);
}

async function show(anchor, taskId) {
  installStyles();
  const panel = el('section', {id: PANEL_ID});
  panel.setAttribute('aria-label', 'Dossier');
  panel.dataset.taskId = taskId;
  panel.append(el('p', {textContent: 'Chargement du dossier…'}));
  anchor.parentNode.insertBefore(panel, anchor);
  try {
    await refresh(panel);
  } catch (error) {
    // a task that is not about a dossier (account request, apprenticeship contract…) shows no panel
    withoutPanel.add(taskId);
    panel.remove();
  }
}

const withoutPanel = new Set();
let pending = null;
function check() {
  const taskId = currentTaskId();
  const anchor = document.querySelector('[cam-tasklist-form-camunda]');
  const existing = document.getElementById(PANEL_ID);
  if (existing && (!anchor || existing.dataset.taskId !== taskId || existing.nextElementSibling !== anchor)) {
    existing.remove();
  }
  if (anchor && taskId && !withoutPanel.has(taskId) && !document.getElementById(PANEL_ID) && pending !== taskId) {
    pending = taskId;
    show(anchor, taskId).finally(() => { pending = null; });
  }
}

new MutationObserver(check).observe(document.documentElement, {childList: true, subtree: true});
window.addEventListener('hashchange', check);

export default [];

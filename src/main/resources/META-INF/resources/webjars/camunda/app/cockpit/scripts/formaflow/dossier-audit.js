/*
 * What operators need on a process instance's page, which Cockpit's community edition lacks:
 * 1. the dossier's name (contract number and title) instead of the instance's UUID in the breadcrumb;
 * 2. a « Historique du dossier » tab: every completed step with who decided what and why, the funders' rejections,
 *    the documents and the invoices, read from Formaflow's operators-only endpoint;
 * 3. on the dashboard, the same history found by contract number, for a dossier whose process has ended (the
 *    community edition opens running instances only).
 */
const TEXT_COLUMNS = {
  steps: [['completedAt', 'Le'], ['task', 'Étape'], ['completedBy', 'Par'], ['decision', 'Décision'], ['reason', 'Motif']],
  rejections: [['rejectedAt', 'Le'], ['step', 'Étape'], ['rejectedBy', 'Par'], ['reason', 'Motif']],
  documents: [['uploadedAt', 'Le'], ['label', 'Pièce'], ['filename', 'Fichier'], ['version', 'Version'], ['uploadedBy', 'Par']],
  invoices: [['number', 'N°'], ['kind', 'Nature'], ['months', 'Mois'], ['status', 'État'], ['gross', 'Montant TTC'],
    ['rejectionReason', 'Motif de rejet']]
};

const audits = {};

function fetchTrail(path) {
  return fetch(path, {credentials: 'same-origin', headers: {Accept: 'application/json'}}).then(function (response) {
    return response.json().catch(function () {
      return null;
    }).then(function (body) {
      if (!response.ok) {
        throw new Error(body && body.message ? body.message : 'Historique indisponible (' + response.status + ').');
      }
      return body;
    });
  });
}

function audit(processInstanceId) {
  if (!audits[processInstanceId]) {
    audits[processInstanceId] = fetchTrail('/api/operator/process-instances/' + encodeURIComponent(processInstanceId) + '/audit')
      .catch(function (error) {
        delete audits[processInstanceId];
        throw error;
      });
  }
  return audits[processInstanceId];
}

function frenchDate(value) {
  if (!value) {
    return '';
  }
  const date = new Date(value);
  return isNaN(date.getTime()) ? String(value) : date.toLocaleString('fr-FR', {dateStyle: 'short', timeStyle: 'short'});
}

function element(tag, text, className) {
  const node = document.createElement(tag);
  if (text !== undefined && text !== null) {
    node.textContent = String(text);
  }
  if (className) {
    node.className = className;
  }
  return node;
}

function table(title, rows, columns, empty) {
  const section = element('section', null, 'formaflow-audit-section');
  section.appendChild(element('h4', title));
  if (!rows || !rows.length) {
    section.appendChild(element('p', empty, 'text-muted'));
    return section;
  }
  const tableNode = element('table', null, 'table table-condensed cam-table');
  const head = tableNode.createTHead().insertRow();
  columns.forEach(function (column) {
    head.appendChild(element('th', column[1]));
  });
  const body = tableNode.createTBody();
  rows.forEach(function (row) {
    const line = body.insertRow();
    columns.forEach(function (column) {
      let value = row[column[0]];
      if (/At$/.test(column[0])) {
        value = frenchDate(value);
      }
      line.appendChild(element('td', value === null || value === undefined ? '' : value));
    });
  });
  section.appendChild(tableNode);
  return section;
}

function dossierName(trail) {
  return trail.contractNumber ? trail.contractNumber + ' — ' + trail.title : trail.businessKey;
}

/* Replaces the UUID Cockpit writes in the breadcrumb and the tab's title with the dossier's name. */
function labelInstance(processInstanceId) {
  audit(processInstanceId).then(function (trail) {
    const name = dossierName(trail);
    if (!name) {
      return;
    }
    const rename = function () {
      document.querySelectorAll('.cam-breadcrumb li').forEach(function (item) {
        item.querySelectorAll('a, span').forEach(function (node) {
          if (node.childElementCount === 0 && node.textContent.trim() === processInstanceId) {
            node.textContent = name;
            node.setAttribute('title', processInstanceId);
          }
        });
      });
    };
    rename();
    // the breadcrumb is drawn again when the page changes its state
    const observer = new MutationObserver(rename);
    observer.observe(document.body, {childList: true, subtree: true});
    setTimeout(function () {
      observer.disconnect();
    }, 15000);
  }).catch(function () {
    // not an operator's session, or not a Formaflow process: Cockpit's own labels stay
  });
}

function showTrail(node, trail) {
  node.textContent = '';
  const panel = element('div', null, 'formaflow-audit');
  if (trail.contractNumber) {
    panel.appendChild(element('h3', 'Dossier ' + dossierName(trail)));
    panel.appendChild(element('p', trail.organisation + ' — ' + trail.funder + ' — étape : ' + trail.phase));
  } else if (trail.businessKey) {
    panel.appendChild(element('h3', trail.businessKey));
  }
  panel.appendChild(table('Décisions et étapes terminées', trail.steps, TEXT_COLUMNS.steps, 'Aucune étape terminée.'));
  if (trail.contractNumber) {
    panel.appendChild(table('Rejets du financeur', trail.rejections, TEXT_COLUMNS.rejections, 'Aucun rejet.'));
    panel.appendChild(table('Pièces', trail.documents, TEXT_COLUMNS.documents, 'Aucune pièce.'));
    panel.appendChild(table('Factures', trail.invoices, TEXT_COLUMNS.invoices, 'Aucune facture.'));
  }
  node.appendChild(panel);
}

/* The dashboard's search: a dossier's history by its contract number, running or ended. */
function searchPanel(node) {
  const form = element('form', null, 'form-inline formaflow-audit-search');
  form.appendChild(element('h3', 'Historique d\'un dossier (en cours ou terminé)'));
  const label = element('label', 'Numéro de contrat');
  label.htmlFor = 'formaflow-audit-number';
  const input = element('input', null, 'form-control');
  input.id = 'formaflow-audit-number';
  input.required = true;
  input.maxLength = 20;
  input.placeholder = '2026QCA0005';
  const button = element('button', 'Afficher l\'historique', 'btn btn-default');
  button.type = 'submit';
  const result = element('div');
  result.setAttribute('aria-live', 'polite');
  form.append(label, ' ', input, ' ', button);
  form.addEventListener('submit', function (event) {
    event.preventDefault();
    result.textContent = 'Chargement de l\'historique…';
    fetchTrail('/api/operator/dossiers/' + encodeURIComponent(input.value.trim()) + '/audit').then(function (trail) {
      showTrail(result, trail);
    }).catch(function (error) {
      result.textContent = error.message;
    });
  });
  node.append(form, result);
}

export default [{
  id: 'formaflow-dossier-audit',
  pluginPoint: 'cockpit.processInstance.runtime.tab',
  priority: 20,
  properties: {
    label: 'Historique du dossier'
  },
  render: function (node, context) {
    node.textContent = 'Chargement de l\'historique…';
    audit(context.processInstanceId).then(function (trail) {
      showTrail(node, trail);
    }).catch(function (error) {
      node.textContent = error.message;
    });
  }
}, {
  id: 'formaflow-dossier-name',
  pluginPoint: 'cockpit.processInstance.diagram.plugin',
  priority: 0,
  render: function (viewer, context) {
    labelInstance(String(context.processInstanceId).split('?')[0]);
  }
}, {
  id: 'formaflow-dossier-search',
  pluginPoint: 'cockpit.dashboard',
  priority: 5,
  render: function (node) {
    searchPanel(node);
  }
}];

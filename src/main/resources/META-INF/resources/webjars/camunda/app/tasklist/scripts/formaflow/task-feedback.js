/*
 * What Tasklist tells users around a task form, in French and where they look:
 * 1. form-js's own validation messages (« Field is required. »…) are French;
 * 2. a refusal from Formaflow is shown under each field it concerns (the answer's "fields", by the form's keys), and the
 *    form scrolls to the first field in error, whether the check was the browser's or the server's;
 * 3. the general error notification no longer covers « Envoyer »;
 * 4. once a task is sent, a French confirmation says what happens next;
 * 5. the search box finds a dossier's tasks from its contract number (business key) or a word of its title.
 */
const angular = window.angular;

// ---------------------------------------------------------------- 1. form-js's messages in French

const VALIDATION = [
  [/^Field is required\.$/, function () { return 'Ce champ est obligatoire.'; }],
  [/^Field must have minimum length of (\d+)\.$/, function (m) { return 'Saisissez au moins ' + m[1] + ' caractères.'; }],
  [/^Field must have maximum length of (\d+)\.$/, function (m) { return 'Saisissez au plus ' + m[1] + ' caractères.'; }],
  [/^Field must have minimum value of (.+)\.$/, function (m) { return 'La valeur doit être au moins ' + m[1] + '.'; }],
  [/^Field must have maximum value of (.+)\.$/, function (m) { return 'La valeur doit être au plus ' + m[1] + '.'; }],
  [/^Field must match pattern .*$/, function () { return 'Cette valeur n\'a pas le format attendu.'; }],
  [/^Field must be a valid email\.$/, function () { return 'Saisissez une adresse e-mail valide (nom@domaine.fr).'; }],
  [/^Field must be a valid\s+international phone number.*$/, function () {
    return 'Saisissez un numéro de téléphone international valide (par exemple +33467000000).';
  }]
];

function frenchValidation(root) {
  root.querySelectorAll('.fjs-form-field-error li').forEach(function (item) {
    const text = item.textContent.trim();
    for (let i = 0; i < VALIDATION.length; i++) {
      const match = VALIDATION[i][0].exec(text);
      if (match) {
        item.textContent = VALIDATION[i][1](match);
        return;
      }
    }
  });
}

/* The funder's reasons for sending a step back read as a message, not as a greyed-out field. */
const REJECTIONS_LABEL = 'Motifs de rejet précédents';

function rejectionsAsMessage(root) {
  root.querySelectorAll('.fjs-form-field-textarea:not(.formaflow-rejections)').forEach(function (field) {
    const label = field.querySelector('.fjs-form-field-label');
    const text = field.querySelector('textarea');
    if (label && text && labelText(label) === REJECTIONS_LABEL && text.value.trim()) {
      field.classList.add('formaflow-rejections');
      field.setAttribute('role', 'alert');
      text.rows = Math.min(12, text.value.split('\n').length + 1);
    }
  });
}

/* A task that came back after a rejection: its card says so (the returnedNotice column) and stands out. */
function markReturnedCards(root) {
  root.querySelectorAll('.tasks-list li.task').forEach(function (card) {
    card.classList.toggle('formaflow-returned', card.textContent.indexOf('Renvoyé le') !== -1);
  });
}

let translating = false;
new MutationObserver(function () {
  if (translating) {
    return;
  }
  translating = true;
  try {
    frenchValidation(document);
    rejectionsAsMessage(document);
    markReturnedCards(document);
  } finally {
    translating = false;
  }
}).observe(document.documentElement, {childList: true, subtree: true, characterData: true});

// ---------------------------------------------------------------- 2. the server's sentences under their fields

function components(schema, into) {
  (schema && schema.components || []).forEach(function (component) {
    const key = component.path || component.key;
    if (key && !into[key]) {
      into[key] = component;
    }
    components(component, into);
  });
  return into;
}

function labelText(node) {
  return node.textContent.replace(/\*/g, '').trim();
}

/* The form-js field of this component: by the input form-js names after the component's id, or else by its label. */
function fieldElement(form, component) {
  if (component.id) {
    const input = Array.from(form.querySelectorAll('[id]')).find(function (node) {
      return node.id === component.id || node.id.endsWith('-' + component.id);
    });
    if (input && input.closest('.fjs-form-field')) {
      return input.closest('.fjs-form-field');
    }
  }
  const label = component.label || component.dateLabel;
  if (label) {
    const found = Array.from(form.querySelectorAll('.fjs-form-field-label, label, legend')).find(function (node) {
      return labelText(node) === label.trim();
    });
    if (found) {
      return found.closest('.fjs-form-field, .fjs-form-field-dynamiclist, .fjs-form-field-group') || found.parentElement;
    }
  }
  return null;
}

function clearServerErrors() {
  document.querySelectorAll('.formaflow-field-error').forEach(function (node) {
    node.remove();
  });
  document.querySelectorAll('.formaflow-has-error').forEach(function (node) {
    node.classList.remove('formaflow-has-error');
  });
}

function scrollToFirstError() {
  const first = document.querySelector('.formaflow-has-error, .fjs-has-errors');
  if (!first) {
    return false;
  }
  first.scrollIntoView({block: 'center'});
  const input = first.querySelector('input, select, textarea');
  if (input) {
    input.focus({preventScroll: true});
  }
  return true;
}

function placeServerErrors(fields, schema) {
  const form = document.querySelector('.fjs-form') || document;
  const byKey = components(schema, {});
  Object.keys(fields).forEach(function (key) {
    const component = byKey[key];
    const field = component && fieldElement(form, component);
    if (!field) {
      return; // the sentence stays in the general message
    }
    const box = document.createElement('div');
    box.className = 'formaflow-field-error';
    box.setAttribute('role', 'alert');
    box.setAttribute('data-field', key);
    const list = document.createElement('ul');
    fields[key].forEach(function (sentence) {
      const item = document.createElement('li');
      item.textContent = sentence;
      list.appendChild(item);
    });
    box.appendChild(list);
    field.classList.add('formaflow-has-error');
    field.appendChild(box);
    // the user corrects the field: its sentence goes
    field.addEventListener('input', function () {
      box.remove();
      field.classList.remove('formaflow-has-error');
    }, {once: true});
  });
  scrollToFirstError();
}

function taskUrl(url, taskId) {
  return url.replace(/\/task\/[^/]+\/submit-form.*$/, '/task/' + taskId + '/deployed-form');
}

// ---------------------------------------------------------------- 4. what happens after « Envoyer »

const CONFIRMATIONS = [
  [/^Déposer le dossier$/, 'Dossier envoyé au financeur : il le valide ou vous le renvoie avec un motif.'],
  [/^(Contractualiser l'action|Saisir les stagiaires|Ouvrir l'action|Saisir les évaluations|Clôturer l'action)$/,
    'Étape envoyée au financeur pour validation.'],
  [/^Déclarer les heures du mois/, 'Heures du mois enregistrées : confirmez ensuite la facture du mois.'],
  [/^Confirmer la facture/, 'Facture confirmée et envoyée au financeur.'],
  [/^Valider la facture/, 'Décision sur la facture enregistrée : l\'organisme la voit dans ses tâches.'],
  [/^(Valider|Examiner) /, 'Décision enregistrée : l\'organisme la voit dans ses tâches.'],
  [/^Enregistrer (le paiement|les règlements)/, 'Paiement enregistré.']
];

function confirmation(taskName) {
  for (let i = 0; i < CONFIRMATIONS.length; i++) {
    if (CONFIRMATIONS[i][0].test(taskName)) {
      return CONFIRMATIONS[i][1];
    }
  }
  return taskName ? 'Tâche « ' + taskName + ' » envoyée.' : 'Tâche envoyée.';
}

function announce(message) {
  let banner = document.getElementById('formaflow-confirmation');
  if (!banner) {
    banner = document.createElement('div');
    banner.id = 'formaflow-confirmation';
    banner.className = 'formaflow-confirmation alert alert-success';
    banner.setAttribute('role', 'status');
    banner.setAttribute('aria-live', 'polite');
    document.body.appendChild(banner);
  }
  banner.textContent = message;
  banner.hidden = false;
  clearTimeout(banner.formaflowTimer);
  banner.formaflowTimer = setTimeout(function () {
    banner.hidden = true;
  }, 10000);
}

// ---------------------------------------------------------------- the form's requests, as Tasklist sends them

const SUBMIT = /\/task\/([^/?]+)\/submit-form(\?|$)/;
const nativeOpen = XMLHttpRequest.prototype.open;
const nativeSend = XMLHttpRequest.prototype.send;

XMLHttpRequest.prototype.open = function (method, url) {
  this.formaflowRequest = {method: String(method).toUpperCase(), url: String(url)};
  return nativeOpen.apply(this, arguments);
};

XMLHttpRequest.prototype.send = function () {
  const request = this.formaflowRequest;
  const submitted = request && request.method === 'POST' && SUBMIT.exec(request.url);
  if (submitted) {
    const taskId = submitted[1];
    const heading = document.querySelector('.names h2.task');
    const taskName = heading ? heading.textContent.trim() : '';
    clearServerErrors();
    this.addEventListener('loadend', function () {
      if (this.status >= 200 && this.status < 300) {
        // an earlier refusal of this form no longer applies
        document.querySelectorAll('.page-notifications .alert .close').forEach(function (close) {
          close.click();
        });
        announce(confirmation(taskName));
        return;
      }
      let answer = null;
      try {
        answer = JSON.parse(this.responseText);
      } catch (notJson) {
        return;
      }
      if (answer && answer.fields && Object.keys(answer.fields).length) {
        fetch(taskUrl(request.url, taskId), {credentials: 'same-origin', headers: {Accept: 'application/json'}})
          .then(function (response) {
            return response.ok ? response.json() : null;
          })
          .then(function (schema) {
            placeServerErrors(answer.fields, schema);
          })
          .catch(function () {
            // the general message still says it all
          });
      }
    });
  }
  return nativeSend.apply(this, arguments);
};

// « Envoyer » with fields form-js finds wrong: show the first one
document.addEventListener('click', function (event) {
  const button = event.target.closest && event.target.closest('button');
  if (button && button.textContent.trim() === 'Envoyer') {
    setTimeout(scrollToFirstError, 200);
  }
}, true);

// ---------------------------------------------------------------- 3. notifications away from « Envoyer »

const style = document.createElement('style');
style.textContent = [
  // Tasklist puts its notifications at the bottom right, over the form's « Envoyer »: bottom left, over the filters
  '.page-notifications { right: auto; left: 20px; max-width: 32%; }',
  '.formaflow-field-error { color: #a4000f; margin-top: 4px; font-size: 0.95em; }',
  '.formaflow-field-error ul { list-style: none; padding: 0; margin: 0; }',
  '.formaflow-has-error input, .formaflow-has-error select, .formaflow-has-error textarea { border-color: #a4000f; }',
  // every card shows the dossier's number, title, organisation and return mark, not the first two only
  '.task-card-details { max-height: none; }',
  '.task-card-details .shutter { display: none; }',
  '.tasks-list li.task.formaflow-returned { border-left: 4px solid #c05a00; background: #fff8ef; }',
  '.formaflow-rejections .fjs-form-field-label { color: #a4000f; font-weight: bold; }',
  '.formaflow-rejections textarea, .formaflow-rejections textarea:disabled, .formaflow-rejections textarea[readonly] {',
  // form-js greys out read-only fields with its own, more specific rules
  '  background: #fff4f4 !important; color: #2b2b2b !important; opacity: 1 !important; border: 1px solid #e0b4b4 !important;',
  '  border-left: 4px solid #a4000f !important; cursor: text; resize: vertical; -webkit-text-fill-color: #2b2b2b; }',
  '.formaflow-rejections .fjs-textarea-container, .formaflow-rejections .fjs-input-group { background: none !important; }',
  '.formaflow-confirmation { position: fixed; top: 64px; left: 50%; transform: translateX(-50%); z-index: 1070;',
  '  max-width: 640px; box-shadow: 0 2px 8px rgba(0, 0, 0, 0.2); }'
].join('\n');
document.head.appendChild(style);

// ---------------------------------------------------------------- 5. the search box

/*
 * Tasklist's search box offers no default kind of search: typed text was dropped. Typed text now searches the dossier:
 * a contract number (a word with digits, such as 2026QCA0001) by the process's business key, anything else by the
 * dossier's title (the actionTitle process variable, which only Formaflow writes).
 */
function searchDossiers(scope) {
  const types = scope.types || [];
  const businessKey = types.find(function (type) {
    return type.id && type.id.key === 'processInstanceBusinessKey';
  });
  const variables = types.find(function (type) {
    return type.id && type.id.key === 'processVariables';
  });
  if (!businessKey || !variables) {
    return;
  }
  businessKey.default = true;
  return function after() {
    const create = scope.createSearch;
    scope.createSearch = function (type) {
      const typed = !type && scope.inputQuery ? String(scope.inputQuery).trim() : null;
      create.apply(this, arguments);
      const search = typed && scope.searches[scope.searches.length - 1];
      if (!search) {
        return;
      }
      if (/\d/.test(typed) && !/\s/.test(typed)) {
        search.value.value = typed.toUpperCase();
      } else {
        const like = (variables.operators || []).find(function (operator) {
          return operator.key === 'like';
        });
        search.extended = true;
        search.type.value = variables.id;
        search.name.value = 'actionTitle';
        search.name.inEdit = false;
        search.operator.values = variables.operators;
        search.operator.value = like;
        search.value.value = typed;
        search.value.inEdit = false;
        search.caseOptions = variables.caseOptions;
        search.allowDates = variables.allowDates;
      }
      search.valid = true;
    };
  };
}

try {
  angular.module('cam.tasklist').decorator('camWidgetSearchDirective', ['$delegate', function ($delegate) {
    const directive = $delegate[0];
    const compile = directive.compile;
    directive.compile = function () {
      const linked = compile.apply(this, arguments);
      const pre = linked && typeof linked === 'object' ? linked.pre : undefined;
      const post = typeof linked === 'function' ? linked : linked && linked.post;
      return {
        pre: pre,
        post: function (scope) {
          const after = searchDossiers(scope);
          const result = post && post.apply(this, arguments);
          if (after) {
            after();
          }
          return result;
        }
      };
    };
    return $delegate;
  }]);
} catch (e) {
  console.error('Formaflow: Tasklist search by dossier not installed', e);
}

export default [];

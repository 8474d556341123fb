/*
 * What every Formaflow webapp (Tasklist, Cockpit, Admin, Welcome) does on top of its French labels (a customScripts
 * module, see webapp-config.js):
 * 1. the page is declared French (html lang="fr"), for screen readers and the browser;
 * 2. dates are shown in Paris time whatever the browser's time zone (Camunda's "camDate" filter formats with moment in
 *    the browser's zone: it is given the Paris wall-clock time instead);
 * 3. the few words Camunda, bpmn-js, form-js and flatpickr write without a label (so without a translation) become
 *    French, and the icon-only buttons and links they draw get a French name for screen readers;
 * 4. the login fields have labels; notifications (results of a send, an upload, an error) are announced by screen readers (aria-live).
 */
const angular = window.angular;

// 1.
document.documentElement.lang = 'fr';

// 2.
const PARIS = new Intl.DateTimeFormat('en-GB', {
  timeZone: 'Europe/Paris', year: 'numeric', month: '2-digit', day: '2-digit',
  hour: '2-digit', minute: '2-digit', second: '2-digit', hourCycle: 'h23'
});

/** The instant as a Date whose local fields (what moment formats) are Paris's; anything else unchanged. */
export function parisWallClock(value) {
  let date = value;
  if (typeof value === 'number') {
    date = new Date(value);
  } else if (typeof value === 'string') {
    // only strings that say their zone ("2026-11-25T14:30:00.000+0100", "…Z") name an instant
    if (!/T\d\d:\d\d.*([+-]\d\d:?\d\d|Z)$/.test(value)) {
      return value;
    }
    date = new Date(value.replace(/([+-]\d\d)(\d\d)$/, '$1:$2'));
  }
  if (!(date instanceof Date) || isNaN(date.getTime())) {
    return value;
  }
  const part = {};
  PARIS.formatToParts(date).forEach(function (p) {
    part[p.type] = Number(p.value);
  });
  return new Date(part.year, part.month - 1, part.day, part.hour, part.minute, part.second, date.getMilliseconds());
}

try {
  angular.module('cam.commons.filter.date').decorator('camDateFilter', ['$delegate', function (format) {
    return function (date, kind) {
      return format(parisWallClock(date), kind);
    };
  }]);
} catch (e) {
  console.error('Formaflow: Paris time not installed', e);
}

// 3.
const TEXTS = {
  'Message is null.': 'Aucun message.',
  'Failed Job': 'Job en échec',
  'null': '(vide)',
  'zoom in': 'Zoom avant',
  'zoom out': 'Zoom arrière',
  'reset zoom': 'Zoom initial',
  'Increment': 'Augmenter',
  'Decrement': 'Diminuer',
  'Close': 'Fermer',
  'Next page': 'Page suivante',
  'Previous page': 'Page précédente',
  'Toggle this section': 'Afficher ou masquer cette section',
  'dd/mm/yyyy': 'jj/mm/aaaa',
  'mm/dd/yyyy': 'jj/mm/aaaa'
};
const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October',
  'November', 'December'];
const MOIS = ['janvier', 'février', 'mars', 'avril', 'mai', 'juin', 'juillet', 'août', 'septembre', 'octobre',
  'novembre', 'décembre'];
const CALENDAR = {Sun: 'dim.', Mon: 'lun.', Tue: 'mar.', Wed: 'mer.', Thu: 'jeu.', Fri: 'ven.', Sat: 'sam.'};
MONTHS.forEach(function (month, i) {
  CALENDAR[month] = MOIS[i];
});
const ATTRIBUTES = ['title', 'aria-label', 'placeholder'];
/** Icon-only controls: their French name for screen readers. */
const NAMES = [
  ['.app-switch > .dropdown-toggle', 'Changer d\'application'],
  ['button.section-toggle', 'Afficher ou masquer cette section'],
  ['button.region-toggle[data-region="filters"]', 'Afficher ou masquer les filtres'],
  ['button.region-toggle', 'Afficher ou masquer ce panneau'],
  ['a[ng-click^="openModal"]', 'Détails du filtre'],
  ['button.bjs-drilldown', 'Ouvrir le sous-processus'],
  ['.stored-criteria .dropdown-toggle', 'Recherches enregistrées'],
  ['button.maximize', 'Agrandir ce panneau'],
  ['.new-sort .dropdown-toggle', 'Ajouter un tri'],
  ['.sort-direction', 'Changer le sens du tri'],
  ['a.instance-link', 'Voir le dossier dans le suivi des processus']
];

function french(text, dictionary) {
  const trimmed = text.trim();
  if (dictionary[trimmed]) {
    return text.replace(trimmed, dictionary[trimmed]);
  }
  // form-js: "Remove list item 2"; flatpickr: "December 5, 2026"
  let match = /^Remove list item (\d+)$/.exec(trimmed);
  if (match) {
    return 'Retirer la ligne ' + match[1];
  }
  match = /^([A-Z][a-z]+) (\d{1,2}), (\d{4})$/.exec(trimmed);
  if (match && MONTHS.indexOf(match[1]) >= 0) {
    return match[2] + ' ' + MOIS[MONTHS.indexOf(match[1])] + ' ' + match[3];
  }
  return null;
}

/** The root and its descendants that match. */
function within(root, selector) {
  const found = Array.from(root.querySelectorAll(selector));
  return root.matches(selector) ? [root].concat(found) : found;
}

function translate(root) {
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const inCalendar = node.parentElement && node.parentElement.closest('.flatpickr-calendar');
    const text = french(node.nodeValue, inCalendar ? Object.assign({}, TEXTS, CALENDAR) : TEXTS);
    if (text !== null) {
      node.nodeValue = text;
    }
  }
  within(root, '[title], [aria-label], [placeholder]').forEach(function (element) {
    ATTRIBUTES.forEach(function (attribute) {
      const value = element.getAttribute(attribute);
      const text = value && french(value, TEXTS);
      if (text && text !== value) {
        element.setAttribute(attribute, text);
      }
    });
  });
  // icon-only buttons and links: their (French) tooltip is their name
  within(root, 'button, a[href], a[ng-click]').forEach(function (element) {
    const holder = element.closest('[uib-tooltip]');
    const tooltip = holder && holder.getAttribute('uib-tooltip');
    const name = tooltip && (french(tooltip, TEXTS) || tooltip);
    // (only when it changes: setting an attribute, even to its value, would call this observer again)
    if (name && name.indexOf('{{') < 0 && !element.innerText.trim() && element.getAttribute('aria-label') !== name
        && (!element.getAttribute('aria-label') || element.hasAttribute('data-formaflow-named'))) {
      element.setAttribute('aria-label', name);
      element.setAttribute('data-formaflow-named', '');
    }
  });
  NAMES.forEach(function (entry) {
    within(root, entry[0]).forEach(function (element) {
      if (!element.getAttribute('aria-label') && !element.innerText.trim()) {
        element.setAttribute('aria-label', entry[1]);
      }
    });
  });
  // a link without href is no link: named, it is a button for screen readers
  within(root, 'a[aria-label]:not([href]):not([role])').forEach(function (link) {
    link.setAttribute('role', 'button');
  });
  // the login fields are named by a label, not only by their placeholder
  within(root, 'input[ng-model="username"], input[ng-model="password"]').forEach(function (input) {
    if (!input.id) {
      input.id = 'formaflow-login-' + input.getAttribute('ng-model');
    }
    if (!document.querySelector('label[for="' + input.id + '"]')) {
      const label = document.createElement('label');
      label.htmlFor = input.id;
      label.className = 'formaflow-login-label';
      label.textContent = input.getAttribute('ng-model') === 'username' ? 'Identifiant' : 'Mot de passe';
      input.parentNode.insertBefore(label, input);
    }
  });
  // Angular UI's typeahead puts combobox attributes on a plain text input
  within(root, 'input[uib-typeahead]:not([role])').forEach(function (input) {
    input.setAttribute('role', 'combobox');
  });
  // 4.
  within(root, '.notifications-panel:not([aria-live]), .notifications:not([aria-live])').forEach(function (panel) {
    panel.setAttribute('aria-live', 'polite');
    panel.setAttribute('role', 'status');
  });
  // Cockpit's scrolling panes (a tab's content, a long list) can be scrolled from the keyboard too
  within(root, '.ctn-scroll:not([tabindex])').forEach(function (pane) {
    pane.setAttribute('tabindex', '0');
  });
}

let calls = 0;
let second = 0;

function changed(mutations) {
  // a safety net: if some page ever answered these changes with changes of its own, stop for the second
  const now = Math.floor(Date.now() / 1000);
  calls = now === second ? calls + 1 : 1;
  second = now;
  if (calls > 300) {
    return;
  }
  if (document.documentElement.lang !== 'fr') {
    document.documentElement.lang = 'fr';
  }
  const roots = new Set();
  mutations.forEach(function (mutation) {
    const element = mutation.target.nodeType === Node.ELEMENT_NODE ? mutation.target : mutation.target.parentElement;
    if (element && element !== document.documentElement && element.isConnected) {
      roots.add(element);
    }
  });
  roots.forEach(translate);
}

new MutationObserver(changed).observe(document.documentElement,
    {childList: true, subtree: true, characterData: true, attributes: true, attributeFilter: ['lang', 'title', 'aria-label', 'placeholder', 'uib-tooltip']});
if (document.body) {
  translate(document.body);
}

export default [];

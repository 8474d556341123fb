/*
 * Camunda Forms in Tasklist, as French users need them.
 *
 * 1. Tasklist 7.24 decides whether "Envoyer" is enabled by counting the entries of form-js's error map. Once a field inside
 * a dynamic list (trainees, periods, hours) has changed, form-js leaves an empty entry for it there even when the value
 * is valid, so the button stayed disabled for good. Here the answer "invalid" is checked against what form-js shows:
 * invalid only while a field displays an error. Submitting still validates every field (form-js, then the server).
 */
const angular = window.angular;

function withValidityCheck(controller) {
  const dependencies = Array.isArray(controller) ? controller.slice(0, -1) : (controller.$inject || []);
  const construct = Array.isArray(controller) ? controller[controller.length - 1] : controller;
  return dependencies.concat(['$element', '$timeout', function () {
    const args = Array.prototype.slice.call(arguments);
    const $element = args[dependencies.length];
    const $timeout = args[dependencies.length + 1];
    construct.apply(this, args.slice(0, dependencies.length));
    const notify = this.notifyFormValidated;
    const self = this;
    this.notifyFormValidated = function (invalid) {
      notify.call(self, invalid);
      if (invalid) {
        // form-js renders its error messages right after the change
        $timeout(function () {
          if (!$element[0].querySelector('.fjs-has-errors')) {
            notify.call(self, false);
          }
        }, 50);
      }
    };
  }]);
}

try {
  angular.module('cam.tasklist').decorator('camTasklistFormDirective', ['$delegate', function ($delegate) {
    $delegate[0].controller = withValidityCheck($delegate[0].controller);
    return $delegate;
  }]);
} catch (e) {
  console.error('Formaflow: Tasklist form validity check not installed', e);
}

/*
 * 2. form-js 1.x has a few English words of its own and no way to translate them: the dynamic lists' "Add new" button and
 * the empty selects' "Select". They are replaced as they appear.
 */
const FRENCH = {'Add new': 'Ajouter une ligne', 'Select': 'Choisir…'};

function translate(root) {
  root.querySelectorAll('.fjs-repeat-render-add, .fjs-select-display').forEach(function (element) {
    element.childNodes.forEach(function (node) {
      const text = node.nodeType === Node.TEXT_NODE && node.textContent.trim();
      if (text && FRENCH[text]) {
        node.textContent = node.textContent.replace(text, FRENCH[text]);
      }
    });
  });
}

new MutationObserver(function () {
  translate(document);
}).observe(document.documentElement, {childList: true, subtree: true});

/*
 * 3. form-js writes and reads dates in the browser's default locale (Intl "default"): French for everyone, 05/01/2026.
 */
const NativeDateTimeFormat = Intl.DateTimeFormat;
function FrenchByDefault(locales, options) {
  return new NativeDateTimeFormat(locales === undefined || locales === 'default' ? 'fr-FR' : locales, options);
}
FrenchByDefault.prototype = NativeDateTimeFormat.prototype;
FrenchByDefault.supportedLocalesOf = NativeDateTimeFormat.supportedLocalesOf;
Intl.DateTimeFormat = FrenchByDefault;

export default [];

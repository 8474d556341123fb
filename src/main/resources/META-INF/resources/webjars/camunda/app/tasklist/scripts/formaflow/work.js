/*
 * Tasklist without Camunda's machinery for organisations and funders: they open a task and work.
 * - A task nobody holds is claimed as it opens (Tasklist's own « Prendre en charge », clicked once per task): the form
 *   is never greyed out waiting for a click, a rejected dossier's new task included.
 * - Controls they cannot or should not use are hidden (formaflow-webapps.css, everything outside body.formaflow-operator):
 *   create a task, start a process, follow-up date, priority. Their groups have no right to create tasks or start
 *   processes (GroupAuthorizations) nor to change a task (TaskBoundary): the controls would only fail.
 * Operators (who may open Cockpit) keep Tasklist as it is.
 */
const ROOT = window.location.pathname.split('/app/')[0];
let role = {userId: null, operator: false, pending: false};
let lastAsked = 0;
const claimed = new Set();

function refreshRole() {
  if (role.pending || Date.now() - lastAsked < 2000) {
    return;
  }
  role.pending = true;
  lastAsked = Date.now();
  fetch(ROOT + '/api/admin/auth/user/default', {credentials: 'same-origin', headers: {Accept: 'application/json'}})
    .then(function (response) {
      return response.ok ? response.json() : {};
    })
    .then(function (user) {
      role = {userId: user.userId || null, operator: (user.authorizedApps || []).indexOf('cockpit') >= 0, pending: false};
      document.body.classList.toggle('formaflow-operator', role.operator);
      claimIfNobodyHolds();
    })
    .catch(function () {
      role.pending = false;
    });
}

function openTaskId() {
  const query = window.location.hash.split('?')[1] || '';
  return new URLSearchParams(query).get('task');
}

function claimIfNobodyHolds() {
  const taskId = openTaskId();
  if (!role.userId || role.operator || !taskId || claimed.has(taskId)) {
    return;
  }
  const claim = document.querySelector('.task-details button.claim, button.claim[ng-click="claim()"]');
  if (claim && !claim.disabled && claim.offsetParent !== null) {
    claimed.add(taskId);
    claim.click();
  }
}

window.addEventListener('hashchange', function () {
  if (window.location.hash.indexOf('login') >= 0) {
    role.userId = null;
    return;
  }
  lastAsked = 0;
  refreshRole();
});

new MutationObserver(function () {
  if (role.userId) {
    claimIfNobodyHolds();
  } else if (document.querySelector('.account')) {
    // logged in (the header shows the account menu)
    refreshRole();
  }
}).observe(document.documentElement, {childList: true, subtree: true});

export default [];

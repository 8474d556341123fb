/* Tasklist as organisations and funders see it: French, branded (see ../../formaflow/webapp-config.js). */
import {formaflowConfig} from '../../formaflow/webapp-config.js';

export default formaflowConfig('Mes tâches', {
  // relative to app/tasklist/
  customScripts: ['scripts/formaflow/forms.js', 'scripts/formaflow/work.js', 'scripts/formaflow/dossier-panel.js', 'scripts/formaflow/task-feedback.js', 'scripts/formaflow/new-dossier.js'],
  shortcuts: {
    claimTask: {key: 'ctrl+alt+c', description: 'prendre en charge la tâche sélectionnée'},
    focusFilter: {key: 'ctrl+shift+f', description: 'aller au premier filtre de la liste'},
    focusList: {key: 'ctrl+alt+l', description: 'aller à la première tâche de la liste'},
    focusForm: {key: 'ctrl+alt+f', description: 'aller au premier champ du formulaire'},
    startProcess: {key: 'ctrl+alt+p', description: 'démarrer un processus'}
  }
});

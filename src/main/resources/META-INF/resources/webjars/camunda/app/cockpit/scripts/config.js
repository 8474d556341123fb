/* Cockpit in French, branded (see ../../formaflow/webapp-config.js). */
import {formaflowConfig} from '../../formaflow/webapp-config.js';

export default formaflowConfig('Suivi des processus', {
  // relative to app/cockpit/: the dossier's history tab and its name on the instance's page
  customScripts: ['scripts/formaflow/dossier-audit.js']
});

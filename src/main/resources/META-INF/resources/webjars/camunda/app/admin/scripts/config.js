/* Admin in French, branded (see ../../formaflow/webapp-config.js). */
import {formaflowConfig} from '../../formaflow/webapp-config.js';

export default formaflowConfig('Administration');

import type { DocOperationTable } from '../doc-operations.js';
import { ZIVO_PATH_PREFIX } from './client.js';

/**
 * Which graph capability reaches each documented Zivo operation (zivo.txt; keyed
 * `docOperationKey`, "METHOD path", no variant for Zivo), or why none does. Read through
 * `zivoModule.operations` by `scripts/gen-providers-doc.ts` and the contract suite, which checks
 * it covers `test/fixtures/zivo/operations.json`.
 */
export const DOC_OPERATIONS: DocOperationTable = {
  [`POST ${ZIVO_PATH_PREFIX}/sendwhatsapp`]: { capabilities: ['SEND_TEXT'] }, // lines 26-65
  [`POST ${ZIVO_PATH_PREFIX}/sendbulk`]: { capabilities: ['SEND_BULK'] }, // lines 67-90
  [`GET ${ZIVO_PATH_PREFIX}/getdlr`]: { capabilities: ['MESSAGE_STATUS'] }, // lines 92-98
  [`GET ${ZIVO_PATH_PREFIX}/account`]: { capabilities: ['INSTANCE_STATUS'] }, // lines 100-106
};

import type { DocOperationTable } from '../doc-operations.js';
import { ZIXFLOW_SEND_PATH } from './client.js';

/**
 * Which graph capability reaches each documented Zixflow operation (zixflow.txt; keyed
 * `docOperationKey`, "METHOD path"), or why none does. Read through `zixflowModule.operations`
 * by `scripts/gen-providers-doc.ts` and the contract suite.
 */
export const DOC_OPERATIONS: DocOperationTable = {
  [`POST ${ZIXFLOW_SEND_PATH}`]: { capabilities: ['SEND_BUTTONS'] }, // lines 1-194
};

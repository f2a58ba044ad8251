/**
 * Zivo / ZChat wire shapes, in Zivo's own spelling (zivo.txt; catalog/zivo.json). Nothing
 * outside `src/providers/zivo/` sees these; `mapping.ts` turns them into model types.
 *
 * Authentication (zivo.txt lines 18-24): `partnerID` and `apikey` on every request — as JSON
 * body fields on the POST endpoints (examples, lines 34-40 and 75-77) and as query parameters on
 * the GET endpoints (example URLs, lines 98 and 106).
 */

/** The credentials every request carries (zivo.txt lines 22-24). */
export interface ZivoAuth {
  partnerID: string;
  apikey: string;
}

/** One message to send (zivo.txt "Request fields", lines 60-65). `mobile` in international format (2547…). */
export interface ZivoMessageItem {
  mobile: string;
  message: string;
  /** The caller's own reference (optional, line 65). */
  clientwhatsappid?: string;
}

/** `POST …/sendwhatsapp` body (zivo.txt lines 28-40). */
export type ZivoSendWhatsappRequest = ZivoAuth & ZivoMessageItem;

/**
 * `POST …/sendbulk` body (zivo.txt lines 69-90): up to 100 items in `whatsapplist`
 * (`smslist` is an accepted alias, line 71; whatsgraph always sends `whatsapplist`).
 */
export interface ZivoSendBulkRequest extends ZivoAuth {
  whatsapplist: ZivoMessageItem[];
  smslist?: ZivoMessageItem[];
}

/**
 * One entry of a send answer (zivo.txt lines 44-58). The doc prints both `response-code` and
 * the misspelled `respose-code` (line 48); both are kept.
 */
export interface ZivoResponseEntry {
  'response-code'?: number;
  'respose-code'?: number;
  'response-description'?: string;
  mobile?: string;
  /** Zivo's id, the one `getdlr` takes as `messageID` (line 96). */
  messageid?: string;
  /** WhatsApp's id (`wamid.…`). */
  provider_message_id?: string;
  networkid?: string;
  channel?: string;
  /** `sent` in the example. */
  status?: string;
  clientwhatsappid?: string;
}

/**
 * The send answer (zivo.txt lines 44-58): the single send is wrapped in `responses`. The bulk
 * answer is not documented (catalog docIssues); whatsgraph reads it as the same envelope with one
 * entry per `whatsapplist` item, in order (see `mapping.ts` `bulkEntries`).
 */
export interface ZivoSendResponse {
  responses?: ZivoResponseEntry[];
}

/** `GET …/getdlr` query (zivo.txt lines 94-98): note `messageID`, not the send answer's `messageid`. */
export interface ZivoGetDlrQuery extends ZivoAuth {
  messageID: string;
}

/**
 * `GET …/getdlr` answer. Undocumented (catalog docIssues: "No response example or field
 * list"). whatsgraph reads the send-answer vocabulary: a flat entry or one wrapped in
 * `responses`, with `status` one of Zivo's local send statuses (`sent`, `delivered`, `read`,
 * `failed`, `queued`).
 */
export type ZivoDlrResponse = ZivoResponseEntry & { responses?: ZivoResponseEntry[]; dlr?: string; updated_at?: string };

/**
 * `GET …/account` answer. Undocumented (catalog docIssues); the doc says only that it
 * confirms the key is valid and WhatsApp is enabled (line 104). whatsgraph reads
 * `whatsapp_enabled` / `whatsapp_status` and `balance` when present.
 */
export interface ZivoAccountResponse {
  'response-code'?: number;
  'response-description'?: string;
  partnerID?: string;
  business_name?: string;
  whatsapp_enabled?: boolean;
  whatsapp_status?: string;
  balance?: number | string;
  status?: string;
}

/** A Zivo error answer body (401/422/400/404, zivo.txt lines 108-114): the doc gives the statuses only; Zivo answers in the send-entry vocabulary. */
export interface ZivoErrorBody {
  'response-code'?: number;
  'response-description'?: string;
}

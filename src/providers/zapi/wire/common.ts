/**
 * Z-API's own JSON shapes, spelled exactly as `z-api.txt` spells them (`momment`,
 * `descritpion`, `device_model`, `vname`… are the provider's, not ours), one file per area
 * (`instance`, `messages`, `chats`, `contacts`, `groups`, `communities`, `labels`, `catalog`,
 * `webhooks`); each shape is declared once, here or in its area. Nothing here normalises:
 * `mapping.ts` is the only place that turns these into domain types. Z-API returns many
 * booleans and numbers as strings (`"false"`, `"0"`, `"1622991687"`), so the read shapes type
 * those fields as `string | boolean` / `string | number` as the doc examples show them.
 */

/** A boolean as Z-API may send it: `true`, `"true"`, `"false"`, `"1"`, `"0"`. */
export type WireBool = boolean | string | number | null | undefined;
/**
 * A 64-bit integer as a protobuf `Long` serialised to JSON (`{"low": 1632228638, "high": 0,
 * "unsigned": false}`): real webhook traffic carries some numbers (`momment`, media
 * `seconds`, `messageExpirationSeconds`) this way, though the doc's examples never do.
 */
export interface WireLong {
  low: number;
  high: number;
  unsigned?: boolean | null;
}
/** A number as Z-API may send it: `0`, `"0"`, `"1622991687"`, or a protobuf {@link WireLong}. */
export type WireNumber = number | string | WireLong | null | undefined;

/** Error body Z-API documents: `{"error": "null not allowed"}` (z-api.txt 472-475), `"[IP da chamada] not allowed"` (394-397), `"Invalid phone"` (6158-6161). */
export interface ZapiErrorBody {
  error: string;
}

/**
 * `{"value": boolean}`: the answer of modify-chat, send-chat-expiration, the chat tag
 * operations and most group and community changes (z-api.txt 6369-6373, 10148-10153,
 * 6976-6984): "true if it worked and false if it failed".
 */
export interface ZapiValueResponse {
  value?: WireBool;
}

/**
 * `{"success": boolean}`: the answer of edit/delete tag, delete product, catalog config,
 * delete collection (z-api.txt 10061-10066, 9827-9832), accept-invite-group,
 * communities/link, /unlink and /settings (8385-8393, 8618-8626).
 */
export interface ZapiSuccessResponse {
  success?: WireBool;
}

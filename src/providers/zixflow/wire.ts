/**
 * Zixflow wire shapes for its one documented operation, `POST /api/v1/campaign/whatsapp/message/send`
 * (zixflow.txt; catalog/zixflow.json), in Zixflow's own spelling. The doc prints the field tree
 * flattened, one attribute per line; the nesting below follows the catalog's reconstruction.
 */

/** The header kinds (zixflow.txt lines 56-68). */
export type ZixflowHeaderType = 'text' | 'image' | 'video' | 'document';

/**
 * `interactive.header` (zixflow.txt lines 49-100): `type` plus the field of that name. The header
 * description (lines 58-60) calls document/image/video "the media object", but their own entries
 * (lines 87-100) type them `string`: "The protocol and URL of the media" — whatsgraph sends the URL
 * string.
 */
export interface ZixflowHeader {
  type: ZixflowHeaderType;
  text?: string;
  image?: string;
  video?: string;
  document?: string;
}

/**
 * One reply button (zixflow.txt lines 147-167): `{type: "reply", reply: {id, title}}`. The doc
 * types `title` as "object" (line 166) with no description; whatsgraph sends a string, the
 * WhatsApp reply-button title that Zixflow forwards.
 */
export interface ZixflowReplyButton {
  type: 'reply';
  reply: { id: string; title: string };
}

/** `interactive` (zixflow.txt lines 37-167; "A Location Object" at line 41 is a copy-paste slip of the doc). */
export interface ZixflowInteractive {
  /** "button" for reply buttons (line 45; the doc's "replay bytton" at line 47). */
  type: 'button';
  header?: ZixflowHeader;
  body: { text: string };
  footer?: { text: string };
  action: { buttons: ZixflowReplyButton[] };
}

/** The request body (zixflow.txt lines 17-182). */
export interface ZixflowSendRequest {
  /** Recipient in international format, digits (line 23). */
  to: string;
  /** The sender's WhatsApp phone id (line 29). */
  phoneId: string;
  /** "interactive" (line 33). */
  type: 'interactive';
  interactive: ZixflowInteractive;
  /** Where the message comes from when linked with a record; Zixflow defaults it to "API" (lines 168-172). */
  source?: string;
  /** Link the message with a record and show it in the inbox (lines 174-177). */
  linkWithRecord?: boolean;
  /** Wait for the submission status (lines 179-182). */
  submissionStatus?: boolean;
}

/** The answer (zixflow.txt lines 184-194): `status` true on success, `message` "success or error response message". */
export interface ZixflowSendResponse {
  status: boolean;
  message?: string;
}

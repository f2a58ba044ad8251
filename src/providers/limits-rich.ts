/**
 * WhatsApp's limits on the rich message kinds (model-rich.ts), checked by the graph before any
 * provider request. Lengths are in characters (Unicode code points, as `checkLength` counts).
 * Where a provider's documentation states no limit, the figure is WhatsApp's own, as its apps
 * and the WhatsApp Business Platform enforce it (cited per constant).
 */

/** Fewest options of a poll: a poll is a choice ("Create poll" needs two options in WhatsApp). */
export const POLL_OPTIONS_MIN = 2;
/** Most options of a poll (WhatsApp: "you can add up to 12 options"). */
export const POLL_OPTIONS_MAX = 12;
/** Longest poll question (WhatsApp's poll composer: 255 characters). */
export const POLL_QUESTION_MAX = 255;
/** Longest poll option name (WhatsApp's poll composer: 100 characters). */
export const POLL_OPTION_MAX = 100;
/** Fewest action buttons of a message. */
export const ACTION_BUTTONS_MIN = 1;
/** Most action buttons of a message (WhatsApp's interactive messages show at most 3 buttons). */
export const ACTION_BUTTONS_MAX = 3;
/** Longest action button label (WhatsApp Business Platform: button text at most 20 characters). */
export const ACTION_BUTTON_LABEL_MAX = 20;
/** Fewest carousel cards (WhatsApp Business Platform carousels: 1 to 10 cards). */
export const CAROUSEL_CARDS_MIN = 1;
/** Most carousel cards (WhatsApp Business Platform carousels: up to 10 cards). */
export const CAROUSEL_CARDS_MAX = 10;
/** Longest carousel card text (WhatsApp Business Platform: card body at most 160 characters). */
export const CAROUSEL_CARD_TEXT_MAX = 160;
/** Longest code a copy-code button carries (ours: no provider doc states one, and `z-api.txt 3658` copies an 18-character text). */
export const OTP_CODE_MAX = 256;
/** Longest event name (ours: no provider doc states one). */
export const EVENT_NAME_MAX = 256;
/** Longest event description (ours: no provider doc states one). */
export const EVENT_DESCRIPTION_MAX = 2048;
/** Longest text status (WhatsApp: a text status holds at most 700 characters). */
export const STATUS_TEXT_MAX = 700;
/** Most items of an order (WhatsApp Business Platform order details: up to 999 items). */
export const ORDER_ITEMS_MAX = 999;
/** Longest link preview title or description (ours: no provider doc states one; WhatsApp cuts longer ones short). */
export const LINK_PREVIEW_TEXT_MAX = 300;
/** Longest name of an order item (ours: no provider doc states one). */
export const ORDER_ITEM_NAME_MAX = 200;

import type { DocOperationTable } from '../doc-operations.js';

// Why an operation has no capability (one reason per kind of operation).
const R_QR = 'superseded: the graph serves the QR as a PNG image from `qr-code/image` (QR_CODE); the raw QR text of `qr-code` would only be rendered into the same image';
const R6 = 'superseded: single-number check: the graph asks the batch endpoint (`phone-exists-batch`, CHECK_PHONES) through a per-request DataLoader instead';
const R11 =
  'superseded: GET_GROUP reads the full `group-metadata` (z-api.txt 7785-7909), the same group and participants plus the invite link; the light variant differs only by leaving the link out (7918-7920)';
const R20 =
  'superseded: the server registers every webhook at once with `update-every-webhooks` (REGISTER_WEBHOOKS, at start with `publicUrl` and by `syncWebhooks`); the graph receives every kind on one URL, so setting one kind at a time adds nothing';

/**
 * Which graph capability reaches each documented Z-API operation (test/fixtures/zapi/operations.json,
 * 181 operations, keyed "METHOD path[ variant]" by `docOperationKey`), or why none does. Built
 * from `client/<area>.ts`: an operation has capabilities exactly when a client method calls it
 * and a port method serving that capability uses that client method (`adapter.ts` ZAPI_CAPABILITIES;
 * for the partner API, `client/partner.ts` ZAPI_PARTNER_CAPABILITIES, served once per deployment).
 * Read by `scripts/gen-providers-doc.ts`; the contract suite checks it covers the catalog.
 */
export const DOC_OPERATIONS: DocOperationTable = {
  // z-api.txt 504-531: Automatic reading
  'PUT /update-auto-read-message': { capabilities: ['UPDATE_ACCOUNT_SETTINGS'] },
  // z-api.txt 533-563: Automatic status reading
  'PUT /update-auto-read-status': { capabilities: ['UPDATE_ACCOUNT_SETTINGS'] },
  // z-api.txt 565-599: Update profile picture
  'PUT /profile-picture': { capabilities: ['UPDATE_PROFILE_PICTURE'] },
  // z-api.txt 601-633: Update profile name
  'PUT /profile-name': { capabilities: ['UPDATE_PROFILE_NAME'] },
  // z-api.txt 635-668: Update profile description
  'PUT /profile-description': { capabilities: ['UPDATE_PROFILE_ABOUT'] },
  // z-api.txt 670-698: Reject calls
  'PUT /update-call-reject-auto': { capabilities: ['UPDATE_ACCOUNT_SETTINGS'] },
  // z-api.txt 700-730: Connection message
  'PUT /update-call-reject-message': { capabilities: ['UPDATE_ACCOUNT_SETTINGS'] },
  // z-api.txt 732-748: Getting QRCode - bytes
  'GET /qr-code': { reason: R_QR },
  // z-api.txt 750-755: Getting QR Code - Image
  'GET /qr-code/image': { capabilities: ['QR_CODE'] },
  // z-api.txt 757-781: Getting QRCode - Phone
  'GET /phone-code/{phone}': { capabilities: ['PAIRING_CODE'] },
  // z-api.txt 783-812: Restart instance
  'GET /restart': { capabilities: ['RESTART_INSTANCE'] },
  // z-api.txt 814-829: Disconnect
  'GET /disconnect': { capabilities: ['DISCONNECT_INSTANCE'] },
  // z-api.txt 831-859: Instance status
  'GET /status': { capabilities: ['INSTANCE_STATUS', 'QR_CODE'] },
  // z-api.txt 861-897: Cell phone data
  'GET /device': { capabilities: ['ACCOUNT_PROFILE'] },
  // z-api.txt 899-944: Rename instance
  'PUT /update-name': { capabilities: ['RENAME_INSTANCE'] },
  // z-api.txt 946-990: Instance data
  'GET /me': { capabilities: ['ACCOUNT_PROFILE', 'ACCOUNT_SETTINGS', 'REGISTER_WEBHOOKS'] },
  // z-api.txt 1026-1099: Check registration availability
  'POST /mobile/registration-available': { capabilities: ['MOBILE_REGISTRATION'] },
  // z-api.txt 1101-1176: Request confirmation code
  'POST /mobile/request-registration-code': { capabilities: ['MOBILE_REGISTRATION'] },
  // z-api.txt 1178-1228: Respond to captcha
  'POST /mobile/respond-captcha': { capabilities: ['MOBILE_REGISTRATION'] },
  // z-api.txt 1230-1283: Confirm code
  'POST /mobile/confirm-registration-code': { capabilities: ['MOBILE_REGISTRATION'] },
  // z-api.txt 1285-1339: Request unbanning
  'POST /mobile/request-unbanning': { capabilities: ['UNBAN_NUMBER'] },
  // z-api.txt 1341-1391: Confirm PIN code
  'POST /mobile/confirm-pin-code': { capabilities: ['MOBILE_REGISTRATION'] },
  // z-api.txt 1393-1421: PIN code recovery
  'POST /mobile/recovery-pin-code': { capabilities: ['MOBILE_REGISTRATION'] },
  // z-api.txt 1423-1460: Search account email
  'GET /security/email': { capabilities: ['ACCOUNT_SECURITY'] },
  // z-api.txt 1462-1503: Register email in account
  'POST /security/email': { capabilities: ['UPDATE_ACCOUNT_SECURITY'] },
  // z-api.txt 1505-1558: Verify account email
  'POST /security/verify-email': { capabilities: ['UPDATE_ACCOUNT_SECURITY'] },
  // z-api.txt 1560-1604: Check if you have a PIN code
  'GET /security/two-fa-code': { capabilities: ['ACCOUNT_SECURITY'] },
  // z-api.txt 1606-1659: Register PIN code
  'POST /security/two-fa-code': { capabilities: ['UPDATE_ACCOUNT_SECURITY'] },
  // z-api.txt 1661-1706: Remove email from account
  'POST /security/email/remove': { capabilities: ['UPDATE_ACCOUNT_SECURITY'] },
  // z-api.txt 1708-1740: Remove PIN code
  'POST /security/two-fa-code/remove': { capabilities: ['UPDATE_ACCOUNT_SECURITY'] },
  // z-api.txt 1764-1849: Send plain text
  'POST /send-text plain': { capabilities: ['SEND_TEXT', 'EDIT_MESSAGE'] },
  // z-api.txt 1851-1916: Forward message
  'POST /forward-message': { capabilities: ['SEND_FORWARD'] },
  // z-api.txt 1918-1984: Send reaction
  'POST /send-reaction': { capabilities: ['SEND_REACTION'] },
  // z-api.txt 1986-2050: Remove reaction
  'POST /send-remove-reaction': { capabilities: ['SEND_REACTION'] },
  // z-api.txt 2052-2150: Send image
  'POST /send-image': { capabilities: ['SEND_IMAGE'] },
  // z-api.txt 2152-2247: Send sticker
  'POST /send-sticker': { capabilities: ['SEND_STICKER'] },
  // z-api.txt 2250-2330: Send GIF
  'POST /send-gif': { capabilities: ['SEND_GIF'] },
  // z-api.txt 2332-2421: Send audio
  'POST /send-audio': { capabilities: ['SEND_AUDIO'] },
  // z-api.txt 2423-2512: Send video
  'POST /send-video': { capabilities: ['SEND_VIDEO'] },
  // z-api.txt 2514-2598: Send PTV
  'POST /send-ptv': { capabilities: ['SEND_PTV'] },
  // z-api.txt 2600-2684: Send documents
  'POST /send-document/{extension}': { capabilities: ['SEND_DOCUMENT'] },
  // z-api.txt 2686-2763: Send link
  'POST /send-link': { capabilities: ['SEND_LINK'] },
  // z-api.txt 2765-2836: Send location
  'POST /send-location': { capabilities: ['SEND_LOCATION'] },
  // z-api.txt 2838-2901: Send product
  'POST /send-product': { capabilities: ['SEND_CATALOG_PRODUCT'] },
  // z-api.txt 2903-2974: Send catalog
  'POST /send-catalog': { capabilities: ['SEND_CATALOG'] },
  // z-api.txt 2976-3044: Send contact
  'POST /send-contact': { capabilities: ['SEND_CONTACT'] },
  // z-api.txt 3046-3130: Send multiple contacts
  'POST /send-contacts': { capabilities: ['SEND_CONTACT'] },
  // z-api.txt 3132-3244: Send text with action buttons
  'POST /send-button-actions': { capabilities: ['SEND_ACTION_BUTTONS'] },
  // z-api.txt 3246-3338: Send text with buttons
  'POST /send-button-list text': { capabilities: ['SEND_BUTTONS'] },
  // z-api.txt 3341-3435: Send buttons with image
  'POST /send-button-list image': { capabilities: ['SEND_BUTTONS'] },
  // z-api.txt 3437-3531: Send buttons with video
  'POST /send-button-list video': { capabilities: ['SEND_BUTTONS'] },
  // z-api.txt 3534-3626: Send option list
  'POST /send-option-list': { capabilities: ['SEND_LIST'] },
  // z-api.txt 3628-3706: Send OTP button
  'POST /send-button-otp': { capabilities: ['SEND_OTP_BUTTON'] },
  // z-api.txt 3708-3780: Send PIX button
  'POST /send-button-pix': { capabilities: ['SEND_PIX_BUTTON'] },
  // z-api.txt 3782-3917: Send carousel
  'POST /send-carousel': { capabilities: ['SEND_CAROUSEL'] },
  // z-api.txt 3919-3979: Delete messages
  'DELETE /messages': { capabilities: ['DELETE_MESSAGE'] },
  // z-api.txt 3981-4039: Read messages
  'POST /read-message': { capabilities: ['READ_MESSAGE'] },
  // z-api.txt 4041-4117: Reply message
  'POST /send-text reply': { capabilities: ['SEND_TEXT'] },
  // z-api.txt 4119-4206: Send poll
  'POST /send-poll': { capabilities: ['SEND_POLL'] },
  // z-api.txt 4208-4274: Submit vote to poll
  'POST /send-poll-vote': { capabilities: ['SEND_POLL_VOTE'] },
  // z-api.txt 4276-4419: Submit order approval
  'POST /send-order': { capabilities: ['SEND_ORDER'] },
  // z-api.txt 4421-4545: Send order status update
  'POST /order-status-update': { capabilities: ['SEND_ORDER_STATUS'] },
  // z-api.txt 4547-4671: Send order payment update
  'POST /order-payment-update': { capabilities: ['SEND_ORDER_PAYMENT'] },
  // z-api.txt 4673-4738: Pin/Unpin messages
  'POST /pin-message': { capabilities: ['PIN_MESSAGE'] },
  // z-api.txt 4740-4814: Send channel admin invite
  'POST /send-newsletter-admin-invite': { capabilities: ['SEND_CHANNEL_ADMIN_INVITE'] },
  // z-api.txt 4816-4894: Send event
  'POST /send-event': { capabilities: ['SEND_EVENT'] },
  // z-api.txt 4896-4979: Edit event
  'POST /send-edit-event': { capabilities: ['EDIT_EVENT'] },
  // z-api.txt 4981-5047: Respond to event
  'POST /send-event-response': { capabilities: ['SEND_EVENT_RESPONSE'] },
  // z-api.txt 5055-5113: List disallowed contacts
  'GET /privacy/disallowed-contacts': { capabilities: ['PRIVACY'] },
  // z-api.txt 5115-5198: Last seen
  'POST /privacy/last-seen': { capabilities: ['UPDATE_PRIVACY'] },
  // z-api.txt 5200-5283: Profile photo view
  'POST /privacy/photo': { capabilities: ['UPDATE_PRIVACY'] },
  // z-api.txt 5285-5368: Message preview
  'POST /privacy/description': { capabilities: ['UPDATE_PRIVACY'] },
  // z-api.txt 5370-5452: Permission to add to groups
  'POST /privacy/group-add': { capabilities: ['UPDATE_PRIVACY'] },
  // z-api.txt 5455-5514: Online visibility
  'POST /privacy/online': { capabilities: ['UPDATE_PRIVACY'] },
  // z-api.txt 5516-5571: Read receipts
  'POST /privacy/read-receipts': { capabilities: ['UPDATE_PRIVACY'] },
  // z-api.txt 5573-5627: Message duration
  'POST /privacy/messages-duration': { capabilities: ['UPDATE_PRIVACY'] },
  // z-api.txt 5640-5700: Get contacts
  'GET /contacts': { capabilities: ['LIST_CONTACTS'] },
  // z-api.txt 5702-5773: Add Contacts
  'POST /contacts/add': { capabilities: ['ADD_CONTACTS'] },
  // z-api.txt 5775-5825: Remove Contacts
  'DELETE /contacts/remove': { capabilities: ['REMOVE_CONTACTS'] },
  // z-api.txt 5827-5889: Get contact metadata
  'GET /contacts/{phone}': { capabilities: ['GET_CONTACT'] },
  // z-api.txt 5891-5942: Get contact image
  'GET /profile-picture': { capabilities: ['PROFILE_PICTURE'] },
  // z-api.txt 5944-5999: Number with WhatsApp?
  'GET /phone-exists/{phone}': { reason: R6 },
  // z-api.txt 6002-6071: Number with WhatsApp? (batch)
  'POST /phone-exists-batch': { capabilities: ['CHECK_PHONES'] },
  // z-api.txt 6073-6125: Block contact
  'POST /contacts/modify-blocked': { capabilities: ['BLOCK_CONTACT'] },
  // z-api.txt 6127-6180: Report contact
  'POST /contacts/{phone}/report': { capabilities: ['REPORT_CONTACT'] },
  // z-api.txt 6186-6267: Get chats
  'GET /chats': { capabilities: ['LIST_CHATS'] },
  // z-api.txt 6269-6333: Get Chat Metadata
  'GET /chats/{phone}': { capabilities: ['GET_CHAT'] },
  // z-api.txt 6335-6382: Read chats
  'POST /modify-chat read': { capabilities: ['MARK_CHAT_READ'] },
  // z-api.txt 6384-6431: Archive chats
  'POST /modify-chat archive': { capabilities: ['ARCHIVE_CHAT'] },
  // z-api.txt 6433-6480: Pin chats
  'POST /modify-chat pin': { capabilities: ['PIN_CHAT'] },
  // z-api.txt 6482-6534: Mute chats
  'POST /modify-chat mute': { capabilities: ['MUTE_CHAT'] },
  // z-api.txt 6536-6588: Clear chat
  'POST /modify-chat clear': { capabilities: ['CLEAR_CHAT'] },
  // z-api.txt 6590-6637: Delete Chats
  'POST /modify-chat delete': { capabilities: ['DELETE_CHAT'] },
  // z-api.txt 6639-6679: Chat expiration
  'POST /send-chat-expiration': { capabilities: ['CHAT_EXPIRATION'] },
  // z-api.txt 6692-6753: Make a call
  'POST /send-call': { capabilities: ['SEND_CALL'] },
  // z-api.txt 6769-6841: Search groups
  'GET /groups': { capabilities: ['LIST_GROUPS'] },
  // z-api.txt 6843-6930: Creating groups
  'POST /create-group': { capabilities: ['CREATE_GROUP'] },
  // z-api.txt 6932-7007: Update group name
  'POST /update-group-name': { capabilities: ['UPDATE_GROUP'] },
  // z-api.txt 7009-7078: Update group image
  'POST /update-group-photo': { capabilities: ['UPDATE_GROUP'] },
  // z-api.txt 7080-7162: Add Participants
  'POST /add-participant group': { capabilities: ['MANAGE_GROUP_PARTICIPANTS'] },
  // z-api.txt 7163-7239: Remove Participants
  'POST /remove-participant group': { capabilities: ['MANAGE_GROUP_PARTICIPANTS'] },
  // z-api.txt 7240-7316: Approve Participants
  'POST /approve-participant': { capabilities: ['MANAGE_GROUP_PARTICIPANTS'] },
  // z-api.txt 7317-7393: Reject Participants
  'POST /reject-participant': { capabilities: ['MANAGE_GROUP_PARTICIPANTS'] },
  // z-api.txt 7394-7469: Mention member
  'POST /send-text mention-members': { capabilities: ['SEND_TEXT'] },
  // z-api.txt 7470-7549: Mention group
  'POST /send-text mention-groups': { capabilities: ['SEND_TEXT'] },
  // z-api.txt 7550-7625: Promote group admin
  'POST /add-admin group': { capabilities: ['MANAGE_GROUP_PARTICIPANTS'] },
  // z-api.txt 7626-7710: Remove group admin
  'POST /remove-admin group': { capabilities: ['MANAGE_GROUP_PARTICIPANTS'] },
  // z-api.txt 7711-7784: Leave the group
  'POST /leave-group': { capabilities: ['LEAVE_GROUP'] },
  // z-api.txt 7785-7909: Group Metadata
  'GET /group-metadata/{phone}': { capabilities: ['GET_GROUP'] },
  // z-api.txt 7910-8008: Group Metadata (lightweight)
  'GET /light-group-metadata/{phone}': { reason: R11 },
  // z-api.txt 8009-8090: Invite Group Metadata
  'GET /group-invitation-metadata': { capabilities: ['GROUP_INVITATION'] },
  // z-api.txt 8091-8173: Group settings
  'POST /update-group-settings': { capabilities: ['UPDATE_GROUP'] },
  // z-api.txt 8174-8247: Change description
  'POST /update-group-description': { capabilities: ['UPDATE_GROUP'] },
  // z-api.txt 8248-8303: Reset group invite link
  'POST /redefine-invitation-link/{groupId} group': { capabilities: ['RESET_GROUP_INVITE_LINK'] },
  // z-api.txt 8304-8360: Get group invite link
  'POST /group-invitation-link/{groupId}': { capabilities: ['GROUP_INVITE_LINK'] },
  // z-api.txt 8361-8412: Accept group invitation
  'GET /accept-invite-group': { capabilities: ['JOIN_GROUP'] },
  // z-api.txt 8455-8521: Create community
  'POST /communities': { capabilities: ['CREATE_COMMUNITY'] },
  // z-api.txt 8522-8577: List communities
  'GET /communities': { capabilities: ['LIST_COMMUNITIES'] },
  // z-api.txt 8578-8638: Link groups
  'POST /communities/link': { capabilities: ['LINK_COMMUNITY_GROUPS'] },
  // z-api.txt 8639-8699: Unlink groups
  'POST /communities/unlink': { capabilities: ['LINK_COMMUNITY_GROUPS'] },
  // z-api.txt 8700-8771: Community metadata
  'GET /communities-metadata/{communityId}': { capabilities: ['GET_COMMUNITY'] },
  // z-api.txt 8772-8824: Reset Community Invite Link
  'POST /redefine-invitation-link/{communityId} community': { capabilities: ['RESET_COMMUNITY_INVITE_LINK'] },
  // z-api.txt 8825-8889: Add participants
  'POST /add-participant community': { capabilities: ['MANAGE_COMMUNITY_PARTICIPANTS'] },
  // z-api.txt 8890-8949: Remove participants
  'POST /remove-participant community': { capabilities: ['MANAGE_COMMUNITY_PARTICIPANTS'] },
  // z-api.txt 8950-9009: Promote community admin
  'POST /add-admin community': { capabilities: ['MANAGE_COMMUNITY_PARTICIPANTS'] },
  // z-api.txt 9010-9069: Remove community admin
  'POST /remove-admin community': { capabilities: ['MANAGE_COMMUNITY_PARTICIPANTS'] },
  // z-api.txt 9070-9125: Community Settings
  'POST /communities/settings': { capabilities: ['UPDATE_COMMUNITY'] },
  // z-api.txt 9126-9176: Deactivate community
  'DELETE /communities/{communityId}': { capabilities: ['DEACTIVATE_COMMUNITY'] },
  // z-api.txt 9177-9238: Change description
  'POST /update-community-description': { capabilities: ['UPDATE_COMMUNITY'] },
  // z-api.txt 9250-9331: Chat with Meta AI
  // The same `send-text` request to Meta AI's number 13135550002 (or a group mentioning it, z-api.txt 9262-9276): sendText sends it.
  'POST /send-text meta-ai': { capabilities: ['SEND_TEXT'] },
  // z-api.txt 9351-9447: Queue
  'GET /queue list': { capabilities: ['LIST_QUEUE', 'CANCEL_QUEUED_MESSAGE'] },
  // z-api.txt 9351-9447: Queue (count)
  'GET /queue/count count': { capabilities: ['LIST_QUEUE'] },
  // z-api.txt 9448-9484: Delete queue
  'DELETE /queue': { capabilities: ['CLEAR_QUEUE'] },
  // z-api.txt 9485-9532: Delete queued message
  'DELETE /queue/{zaapId}': { capabilities: ['CANCEL_QUEUED_MESSAGE'] },
  // z-api.txt 9545-9615: Create/edit product
  'POST /products': { capabilities: ['UPSERT_PRODUCT'] },
  // z-api.txt 9616-9681: Get Products
  'GET /catalogs': { capabilities: ['LIST_PRODUCTS'] },
  // z-api.txt 9682-9744: Pick Up Products (Phone)
  'GET /catalogs/{phone}': { capabilities: ['LIST_PRODUCTS'] },
  // z-api.txt 9745-9808: Get Product (Id)
  'GET /products/{productId}': { capabilities: ['GET_PRODUCT'] },
  // z-api.txt 9809-9850: Delete Product
  'DELETE /products/{productId}': { capabilities: ['DELETE_PRODUCT'] },
  // z-api.txt 9851-9906: Search tags
  'GET /tags': { capabilities: ['LIST_LABELS'] },
  // z-api.txt 9907-9954: Label cores
  'GET /business/tags/colors': { capabilities: ['LABEL_COLORS'] },
  // z-api.txt 9955-10015: Create new label
  'POST /business/create-tag': { capabilities: ['CREATE_LABEL'] },
  // z-api.txt 10016-10082: Edit label
  'POST /business/edit-tag/{tagId}': { capabilities: ['UPDATE_LABEL'] },
  // z-api.txt 10083-10131: Delete tag
  'DELETE /business/tag/{tagId}': { capabilities: ['DELETE_LABEL'] },
  // z-api.txt 10132-10160: Assign tags to a chat
  'PUT /chats/{phone}/tags/{tag}/add': { capabilities: ['ASSIGN_LABEL'] },
  // z-api.txt 10161-10190: Remove tags from a chat
  'PUT /chats/{phone}/tags/{tag}/remove': { capabilities: ['UNASSIGN_LABEL'] },
  // z-api.txt 10191-10240: Catalog configuration
  'POST /catalogs/config': { capabilities: ['CONFIGURE_CATALOG'] },
  // z-api.txt 10241-10292: Create collection
  'POST /catalogs/collection': { capabilities: ['CREATE_COLLECTION'] },
  // z-api.txt 10293-10363: List collections
  'GET /catalogs/collection': { capabilities: ['LIST_COLLECTIONS'] },
  // z-api.txt 10364-10403: Delete collection
  'DELETE /catalogs/collection/{collectionId}': { capabilities: ['DELETE_COLLECTION'] },
  // z-api.txt 10404-10455: Edit collection
  'POST /catalogs/collection-edit/{collectionId}': { capabilities: ['UPDATE_COLLECTION'] },
  // z-api.txt 10456-10540: List products in a collection
  'GET /catalogs/collection-products/{phone}': { capabilities: ['LIST_COLLECTION_PRODUCTS'] },
  // z-api.txt 10541-10597: Add products to collection
  'POST /catalogs/collection/add-product': { capabilities: ['ADD_COLLECTION_PRODUCTS'] },
  // z-api.txt 10598-10654: Remove products from the collection
  'POST /catalogs/collection/remove-product': { capabilities: ['REMOVE_COLLECTION_PRODUCTS'] },
  // z-api.txt 10655-10710: Change company description
  'POST /business/company-description': { capabilities: ['UPDATE_BUSINESS_PROFILE'] },
  // z-api.txt 10711-10769: Change company email
  'POST /business/company-email': { capabilities: ['UPDATE_BUSINESS_PROFILE'] },
  // z-api.txt 10770-10825: Change the company's business address
  'POST /business/company-address': { capabilities: ['UPDATE_BUSINESS_PROFILE'] },
  // z-api.txt 10826-10887: Change company websites
  'POST /business/company-websites': { capabilities: ['UPDATE_BUSINESS_PROFILE'] },
  // z-api.txt 10888-10966: Change opening hours
  'POST /business/hours': { capabilities: ['UPDATE_BUSINESS_PROFILE'] },
  // z-api.txt 10967-11029: List categories
  'GET /business/available-categories': { capabilities: ['BUSINESS_CATEGORIES'] },
  // z-api.txt 11030-11088: Assign categories
  'POST /business/categories': { capabilities: ['UPDATE_BUSINESS_PROFILE'] },
  // z-api.txt 11137-11185: When sending
  'PUT /update-webhook-delivery': { reason: R20 },
  // z-api.txt 11186-12967: Upon receiving
  'PUT /update-webhook-received': { reason: R20 },
  // z-api.txt 11206-11220: Upon receiving (with "sent by me")
  'PUT /update-webhook-received-delivery': { reason: R20 },
  // z-api.txt 13016-13065: When disconnecting
  'PUT /update-webhook-disconnected': { reason: R20 },
  // z-api.txt 13066-13161: Message status
  'PUT /update-webhook-message-status': { reason: R20 },
  // z-api.txt 13162-13257: Message status
  'PUT /update-webhook-message-status duplicate': { reason: R20 },
  // z-api.txt 13258-13350: Chat status
  'PUT /update-webhook-chat-presence': { reason: R20 },
  // z-api.txt 13351-13402: When connecting
  'PUT /update-webhook-connected': { reason: R20 },
  // z-api.txt 13403-13433: Update all webhooks
  'PUT /update-every-webhooks': { capabilities: ['REGISTER_WEBHOOKS'] },
  // z-api.txt 13434-13461: Update notify sent by me
  'PUT /update-notify-sent-by-me': { capabilities: ['REGISTER_WEBHOOKS'] },
  // z-api.txt 13512-13603: Creating an instance
  'POST /instances/integrator/on-demand': { capabilities: ['CREATE_PROVIDER_INSTANCE'] },
  // z-api.txt 13604-13650: Subscribing to an instance
  'POST /instances/{instanceId}/token/{token}/integrator/on-demand/subscription': { capabilities: ['SUBSCRIBE_PROVIDER_INSTANCE'] },
  // z-api.txt 13651-13700: Canceling an instance
  'POST /instances/{instanceId}/token/{token}/integrator/on-demand/cancel': { capabilities: ['CANCEL_PROVIDER_INSTANCE'] },
  // z-api.txt 13701-13791: Listing instances
  'GET /instances': { capabilities: ['PROVIDER_ACCOUNTS'] },
  // z-api.txt 13811-13870: Sending status text
  'POST /send-text-status': { capabilities: ['SEND_STATUS'] },
  // z-api.txt 13871-13937: Sending status image
  'POST /send-image-status': { capabilities: ['SEND_STATUS'] },
  // z-api.txt 13938-13999: Reply status with text
  'POST /reply-status-text': { capabilities: ['SEND_STATUS_REPLY'] },
  // z-api.txt 14000-14062: Reply status with gif
  'POST /reply-status-gif': { capabilities: ['SEND_STATUS_REPLY'] },
  // z-api.txt 14063-14124: Reply status with sticker
  'POST /reply-status-sticker': { capabilities: ['SEND_STATUS_REPLY'] },
  // z-api.txt 14125-14189: Sending video status
  'POST /send-video-status': { capabilities: ['SEND_STATUS'] },
};

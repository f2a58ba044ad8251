/**
 * Provider payloads the tests post to the webhook endpoint, shaped as the provider documents
 * them (catalog/z-api.webhooks.json, ReceivedCallback `text`, z-api.txt 11165-11300), with the
 * ids and times a test chooses.
 */

/** Z-API's documented `on-message-received` text payload with this message id. */
export function zapiTextWebhook(messageId: string, options: { text?: string; momment?: number; phone?: string } = {}): Record<string, unknown> {
  return {
    isStatusReply: false, senderLid: '81896604192873@lid', connectedPhone: '554499999999', waitingMessage: false, isEdit: false,
    isGroup: false, isNewsletter: false, instanceId: 'A20DA9C0183A2D35A260F53F5D2B9244', messageId,
    phone: options.phone ?? '5544999999999', fromMe: false, momment: options.momment ?? Date.now(), status: 'RECEIVED',
    chatName: 'name', senderPhoto: null, senderName: 'name', participantPhone: null, photo: null, broadcast: false,
    type: 'ReceivedCallback', text: { message: options.text ?? 'test' },
  };
}

import type { WireTemplate, WireTemplateComponent, WireTemplateRequest } from '../wire.js';

/** The simulator's message templates (ivosights-ivowba.txt "Message Template", lines 177-979). */

/** The two documented templates (lines 211-383), fresh for each simulator. */
export function seedTemplates(): WireTemplate[] {
  return [
    {
      id: '60243665e4058d3b4a377bd2',
      label: 'New Project Setup Notification',
      template_name: 'new_project_setup_notification',
      template_id: 408466377096510,
      status: 'approved',
      category_id: 'UTILITY',
      language_id: 'id',
      components: [
        { type: 'HEADER', format: 'TEXT', text: 'Notifikasi Akun {{1}}', parameters: { '{{1}}': null } },
        {
          type: 'BODY',
          text: 'Halo {{1}}, Terimakasih telah menggunakan layanan Kami.\nAkun WhatsApp Business Anda sudah siap untuk digunakan.\nSilahkan login ke halaman dashboard untuk informasi lebih lanjut.',
          parameters: { '{{1}}': null },
        },
        { type: 'FOOTER', text: 'Ivosights', parameters: [] },
        {
          type: 'BUTTONS',
          buttons: [
            { type: 'URL', text: 'Website', url: 'https://ivosights.com' },
            { type: 'PHONE_NUMBER', text: 'Bantuan', phone_number: '+622122902218' },
          ],
        },
      ],
      histories: [],
      created_at: '2021-05-10T05:13:23.843000Z',
      updated_at: '2021-05-10T05:13:23.843000Z',
    },
    {
      id: '60243665e4058d3b4a377bce',
      label: 'Issue Resolve',
      template_name: 'issue_resolve',
      template_id: 3569517459822920,
      status: 'approved',
      category_id: 'ISSUE_RESOLUTION',
      language_id: 'id',
      components: [
        {
          type: 'BODY',
          text: 'Permasalahan {{1}} telah terselesaikan. Jika Anda masih mengalami kendala, beri tahu kami melalui whatsapp ini. Kami senang dapat melayani Anda.',
          examples: ['Permasalahan #21 telah terselesaikan. Jika Anda masih mengalami kendala, beri tahu kami melalui whatsapp ini. Kami senang dapat melayani Anda'],
          parameters: { '{{1}}': null },
        },
      ],
      histories: [],
      created_at: '2021-05-10T05:13:23.808000Z',
      updated_at: '2021-05-10T05:13:23.808000Z',
    },
  ];
}

/** The `{{n}}` placeholders of a template text as the documented `parameters` map (`[]` when none, lines 211-383). */
function placeholders(text: string | undefined): Record<string, null> | unknown[] {
  const names = [...new Set((text ?? '').match(/\{\{\d+\}\}/g) ?? [])];
  return names.length ? Object.fromEntries(names.map((n) => [n, null])) : [];
}

/** A created / updated template (lines 398-945) as the list endpoints would then show it. */
export function templateFromRequest(id: string, req: WireTemplateRequest, previous?: WireTemplate): WireTemplate {
  const components: WireTemplateComponent[] = [];
  if (req.header)
    components.push({
      type: 'HEADER',
      format: req.header.format,
      ...(req.header.text ? { text: req.header.text } : {}),
      examples: req.header.examples,
      parameters: placeholders(req.header.text),
    });
  if (req.body) components.push({ type: 'BODY', text: req.body.text, examples: req.body.examples, parameters: placeholders(req.body.text) });
  if (req.footer) components.push({ type: 'FOOTER', text: req.footer, parameters: [] });
  if (req.buttons?.length) components.push({ type: 'BUTTONS', buttons: req.buttons });
  const now = new Date().toISOString().replace('Z', '000Z');
  return {
    id,
    label: req.label,
    template_name: req.label
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '_')
      .replace(/^_|_$/g, ''),
    template_id: previous?.template_id ?? null,
    status: req.is_propose ? 'submitted' : (previous?.status ?? 'draft'),
    category_id: req.category_id,
    language_id: req.language_id,
    components,
    ...(req.otp ? { otp: req.otp } : {}),
    ...(req.add_security_recommendation !== undefined ? { add_security_recommendation: req.add_security_recommendation } : {}),
    ...(req.code_expiration_minutes !== undefined ? { code_expiration_minutes: req.code_expiration_minutes } : {}),
    histories: [],
    created_at: previous?.created_at ?? now,
    updated_at: now,
  };
}

import type { SimResponse } from '../../sim-kit.js';

/**
 * The simulator's required-field checks (ivosights-ivowba.txt documents no field tables: the
 * required fields are those present in every documented example).
 */

/**
 * The required fields per operation: the fields present in every documented example (a
 * nested field only when its parent is sent), except send-contact-message, where
 * only the contact's formatted name is required (the graph sends name and phones; WhatsApp's
 * contacts object requires only the name).
 */
export const REQUIRED_FIELDS: Readonly<Record<string, readonly string[]>> = {
  'contacts-check': ['contacts'],
  template: [
    'label',
    'category_id',
    'language_id',
    'is_propose',
    'header.format',
    'header.examples',
    'body.text',
    'body.examples',
    'buttons[].type',
    'buttons[].text',
    'otp[].otp_type',
    'otp[].text',
  ],
  'send-contact-message': ['wa_id', 'contacts', 'contacts[].name', 'contacts[].name.formatted_name'],
  'send-location-message': ['wa_id', 'latitude', 'longitude', 'name', 'address'],
  'send-media-message': ['wa_id', 'type', 'link'],
  'send-template-message': [
    'wa_id',
    'template_id',
    'components',
    'components[].type',
    'components[].parameters[].type',
    'components[].parameters[].image.link',
    'components[].parameters[].document.link',
    'components[].parameters[].document.filename',
    'components[].parameters[].action.flow_token',
  ],
  'send-text-message': ['wa_id', 'text'],
  'send-reply-button-message': ['wa_id', 'header', 'header.type', 'header.link', 'body', 'footer', 'action', 'action.buttons', 'action.buttons[].id', 'action.buttons[].title'],
  'send-list-message': [
    'wa_id',
    'header',
    'header.type',
    'header.text',
    'body',
    'footer',
    'action',
    'action.button',
    'action.sections',
    'action.sections[].title',
    'action.sections[].rows',
    'action.sections[].rows[].id',
    'action.sections[].rows[].title',
    'action.sections[].rows[].description',
  ],
  'send-single-product-message': ['wa_id', 'body', 'footer', 'action', 'action.catalog_id', 'action.product_retailer_id'],
  'send-multi-product-message': [
    'wa_id',
    'header',
    'body',
    'footer',
    'action',
    'action.catalog_id',
    'action.sections',
    'action.sections[].title',
    'action.sections[].product_items',
    'action.sections[].product_items[].product_retailer_id',
  ],
  'send-flow-message': [
    'wa_id',
    'header',
    'header.type',
    'header.text',
    'body',
    'footer',
    'action',
    'action.parameters',
    'action.parameters.flow_message_version',
    'action.parameters.flow_id',
    'action.parameters.flow_cta',
    'action.parameters.flow_action',
    'action.parameters.flow_action_payload',
    'action.parameters.flow_action_payload.screen',
  ],
  'update-business-profile': ['address', 'description', 'email', 'vertical', 'websites'],
  'update-about': ['text'],
};

/** Missing as Laravel's `required` sees it; an empty array (`examples: []`) counts as given. */
function isEmpty(v: unknown): boolean {
  return v === undefined || v === null || v === '';
}

/**
 * The required fields missing from `body`: `a.b` (nested), `a[].b` (in every item of array
 * `a`). A nested field is required only when its parent is present; names are reported with
 * indexes (`components[1].parameters[0].image.link`).
 */
export function missingRequired(body: unknown, paths: readonly string[]): string[] {
  const out: string[] = [];
  for (const path of paths) {
    const segs = path.split('.');
    let current: Array<{ v: unknown; name: string }> = [{ v: body, name: '' }];
    segs.forEach((seg, i) => {
      const isArray = seg.endsWith('[]');
      const key = isArray ? seg.slice(0, -2) : seg;
      const last = i === segs.length - 1;
      const next: Array<{ v: unknown; name: string }> = [];
      for (const { v, name } of current) {
        const child = v && typeof v === 'object' ? (v as Record<string, unknown>)[key] : undefined;
        const childName = name ? `${name}.${key}` : key;
        if (last && !isArray) {
          if (isEmpty(child)) out.push(childName);
          continue;
        }
        if (child === undefined || child === null) {
          // parent absent: only a top-level field (or a required parent, checked on its own) is missing
          if (last) out.push(childName);
          continue;
        }
        if (isArray) {
          if (!Array.isArray(child)) {
            out.push(childName);
            continue;
          }
          child.forEach((item, j) => next.push({ v: item, name: `${childName}[${j}]` }));
        } else next.push({ v: child, name: childName });
      }
      current = next;
    });
  }
  return [...new Set(out)];
}

/** IVOWBA's answer to missing required fields: 422 with the Laravel validation body (the doc is silent; see index.ts). */
export function invalid(fields: string[]): SimResponse {
  return { status: 422, body: { message: 'The given data was invalid.', errors: Object.fromEntries(fields.map((f) => [f, [`The ${f} field is required.`]])) } };
}

import type { ChatExpiration, Collection, Label, LabelColor, Product } from '../model.js';
import type { ZapiChatExpiration, ZapiCollection, ZapiProduct, ZapiTag, ZapiTagColors } from './admin-wire.js';
import { toBool, toNumber } from './mapping.js';

/**
 * Wire ↔ model for Z-API chat management, labels and the catalog: the only place these
 * shapes are normalised (string prices and colour indexes to numbers, one image URL or many
 * to a list, `"false"` to false).
 */

/** The graph's expiration → Z-API's `chatExpiration` (z-api.txt 6662: "24_HOURS", "7_DAYS", "90_DAYS", "OFF"). */
export const ZAPI_CHAT_EXPIRATION: Readonly<Record<ChatExpiration, ZapiChatExpiration>> = {
  OFF: 'OFF',
  HOURS_24: '24_HOURS',
  DAYS_7: '7_DAYS',
  DAYS_90: '90_DAYS',
};

function str(value: string | null | undefined): string | null {
  return typeof value === 'string' && value !== '' ? value : null;
}

/** A `GET /tags` entry → {@link Label} (z-api.txt 9851-9906); the colour index read from a number or a string. */
export function toLabel(wire: ZapiTag): Label {
  const color = toNumber(wire.color);
  return { id: String(wire.id), name: wire.name, colorIndex: color !== null && Number.isInteger(color) ? color : null };
}

/** `GET /business/tags/colors` → colours sorted by index (z-api.txt 9907-9954); keys that are not whole numbers are skipped. */
export function toLabelColors(wire: ZapiTagColors | null): LabelColor[] {
  return Object.entries(wire ?? {})
    .filter(([k, v]) => /^\d+$/.test(k) && typeof v === 'string')
    .map(([k, v]) => ({ index: Number(k), hex: v }))
    .sort((a, b) => a.index - b.index);
}

/** A catalog product → {@link Product} (z-api.txt 9616-9808, 10456-10540). */
export function toProduct(wire: ZapiProduct): Product {
  const images = Array.isArray(wire.images) ? wire.images.filter((u): u is string => typeof u === 'string') : typeof wire.images === 'string' ? [wire.images] : [];
  const quantity = typeof wire.quantity === 'boolean' ? null : toNumber(wire.quantity);
  return {
    id: String(wire.id),
    retailerId: str(wire.retailerId),
    name: wire.name ?? '',
    description: str(wire.description),
    price: toNumber(wire.price),
    salePrice: toNumber(wire.salePrice),
    currency: str(wire.currency),
    imageUrls: images,
    isHidden: wire.isHidden === undefined || wire.isHidden === null ? null : toBool(wire.isHidden),
    url: str(wire.url),
    availability: str(wire.availability),
    quantity,
  };
}

/** A collection → {@link Collection} (z-api.txt 10293-10363). */
export function toCollection(wire: ZapiCollection): Collection {
  return { id: String(wire.id), name: wire.name, status: str(wire.status) };
}

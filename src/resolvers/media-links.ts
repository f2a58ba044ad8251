import type { GraphContext } from '../context.js';
import type { MediaRef } from '../media/links.js';
import type { Media, MessageContent } from '../providers/model.js';

/** The content kinds that carry a file (`url` / `mediaId`). */
const MEDIA_KINDS: ReadonlySet<MessageContent['kind']> = new Set(['image', 'audio', 'video', 'document', 'sticker']);

/** Whether a string is an http(s) URL (a `data:` URI or a bare id is not linked). */
function isHttpUrl(url: string | null | undefined): url is string {
  if (typeof url !== 'string' || !/^https?:\/\//i.test(url)) return false;
  try {
    return new URL(url).hostname !== '';
  } catch {
    return false;
  }
}

/**
 * What a media link of `instanceId` should name: the provider's media id when the instance's
 * provider serves files by id (`GET_MEDIA`: the route fetches with the instance's credentials),
 * else the provider's http(s) URL; null when there is neither (a `data:` URI stays as it is).
 */
function refOf(ctx: GraphContext, instanceId: string, mediaId: string | null | undefined, url: string | null | undefined): MediaRef | null {
  if (mediaId && ctx.services.instances.find(instanceId)?.adapter.capabilities.has('GET_MEDIA')) return { instanceId, mediaId };
  if (isHttpUrl(url)) return { instanceId, url };
  return null;
}

/**
 * A message content as the graph shows it: for a content that carries a file, `url` becomes a
 * signed link to the server's media route and `expiresAt` its expiry (issue 10: no client ever
 * gets a provider URL or needs a credential); other contents pass unchanged.
 */
export function withMediaLinks(content: MessageContent, instanceId: string, ctx: GraphContext): MessageContent & { expiresAt?: number | null } {
  if (!MEDIA_KINDS.has(content.kind)) return content;
  const file = content as MessageContent & { url?: string | null; mediaId?: string | null };
  const ref = refOf(ctx, instanceId, file.mediaId, file.url);
  if (!ref) return { ...content, expiresAt: null };
  const link = ctx.services.mediaLinks.sign(ref, ctx.origin);
  return { ...file, url: link.url, expiresAt: link.expiresAt } as MessageContent & { expiresAt: number };
}

/** A {@link Media} of `instanceId` with its `url` a signed media-route link and `expiresAt` beside it. */
export function mediaWithLink(media: Media, instanceId: string, ctx: GraphContext): Media & { url: string; expiresAt: number } {
  const link = ctx.services.mediaLinks.sign(media.url && isHttpUrl(media.url) ? { instanceId, url: media.url } : { instanceId, mediaId: media.id }, ctx.origin);
  return { ...media, url: link.url, expiresAt: link.expiresAt };
}

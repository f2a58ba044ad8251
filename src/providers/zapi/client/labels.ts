import { badInput } from '../../../errors.js';
import type { LabelsPort } from '../../contract.js';
import { encodePath, type ProviderHttpClient } from '../../http.js';
import type { Label, LabelColor, LabelInput } from '../../model.js';
import { toBool, toLabel, toLabelColors } from '../mapping.js';
import type { ZapiSuccessResponse, ZapiValueResponse } from '../wire/common.js';
import type { ZapiCreateTagResponse, ZapiTag, ZapiTagBody, ZapiTagColors } from '../wire/labels.js';

/**
 * Z-API labels ("tags", WhatsApp Business only) as documented (z-api.txt 9851-10190), on the
 * instance's {@link ProviderHttpClient}. Each method sends exactly the documented method,
 * path and body; throws `ProviderError` only.
 */
export class ZapiLabelsClient {
  constructor(private readonly http: ProviderHttpClient) {}

  /** `GET /tags` (z-api.txt 9851-9906): every label, as a JSON array. */
  tags(): Promise<ZapiTag[] | null> {
    return this.http.request<ZapiTag[] | null>({ operation: 'tags', method: 'GET', path: '/tags' });
  }

  /** `GET /business/tags/colors` (z-api.txt 9907-9954): colour index → hex code. */
  tagColors(): Promise<ZapiTagColors | null> {
    return this.http.request<ZapiTagColors | null>({ operation: 'tag-colors', method: 'GET', path: '/business/tags/colors' });
  }

  /** `POST /business/create-tag` {name, color?} (z-api.txt 9955-10015): answers `{"id": "10"}`. */
  createTag(body: ZapiTagBody): Promise<ZapiCreateTagResponse> {
    return this.http.request<ZapiCreateTagResponse>({ operation: 'create-tag', method: 'POST', path: '/business/create-tag', body });
  }

  /** `POST /business/edit-tag/{id}` {name, color?} (z-api.txt 10016-10082): answers `{"success": true}`. */
  editTag(tagId: string, body: ZapiTagBody): Promise<ZapiSuccessResponse | null> {
    return this.http.request<ZapiSuccessResponse | null>({ operation: 'edit-tag', method: 'POST', path: encodePath`/business/edit-tag/${tagId}`, body });
  }

  /** `DELETE /business/tag/{id}` (z-api.txt 10083-10131): answers `{"success": true}`. */
  deleteTag(tagId: string): Promise<ZapiSuccessResponse | null> {
    return this.http.request<ZapiSuccessResponse | null>({ operation: 'delete-tag', method: 'DELETE', path: encodePath`/business/tag/${tagId}` });
  }

  /** `PUT /chats/{phone}/tags/{tag}/add`, no body (z-api.txt 10132-10160): answers `{"value": true}`. */
  addChatTag(phone: string, tagId: string): Promise<ZapiValueResponse | null> {
    return this.http.request<ZapiValueResponse | null>({ operation: 'chat-tag-add', method: 'PUT', path: encodePath`/chats/${phone}/tags/${tagId}/add` });
  }

  /** `PUT /chats/{phone}/tags/{tag}/remove`, no body (z-api.txt 10161-10190): answers `{"value": true}`. */
  removeChatTag(phone: string, tagId: string): Promise<ZapiValueResponse | null> {
    return this.http.request<ZapiValueResponse | null>({ operation: 'chat-tag-remove', method: 'PUT', path: encodePath`/chats/${phone}/tags/${tagId}/remove` });
  }
}

/**
 * The `color` of a tag body: a colour index, "Key (index) of the desired color" (z-api.txt
 * 9982, 10045), so a whole number from 0.
 * @throws GraphError BAD_USER_INPUT (`input.colorIndex`)
 */
function tagBody(input: LabelInput): ZapiTagBody {
  const body: ZapiTagBody = { name: input.name };
  if (input.colorIndex !== null && input.colorIndex !== undefined) {
    if (!Number.isInteger(input.colorIndex) || input.colorIndex < 0) throw badInput('input.colorIndex', 'must be a colour index (a whole number from 0, see Instance.labelColors)');
    body.color = input.colorIndex;
  }
  return body;
}

/**
 * The {@link LabelsPort} on {@link ZapiLabelsClient}.
 * @throws GraphError BAD_USER_INPUT before any request for a bad colour index; ProviderError from the call
 */
export function createZapiLabelsPorts(client: ZapiLabelsClient): LabelsPort {
  return {
    async listLabels(): Promise<Label[]> {
      return ((await client.tags()) ?? []).map(toLabel);
    },
    async listLabelColors(): Promise<LabelColor[]> {
      return toLabelColors(await client.tagColors());
    },
    async createLabel(input: LabelInput): Promise<Label> {
      const body = tagBody(input);
      const res = await client.createTag(body);
      return { id: String(res.id), name: input.name, colorIndex: body.color ?? null };
    },
    async updateLabel(labelId: string, input: LabelInput): Promise<boolean> {
      return toBool((await client.editTag(labelId, tagBody(input)))?.success);
    },
    async deleteLabel(labelId: string): Promise<boolean> {
      return toBool((await client.deleteTag(labelId))?.success);
    },
    async assignLabel(chatId: string, labelId: string): Promise<boolean> {
      return toBool((await client.addChatTag(chatId, labelId))?.value);
    },
    async unassignLabel(chatId: string, labelId: string): Promise<boolean> {
      return toBool((await client.removeChatTag(chatId, labelId))?.value);
    },
  };
}

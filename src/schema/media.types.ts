import { Field, ID, Int, ObjectType } from 'type-graphql';
import { Node } from './node.types.js';
import { DateTimeScalar } from './scalars.js';

/** A media file received in a message (`Instance.media(id)`), shaped as `providers/model.ts` `Media`. */
@ObjectType({ implements: Node, description: 'A media file received in a message, fetched by the `mediaId` of its content.' })
export class Media implements Node {
  @Field(() => ID) id!: string;
  /** The file's instance (set by the resolver; the scope of its global id). */
  instanceId?: string;
  @Field(() => String, { nullable: true }) mimeType?: string | null;
  @Field(() => Int, { nullable: true, description: 'Bytes.' }) sizeBytes?: number | null;
  @Field(() => String, { description: "A signed link to this server's media route: loadable with no header (an `<img src>`), with range support, until `expiresAt`." })
  url!: string;
  @Field(() => DateTimeScalar, { description: 'When `url` stops working (403 after it).' }) expiresAt!: number;
}

import { Field, ID, Int, ObjectType } from 'type-graphql';

/** A media file received in a message (`Instance.media(id)`), shaped as `providers/model.ts` `Media`. */
@ObjectType({ description: 'A media file received in a message, fetched by the `mediaId` of its content.' })
export class Media {
  @Field(() => ID) id!: string;
  @Field(() => String, { nullable: true }) mimeType?: string | null;
  @Field(() => Int, { nullable: true, description: 'Bytes.' }) sizeBytes?: number | null;
  @Field(() => String, { description: 'A URL the client can use as is (a `data:` URI when the provider serves the file only behind its credentials).' }) url!: string;
}

import 'reflect-metadata';
import { describe, expect, it } from 'vitest';
import { graphql, type GraphQLObjectType } from 'graphql';
import { Arg, Ctx, Field, FieldResolver, ID, InputType, Mutation, ObjectType, Query, Resolver, Root, UseMiddleware, buildSchema } from 'type-graphql';
import { directResolvers } from '../../src/resolvers/direct-resolvers.js';
import { buildGraphSchema } from '../../src/graph.js';

/** src/resolvers/direct-resolvers.ts: root fields call their method directly only where type-graphql's conversion changes nothing. */

@InputType()
class PlainInput {
  @Field(() => ID) id!: string;
  @Field(() => String, { nullable: true }) note?: string | null;
  @Field(() => [PlainItem], { nullable: true }) items?: PlainItem[] | null;
}

@InputType()
class PlainItem {
  @Field(() => String) name!: string;
}

@InputType()
class WithDefault {
  @Field(() => String, { nullable: true }) mode?: string = 'fast';
}

@InputType()
class WithMethod {
  @Field(() => String) name!: string;
  shout(): string {
    return this.name.toUpperCase();
  }
}

@ObjectType()
class Thing {
  @Field(() => String) name!: string;
}

@Resolver(() => Thing)
class ThingResolver {
  @FieldResolver(() => String)
  upper(@Root() thing: Thing, @Arg('suffix', () => String, { nullable: true }) suffix?: string | null): string {
    return `${thing.name.toUpperCase()}${suffix ?? ''}`;
  }
}

@Resolver()
class TestResolver {
  @Query(() => Thing)
  thing(): Thing {
    return { name: 'abc' };
  }

  @Query(() => String)
  plain(@Arg('input', () => PlainInput) input: PlainInput, @Ctx() ctx: { who: string }): string {
    return JSON.stringify({ input, keys: Object.keys(input), who: ctx.who, items: input.items ?? null });
  }

  @Mutation(() => String)
  scalar(@Arg('n', () => Number) n: number, @Arg('tags', () => [String], { nullable: true }) tags?: string[] | null): string {
    return `${n}:${(tags ?? []).join(',')}`;
  }

  @Mutation(() => String)
  defaulted(@Arg('input', () => WithDefault) input: WithDefault): string {
    return input.mode ?? 'none';
  }

  @Mutation(() => String)
  method(@Arg('input', () => WithMethod) input: WithMethod): string {
    return input.shout();
  }

  @Mutation(() => String)
  @UseMiddleware(async (_data, next) => `mw:${String(await next())}`)
  wrapped(): string {
    return 'inner';
  }
}

async function schemaOf() {
  return directResolvers(await buildSchema({ resolvers: [TestResolver, ThingResolver], validate: false }), [TestResolver, ThingResolver]);
}

function isDirect(field: object): boolean {
  return Object.getOwnPropertySymbols(field).some((s) => s.description === 'whatsgraph.directResolver');
}

describe('directResolvers', () => {
  it('takes plain inputs, scalars, the context and an untyped root directly; keeps type-graphql for defaults, methods and middleware', async () => {
    const schema = await schemaOf();
    const q = schema.getQueryType()!.getFields();
    const m = schema.getMutationType()!.getFields();
    expect(isDirect(q.plain!)).toBe(true);
    expect(isDirect(m.scalar!)).toBe(true);
    expect(isDirect(m.defaulted!)).toBe(false);
    expect(isDirect(m.method!)).toBe(false);
    expect(isDirect(m.wrapped!)).toBe(false);
    const thing = schema.getType('Thing') as GraphQLObjectType;
    expect(isDirect(thing.getFields().upper!)).toBe(true);
  });

  it('answers as type-graphql does for each kind of field', async () => {
    const direct = await schemaOf();
    const plain = await buildSchema({ resolvers: [TestResolver, ThingResolver], validate: false });
    const run = async (source: string) => {
      const [a, b] = await Promise.all([direct, plain].map((schema) => graphql({ schema, source, contextValue: { who: 'me' } })));
      expect(a).toEqual(b);
      return a!;
    };
    const res = await run('{ plain(input: { id: "x", items: [{ name: "a" }] }) }');
    expect(JSON.parse((res.data as { plain: string }).plain)).toEqual({ input: { id: 'x', items: [{ name: 'a' }] }, keys: ['id', 'items'], who: 'me', items: [{ name: 'a' }] });
    expect((await run('{ thing { name upper(suffix: "!") plain: upper } }')).data).toEqual({ thing: { name: 'abc', upper: 'ABC!', plain: 'ABC' } });
    await run('mutation { scalar(n: 3, tags: ["a", "b"]) }');
    await run('mutation { defaulted(input: {}) }');
    await run('mutation { method(input: { name: "hey" }) }');
    expect((await run('mutation { wrapped }')).data).toEqual({ wrapped: 'mw:inner' });
  });

  it("covers the graph's sends: every send mutation of whatsgraph calls its method directly", async () => {
    const schema = await buildGraphSchema();
    const sends = Object.values(schema.getMutationType()!.getFields()).filter((f) => f.name.startsWith('send'));
    expect(sends.length).toBeGreaterThan(10);
    expect(sends.filter((f) => !isDirect(f)).map((f) => f.name)).toEqual([]);
  });
});

import { describe, expect, it } from 'vitest';
import { asksForLegacyJson, negotiatedResponseType } from '../../src/server/response-status.js';

describe('negotiatedResponseType (Apollo’s choice between the two GraphQL response types)', () => {
  it.each([
    [undefined, 'application/json'],
    ['', 'application/json'],
    ['*/*', 'application/json'],
    ['application/*', 'application/json'],
    ['application/json', 'application/json'],
    ['application/graphql-response+json', 'application/graphql-response+json'],
    ['application/graphql-response+json, application/json', 'application/graphql-response+json'],
    ['application/json, application/graphql-response+json', 'application/json'],
    ['application/graphql-response+json, application/json;q=0.9', 'application/graphql-response+json'],
    ['application/json;q=0.5, */*', 'application/graphql-response+json'],
    ['application/json;q=0', null],
    ['text/html', null],
    ['application/json; charset=utf-8', 'application/json'],
    ['application/json; charset=UTF-8', 'application/json'],
    ['application/json; charset=latin1', null],
    ['application/json; charset=*', 'application/json'],
    ['application/json; callbackSpec=1.0', 'application/json; callbackSpec=1.0'],
  ])('%s → %s', (accept, expected) => {
    expect(negotiatedResponseType(accept)).toBe(expected);
  });
});

describe('asksForLegacyJson (who gets 200 for a request error)', () => {
  it.each([
    ['application/json', true],
    ['application/json, text/plain, */*', true],
    [undefined, false],
    ['*/*', false],
    ['application/*', false],
    ['application/graphql-response+json', false],
    ['application/graphql-response+json, application/json;q=0.9', false],
    ['application/json; charset=utf-8', true],
    ['application/json; callbackSpec=1.0', false],
    ['text/html', false],
  ])('%s → %s', (accept, expected) => {
    expect(asksForLegacyJson(accept)).toBe(expected);
  });
});

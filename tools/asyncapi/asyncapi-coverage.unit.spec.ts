// The one AsyncAPI document covers every topic: each published event type (every version the
// registry has) is a message of its context's channel whose payload references its JSON
// Schema file, never a copy; every topic has its `<topic>.dlq` channel with the dead-letter
// headers the platform writes.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import {
  ALL_TOPICS,
  PUBLISHED_EVENT_SCHEMAS,
  SIGNATURE_HEADERS,
  deadLetterTopic,
} from '@santunan/contracts';
import { DEAD_LETTER_HEADERS, DEAD_LETTER_REASON_CODES, EVENT_HEADERS } from '@santunan/platform';

type Json = { readonly [key: string]: unknown };
interface Channel {
  readonly address: string;
  readonly messages: Readonly<Record<string, { readonly $ref: string }>>;
}
interface Message {
  readonly name: string;
  readonly title: string;
  readonly traits?: readonly { readonly $ref: string }[];
  readonly headers?: { readonly $ref: string };
  readonly payload: Json & { readonly schema?: { readonly $ref: string } };
}
interface Document {
  readonly channels: Readonly<Record<string, Channel>>;
  readonly operations: Readonly<
    Record<string, { readonly action: string; readonly channel: { readonly $ref: string } }>
  >;
  readonly components: {
    readonly messages: Readonly<Record<string, Message>>;
    readonly schemas: Readonly<Record<string, Json>>;
  };
}

const ROOT = path.resolve(__dirname, '../..');
const FILE = path.join(ROOT, 'docs/asyncapi/santunan.asyncapi.yaml');
const document = parse(readFileSync(FILE, 'utf8')) as Document;

const channelAt = (address: string): Channel | undefined =>
  Object.values(document.channels).find((channel) => channel.address === address);
const messageOf = (ref: string): Message | undefined =>
  document.components.messages[ref.replace('#/components/messages/', '')];

/** The current version of a type is the message named as the type; an earlier one `<Type>V<n>`. */
function messageKeyOf(entry: (typeof PUBLISHED_EVENT_SCHEMAS)[number]): string {
  const newest = Math.max(
    ...PUBLISHED_EVENT_SCHEMAS.filter((other) => other.type === entry.type).map(
      (other) => other.schemaVersion,
    ),
  );
  return entry.schemaVersion === newest ? entry.type : `${entry.type}V${entry.schemaVersion}`;
}

describe('docs/asyncapi/santunan.asyncapi.yaml', () => {
  it('has a channel for every topic and for its dead-letter topic, and nothing else', () => {
    const addresses = Object.values(document.channels)
      .map((channel) => channel.address)
      .sort();
    expect(addresses).toEqual(
      ALL_TOPICS.flatMap((topic) => [topic, deadLetterTopic(topic)]).sort(),
    );
  });

  it.each(PUBLISHED_EVENT_SCHEMAS.map((entry) => [messageKeyOf(entry), entry] as const))(
    '%s is a message of its topic, its payload the JSON Schema file',
    (key, entry) => {
      const type = entry.type;
      const reference = channelAt(entry.topic)?.messages[key];
      expect(reference).toEqual({ $ref: `#/components/messages/${key}` });
      const message = messageOf(reference?.$ref ?? '');
      expect(message?.name).toBe(type);
      expect(message?.title).toBe(`${type} v${entry.schemaVersion}`);
      expect(message?.traits).toEqual([
        { $ref: `#/components/messageTraits/${entry.context}Envelope` },
      ]);
      expect(message?.payload['schemaFormat']).toBe('application/schema+json;version=draft-07');
      const schemaFile = path.resolve(path.dirname(FILE), message?.payload.schema?.$ref ?? '');
      expect(path.relative(ROOT, schemaFile)).toBe(entry.file);
    },
  );

  it('lists on each event topic exactly the types the registry has for it', () => {
    for (const topic of new Set(PUBLISHED_EVENT_SCHEMAS.map((entry) => entry.topic))) {
      const types = PUBLISHED_EVENT_SCHEMAS.filter((entry) => entry.topic === topic).map(
        messageKeyOf,
      );
      expect([topic, Object.keys(channelAt(topic)?.messages ?? {}).sort()]).toEqual([
        topic,
        [...new Set(types)].sort(),
      ]);
    }
  });

  it('describes the event headers the outbox relay writes', () => {
    const headers = document.components.schemas['eventHeaders'] as {
      properties: Json;
      required: string[];
    };
    const written = [...Object.values(EVENT_HEADERS), ...Object.values(SIGNATURE_HEADERS)];
    expect(Object.keys(headers.properties).sort()).toEqual(written.sort());
    expect(headers.required).toEqual(expect.arrayContaining(Object.values(SIGNATURE_HEADERS)));
  });

  it('gives every dead-letter topic the dead-letter message and the headers the consumers write', () => {
    for (const topic of ALL_TOPICS) {
      const channel = channelAt(deadLetterTopic(topic));
      expect([topic, Object.values(channel?.messages ?? {})]).toEqual([
        topic,
        [{ $ref: '#/components/messages/DeadLetter' }],
      ]);
      const sender = Object.values(document.operations).find(
        (operation) =>
          operation.action === 'send' &&
          document.channels[operation.channel.$ref.replace('#/channels/', '')] === channel,
      );
      expect([topic, sender?.action]).toEqual([topic, 'send']);
    }
    expect(document.components.messages['DeadLetter']?.headers).toEqual({
      $ref: '#/components/schemas/deadLetterHeaders',
    });
    const headers = document.components.schemas['deadLetterHeaders'] as {
      properties: Record<string, Json>;
      required: string[];
    };
    expect(Object.keys(headers.properties).sort()).toEqual(
      Object.values(DEAD_LETTER_HEADERS).sort(),
    );
    expect(headers.required.sort()).toEqual(
      Object.values(DEAD_LETTER_HEADERS)
        .filter((header) => header !== DEAD_LETTER_HEADERS.keyAbsent)
        .sort(),
    );
    expect(headers.properties[DEAD_LETTER_HEADERS.reasonCode]?.['enum']).toEqual([
      ...DEAD_LETTER_REASON_CODES,
    ]);
  });

  it('references every message it defines from a channel', () => {
    const referenced = new Set(
      Object.values(document.channels).flatMap((channel) =>
        Object.values(channel.messages).map((message) => message.$ref),
      ),
    );
    for (const name of Object.keys(document.components.messages)) {
      expect([name, referenced.has(`#/components/messages/${name}`)]).toEqual([name, true]);
    }
  });
});

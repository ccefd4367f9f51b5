/**
 * The message kind of a per-message row, read into BILLED_BREAKDOWN's kinds so the reconciliation prices Atom's
 * log by Meta's rules. Atom does not document how its exports name kinds (atom.md §2.6): the kind names themselves
 * and their usual Spanish words are accepted, compared like headers (case, accents, spacing, "_" ignored).
 */
import { KIND_NAMES } from '../core/pricing/message-kinds';
import { foldHeader } from './fields';

export type MessageKind = (typeof KIND_NAMES)[number];

const WORDS: Record<MessageKind, readonly string[]> = {
  user: ['usuario', 'cliente', 'customer', 'mensajedelusuario', 'mensajedelcliente'],
  user_ad: ['usuarioanuncio', 'anuncio', 'clicktowhatsapp', 'ctwa'],
  marketing: ['mercadeo'],
  utility: ['utilidad', 'utilidades'],
  authentication: ['autenticacion'],
  authentication_international: ['autenticacioninternacional'],
  service: ['servicio'],
};

const BY_WORD = new Map<string, MessageKind>(
  KIND_NAMES.flatMap((kind) =>
    [foldHeader(kind), ...WORDS[kind]].map((w): [string, MessageKind] => [w, kind]),
  ),
);

export const MESSAGE_KIND_LIST = KIND_NAMES.join(', ');

/** The kind a cell names, '' for a blank cell, undefined for a word that is no kind. */
export function messageKindOf(text: string): MessageKind | '' | undefined {
  const folded = foldHeader(text);
  return folded === '' ? '' : BY_WORD.get(folded);
}

export function isMessageKind(value: unknown): value is MessageKind {
  return typeof value === 'string' && (KIND_NAMES as readonly string[]).includes(value);
}

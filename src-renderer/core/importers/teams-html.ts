import { Parser } from 'htmlparser2';

/** Tags that end a line of text when Teams renders a message. */
const BLOCK = new Set(['p', 'div', 'br', 'li', 'tr', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'blockquote', 'pre', 'hr']);
/** Tags whose content is never text a person wrote. */
const HIDDEN = new Set(['style', 'script', 'attachment', 'systemeventmessage']);

export interface TeamsText {
  text: string;
  /** Names of the people `<at>` tags mention, as they appear after the `@` in `text`. */
  mentions: string[];
  /** `href`s of the links in the body, with their text. */
  links: { url: string; label: string }[];
}

/**
 * A Graph chatMessage body (`contentType: html`) as plain text. The HTML is parsed, never
 * rendered: `<at>` mentions become "@Name", emoji images their alt text, blocks new lines, and
 * entities are decoded by the parser.
 */
export function teamsHtmlToText(html: string): TeamsText {
  let text = '';
  let hidden = 0;
  let mention: string | null = null;
  let link: { url: string; label: string } | null = null;
  const mentions: string[] = [];
  const found: TeamsText['links'] = [];
  const newline = () => {
    if (text !== '' && !text.endsWith('\n')) text += '\n';
  };
  const parser = new Parser(
    {
      onopentag(name, attributes) {
        if (HIDDEN.has(name)) hidden++;
        if (hidden > 0) return;
        if (BLOCK.has(name)) newline();
        if (name === 'li') text += '• ';
        if (name === 'at') mention = '';
        if (name === 'a' && attributes.href) link = { url: attributes.href, label: '' };
        if ((name === 'img' || name === 'emoji') && attributes.alt) text += attributes.alt;
      },
      ontext(data) {
        if (hidden > 0) return;
        const startsMention = mention === '';
        if (mention !== null) mention += data;
        if (link) link.label += data;
        text += startsMention ? `@${data}` : data;
      },
      onclosetag(name) {
        if (HIDDEN.has(name)) {
          hidden = Math.max(0, hidden - 1);
          return;
        }
        if (hidden > 0) return;
        if (name === 'at' && mention !== null) {
          const who = mention.trim();
          if (who && !mentions.includes(who)) mentions.push(who);
          mention = null;
        }
        if (name === 'a' && link) {
          found.push({ url: link.url, label: link.label.trim() || link.url });
          link = null;
        }
        if (BLOCK.has(name)) newline();
      },
    },
    { decodeEntities: true, lowerCaseTags: true },
  );
  parser.write(html);
  parser.end();
  return {
    text: text
      .replace(/\u00a0/g, ' ')
      .replace(/[ \t]+\n/g, '\n')
      .replace(/\n{3,}/g, '\n\n')
      .trim(),
    mentions,
    links: found,
  };
}

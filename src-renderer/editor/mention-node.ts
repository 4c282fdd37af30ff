import {
  $applyNodeReplacement,
  TextNode,
  type EditorConfig,
  type LexicalNode,
  type NodeKey,
  type SerializedTextNode,
  type Spread,
} from 'lexical';

export type SerializedMentionNode = Spread<{ personId: string }, SerializedTextNode>;

/**
 * An @mention of a person. A token text node, so it is typed, deleted and selected as one unit
 * and its text stays "@Name" for search and plain-text rendering.
 */
export class MentionNode extends TextNode {
  __personId: string;

  static override getType(): string {
    return 'mention';
  }

  static override clone(node: MentionNode): MentionNode {
    return new MentionNode(node.__personId, node.__text, node.__key);
  }

  constructor(personId: string, text: string, key?: NodeKey) {
    super(text, key);
    this.__personId = personId;
  }

  static override importJSON(serialized: SerializedMentionNode): MentionNode {
    return $createMentionNode(serialized.personId, serialized.text.replace(/^@/, '')).updateFromJSON(serialized);
  }

  override exportJSON(): SerializedMentionNode {
    return { ...super.exportJSON(), personId: this.__personId };
  }

  override createDOM(config: EditorConfig): HTMLElement {
    const element = super.createDOM(config);
    element.classList.add('editor-mention');
    element.dataset.personId = this.__personId;
    return element;
  }

  getPersonId(): string {
    return this.getLatest().__personId;
  }

  /** The name without the leading "@". */
  getName(): string {
    return this.getTextContent().replace(/^@/, '');
  }

  override isTextEntity(): true {
    return true;
  }

  override canInsertTextBefore(): boolean {
    return false;
  }

  override canInsertTextAfter(): boolean {
    return false;
  }
}

export function $createMentionNode(personId: string, name: string): MentionNode {
  const node = new MentionNode(personId, `@${name}`);
  node.setMode('token').toggleDirectionless();
  return $applyNodeReplacement(node);
}

export function $isMentionNode(node: LexicalNode | null | undefined): node is MentionNode {
  return node instanceof MentionNode;
}

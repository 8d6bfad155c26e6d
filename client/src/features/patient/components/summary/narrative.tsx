/**
 * A section's « Texte original »: the BFF's whitelisted node tree, rendered as React elements — never as HTML.
 * Text stays text (React escapes it), so a document writing "<script>" shows those characters and nothing
 * runs. On the way the tree is made valid HTML, so that the browser does not restructure it behind React's
 * back: a paragraph holding a list or a table becomes a block, loose rows get a row group, a list's stray
 * content gets an item, a table's stray content gets a row.
 */
import type { ReactNode } from 'react';
import type { NarrativeNode, NarrativeNodeType } from '@sesali/shared';

const INLINE: ReadonlySet<NarrativeNodeType> = new Set(['content', 'sub', 'sup', 'footnote']);
const ROW_GROUPS: ReadonlySet<NarrativeNodeType> = new Set(['thead', 'tbody', 'tfoot']);

/** Whether a node is phrasing content all the way down (may sit inside a <p>). */
function isPhrasing(node: NarrativeNode): boolean {
  if (node.type === 'text' || node.type === 'br') return true;
  return INLINE.has(node.type) && (node.children ?? []).every(isPhrasing);
}

const isBlankText = (node: NarrativeNode) => node.type === 'text' && (node.text ?? '').trim() === '';

const STYLE_CLASSES = {
  Bold: 'sesali-narrative__bold',
  Italics: 'sesali-narrative__italics',
  Underline: 'sesali-narrative__underline',
  Emphasis: 'sesali-narrative__emphasis',
} as const;

function styleClass(node: NarrativeNode): string | undefined {
  const classes = (node.attributes?.styleCode ?? []).map((code) => STYLE_CLASSES[code]);
  return classes.length > 0 ? classes.join(' ') : undefined;
}

function renderChildren(node: NarrativeNode): ReactNode[] {
  return (node.children ?? []).map(renderNode);
}

function renderNode(node: NarrativeNode, key: number): ReactNode {
  const phrasing = (node.children ?? []).every(isPhrasing);
  switch (node.type) {
    case 'text':
      return node.text ?? '';
    case 'br':
      return <br key={key} />;
    case 'paragraph':
      return phrasing ? (
        <p key={key} className={styleClass(node)}>
          {renderChildren(node)}
        </p>
      ) : (
        <div key={key} className={['sesali-narrative__paragraph', styleClass(node)].filter(Boolean).join(' ')}>
          {renderChildren(node)}
        </div>
      );
    case 'content':
      return phrasing ? (
        <span key={key} className={styleClass(node)}>
          {renderChildren(node)}
        </span>
      ) : (
        <div key={key} className={styleClass(node)}>
          {renderChildren(node)}
        </div>
      );
    case 'sub':
      return <sub key={key}>{renderChildren(node)}</sub>;
    case 'sup':
      return <sup key={key}>{renderChildren(node)}</sup>;
    case 'footnote':
      return phrasing ? (
        <small key={key} className="sesali-narrative__footnote">
          {' '}
          [<span lang="fr">Note : </span>
          {renderChildren(node)}]
        </small>
      ) : (
        <div key={key} className="sesali-narrative__footnote">
          <span lang="fr">Note : </span>
          {renderChildren(node)}
        </div>
      );
    case 'list':
      return renderList(node, key);
    case 'table':
      return renderTable(node, key);
    case 'item':
    case 'caption':
    case 'thead':
    case 'tbody':
    case 'tfoot':
    case 'tr':
    case 'th':
    case 'td':
      // Out of place (the BFF places them, so only a malformed tree gets here): the content, in a block.
      return <div key={key}>{renderChildren(node)}</div>;
  }
}

function renderList(node: NarrativeNode, key: number): ReactNode {
  const items = (node.children ?? [])
    .filter((child) => !isBlankText(child))
    .map((child, i) => <li key={i}>{child.type === 'item' ? renderChildren(child) : renderNode(child, 0)}</li>);
  return node.attributes?.listType === 'ordered' ? <ol key={key}>{items}</ol> : <ul key={key}>{items}</ul>;
}

function renderTable(node: NarrativeNode, key: number): ReactNode {
  const children = (node.children ?? []).filter((child) => !isBlankText(child));
  const captions = children.filter((child) => child.type === 'caption');
  const groups: ReactNode[] = [];
  let looseRows: NarrativeNode[] = [];
  const flushLooseRows = () => {
    if (looseRows.length === 0) return;
    groups.push(<tbody key={`rows-${groups.length}`}>{looseRows.map((row, i) => renderRow(row, i, false))}</tbody>);
    looseRows = [];
  };
  for (const child of children) {
    if (child.type === 'caption') continue;
    if (child.type === 'tr') {
      looseRows.push(child);
    } else if (ROW_GROUPS.has(child.type)) {
      flushLooseRows();
      groups.push(renderRowGroup(child, groups.length));
    } else {
      looseRows.push({ type: 'tr', children: [{ type: 'td', children: [child] }] });
    }
  }
  flushLooseRows();
  return (
    <div key={key} className="sesali-narrative__table">
      <table>
        {captions.length > 0 ? <caption>{captions.flatMap((caption) => renderChildren(caption))}</caption> : null}
        {groups}
      </table>
    </div>
  );
}

function renderRowGroup(node: NarrativeNode, key: number): ReactNode {
  const inHead = node.type === 'thead';
  const rows = (node.children ?? [])
    .filter((child) => !isBlankText(child))
    .map((child, i) =>
      renderRow(child.type === 'tr' ? child : { type: 'tr', children: [{ type: 'td', children: [child] }] }, i, inHead),
    );
  if (node.type === 'thead') return <thead key={key}>{rows}</thead>;
  if (node.type === 'tfoot') return <tfoot key={key}>{rows}</tfoot>;
  return <tbody key={key}>{rows}</tbody>;
}

function renderRow(row: NarrativeNode, key: number, inHead: boolean): ReactNode {
  const cells = (row.children ?? [])
    .filter((child) => !isBlankText(child))
    .map((cell, i) => {
      const span = { colSpan: cell.attributes?.colspan, rowSpan: cell.attributes?.rowspan };
      if (cell.type === 'th') {
        return (
          <th key={i} scope={inHead ? 'col' : undefined} {...span}>
            {renderChildren(cell)}
          </th>
        );
      }
      if (cell.type === 'td') {
        return (
          <td key={i} {...span}>
            {renderChildren(cell)}
          </td>
        );
      }
      return <td key={i}>{renderNode(cell, 0)}</td>;
    });
  return <tr key={key}>{cells}</tr>;
}

/** A narrative as React elements; an empty one says so. */
export function Narrative({ nodes }: { nodes: NarrativeNode[] }) {
  if (nodes.length === 0) return <p lang="fr">Le document ne contient pas de texte pour cette section.</p>;
  return <>{nodes.map(renderNode)}</>;
}

/**
 * The annotations a document attaches to an entry, in its own language: shown as written, never translated, so
 * that a clinician reads every remark the sending country made.
 */
import { OriginalText } from './coded-value';

export function EntryComments({ comments }: { comments: string[] | undefined }) {
  return (comments ?? []).map((comment, i) => (
    <div key={i} className="sesali-comment">
      Commentaire : <OriginalText text={comment} />
    </div>
  ));
}

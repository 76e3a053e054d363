/** Load progress of the open article; gone once it is loaded. */
import './messages.css';
interface Props {
  readonly visible: boolean;
  readonly bytesRead: number;
  readonly totalBytes: number;
  readonly paragraphs: number;
}

export function ProgressBar({ visible, bytesRead, totalBytes, paragraphs }: Props) {
  if (!visible) return null;
  const percent = totalBytes > 0 ? Math.min(100, Math.round((bytesRead / totalBytes) * 100)) : 0;
  return (
    <div
      className="progress"
      role="progressbar"
      aria-label="Loading article"
      aria-valuemin={0}
      aria-valuemax={100}
      aria-valuenow={percent}
      aria-valuetext={`${percent}%, ${paragraphs.toLocaleString()} paragraphs so far`}
    >
      <div className="progress__bar" style={{ width: `${percent}%` }} />
    </div>
  );
}

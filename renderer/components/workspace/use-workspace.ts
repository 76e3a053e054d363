/**
 * What has the workspace besides the article: a paragraph open in the editor, the save and export dialogs, and
 * the views that take the article's place (compare, the quality report, adjudication). Only one of those views
 * shows at a time, so opening one closes the others here rather than in each caller.
 */
import { useCallback, useMemo, useState } from 'react';
import type { RedlineClient } from '../../../shared/contract';
import { DraftWriter } from '../../state/draft-writer';
import type { ShortcutActions } from '../use-shortcuts';

/** The commands of the dispatcher that open the editor, the version dialogs and the views that take the workspace. */
export type WorkspaceCommands = Pick<
  ShortcutActions,
  'saveVersion' | 'exportArticle' | 'editParagraph' | 'compare' | 'report' | 'adjudicate'
>;

export interface Workspace {
  /** Sends the editor's drafts to the service; the dialogs wait for it so that they act on the text as typed. */
  readonly writer: DraftWriter;
  /** The paragraph open in the editor, if any. */
  readonly editing: number | undefined;
  stopEditing(): void;
  readonly saveOpen: boolean;
  closeSave(): void;
  readonly exportOpen: boolean;
  closeExport(): void;
  /** Compare's view, with the version it opened on the left (0: the one remembered for the article). */
  readonly compare: { readonly left: number } | undefined;
  openCompare(left: number): void;
  closeCompare(): void;
  readonly reportOpen: boolean;
  closeReport(): void;
  readonly adjudicating: boolean;
  closeAdjudication(): void;
  /** Compare and the report give the article back (the find bar searches the article, so it shows it). */
  showArticle(): void;
  /** A view other than the article has the workspace (see WorkspaceTakeover). */
  readonly takenOver: boolean;
  /** Keys that act on the article are off while a paragraph is edited or another view has the workspace. */
  readonly articleKeysOff: boolean;
  readonly commands: WorkspaceCommands;
}

interface Options {
  readonly client: RedlineClient;
  /** The paragraph in focus: Enter opens it in the editor. */
  readonly current: number;
}

export function useWorkspace({ client, current }: Options): Workspace {
  const writer = useMemo(() => new DraftWriter((r) => client.editParagraph(r)), [client]);
  const [editing, setEditing] = useState<number>();
  const [saveOpen, setSaveOpen] = useState(false);
  const [exportOpen, setExportOpen] = useState(false);
  const [compare, setCompare] = useState<{ readonly left: number }>();
  // The quality report replaces the article in the workspace, as the compare view does; the score panel stays beside it.
  const [reportOpen, setReportOpen] = useState(false);
  // Adjudication between raters takes the workspace too (Review > Adjudicate…, or from the report).
  const [adjudicating, setAdjudicating] = useState(false);

  const startAdjudication = useCallback(() => {
    setCompare(undefined);
    setReportOpen(false);
    setAdjudicating(true);
  }, []);
  const toggleReport = useCallback(() => {
    setCompare(undefined);
    setReportOpen((open) => !open);
  }, []);
  // Both dialogs act on the text as typed: drafts still on their way to disk go first.
  const openSaveVersion = useCallback(() => void writer.flush().then(() => setSaveOpen(true)), [writer]);
  const openExport = useCallback(() => void writer.flush().then(() => setExportOpen(true)), [writer]);

  return {
    writer,
    editing,
    stopEditing: () => setEditing(undefined),
    saveOpen,
    closeSave: () => setSaveOpen(false),
    exportOpen,
    closeExport: () => setExportOpen(false),
    compare,
    openCompare: (left) => setCompare({ left }),
    closeCompare: () => setCompare(undefined),
    reportOpen,
    closeReport: () => setReportOpen(false),
    adjudicating,
    closeAdjudication: () => setAdjudicating(false),
    showArticle: () => {
      setCompare(undefined);
      setReportOpen(false);
    },
    takenOver: !!compare || reportOpen || adjudicating,
    articleKeysOff: editing !== undefined || !!compare || reportOpen || adjudicating,
    commands: {
      saveVersion: openSaveVersion,
      exportArticle: openExport,
      editParagraph: () => setEditing(current),
      compare: () => {
        setReportOpen(false);
        setCompare({ left: 0 });
      },
      report: toggleReport,
      adjudicate: startAdjudication,
    },
  };
}

/**
 * The toolbar's version commands (save, compare, export, report), run through the app's one dispatcher; Compare
 * and Report show whether their view has the workspace.
 */
import type { ReviewView } from '../../../shared/contract';
import type { ToolbarCommand } from '../layout/OverflowMenu';
import type { Commands } from '../use-shortcuts';
import type { Workspace } from './use-workspace';

export function toolbarCommands(commands: Commands, workspace: Workspace, review: ReviewView | null): readonly ToolbarCommand[] {
  return [
    {
      label: 'Save version',
      title: 'Save a version of the whole article (Ctrl+S)',
      onRun: () => commands.run('save-version'),
      disabled: !review || !!review.readOnly,
    },
    {
      label: 'Compare',
      title: 'Compare two versions (C)',
      // The button also closes what it opened, as R does for the report.
      onRun: () => (workspace.compare ? workspace.closeCompare() : commands.run('compare')),
      disabled: !review,
      pressed: !!workspace.compare,
    },
    {
      label: 'Export…',
      title: 'Export the corrected article (Ctrl+Shift+E)',
      onRun: () => commands.run('export'),
      disabled: !review,
    },
    {
      label: 'Report',
      title: 'Quality report of the review (R)',
      onRun: () => commands.run('report'),
      disabled: !review,
      pressed: workspace.reportOpen,
    },
  ];
}

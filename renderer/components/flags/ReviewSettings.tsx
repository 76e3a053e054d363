/**
 * The review settings dialog as the open review answers it: the rater, the scoring settings and a typology file
 * are each their own request, made in that order, and the first failure stops the rest so the dialog can show it.
 */
import type { RedlineClient, ReviewView } from '../../../shared/contract';
import type { Failure, Result } from '../../../shared/result';
import type { ReviewChange } from '../../state/use-review';
import { SettingsDialog, type SettingsChanges } from './SettingsDialog';

interface Props {
  readonly client: RedlineClient;
  readonly review: ReviewView;
  readonly run: (action: () => Promise<Result<ReviewChange>>) => Promise<Failure | undefined>;
  readonly onClose: () => void;
}

export function ReviewSettings({ client, review, run, onClose }: Props) {
  const save = async (c: SettingsChanges): Promise<Failure | undefined> => {
    const id = review.reviewId;
    if (c.rater) {
      const f = await run(() => client.setRater({ reviewId: id, rater: c.rater! }));
      if (f) return f;
    }
    if (c.scoringProfile !== undefined || c.passThreshold !== undefined || c.builtInTypology || c.checksOff) {
      const f = await run(() =>
        client.changeSettings({
          reviewId: id,
          ...(c.scoringProfile ? { scoringProfile: c.scoringProfile } : {}),
          ...(c.passThreshold !== undefined ? { passThreshold: c.passThreshold } : {}),
          ...(c.builtInTypology ? { typology: 'mqm-core' as const } : {}),
          ...(c.checksOff ? { checksOff: c.checksOff } : {}),
        }),
      );
      if (f) return f;
    }
    if (c.typologyPath) return run(() => client.loadTypology({ reviewId: id, path: c.typologyPath! }));
    return undefined;
  };
  return <SettingsDialog review={review} onClose={onClose} onSave={save} />;
}

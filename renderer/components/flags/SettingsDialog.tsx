/**
 * Review settings: the reviewer's name, the scoring profile, the pass mark, the error typology, and which automatic
 * checks offer suggestions (kept with the review, so whoever reopens it is offered the same).
 */
import { useState } from 'react';
import type { ReviewView } from '../../../shared/contract';
import { CHECK_LABELS, CHECK_NAMES, type CheckName } from '../../../shared/checks/finding';
import type { Failure } from '../../../shared/result';
import { useModalDialog, FormError } from '../modal';
import { builtInTypology, isBuiltInTypology } from '../../../shared/typology/built-in';

/** What the reviewer changed in the dialog; what is left out stays as it was. */
export interface SettingsChanges {
  rater?: string;
  scoringProfile?: 'wmt' | 'wmt-legacy' | 'mqm-core';
  passThreshold?: number;
  typologyPath?: string;
  builtInTypology?: boolean;
  checksOff?: CheckName[];
}

interface Props {
  readonly review: ReviewView;
  readonly onSave: (changes: SettingsChanges) => Promise<Failure | undefined>;
  readonly onClose: () => void;
}

export function SettingsDialog({ review, onSave, onClose }: Props) {
  const ref = useModalDialog();
  const [rater, setRater] = useState(review.rater);
  const [profile, setProfile] = useState(review.settings.scoringProfile as 'wmt' | 'wmt-legacy' | 'mqm-core');
  const [threshold, setThreshold] = useState(String(review.settings.passThreshold));
  const [typologyPath, setTypologyPath] = useState('');
  const custom = !isBuiltInTypology(review.typology.name);
  const [builtIn, setBuiltIn] = useState(false);
  const [error, setError] = useState<string>();
  const initiallyOff = review.settings.checksOff ?? [];
  const [checksOff, setChecksOff] = useState<ReadonlySet<string>>(new Set(initiallyOff));
  const checksChanged = checksOff.size !== initiallyOff.length || initiallyOff.some((c) => !checksOff.has(c));

  const submit = async () => {
    const t = Number(threshold);
    if (!Number.isFinite(t) || t < 0 || t > 100) {
      setError('The pass mark is a number from 0 to 100.');
      return;
    }
    const failure = await onSave({
      ...(rater.trim() && rater.trim() !== review.rater ? { rater: rater.trim() } : {}),
      ...(profile !== review.settings.scoringProfile ? { scoringProfile: profile } : {}),
      ...(t !== review.settings.passThreshold ? { passThreshold: t } : {}),
      ...(typologyPath.trim() ? { typologyPath: typologyPath.trim() } : {}),
      ...(builtIn && !typologyPath.trim() ? { builtInTypology: true } : {}),
      ...(checksChanged ? { checksOff: CHECK_NAMES.filter((c) => checksOff.has(c)) } : {}),
    });
    if (failure) setError(failure.message);
    else ref.current?.close();
  };

  return (
    <dialog ref={ref} className="dialog" aria-label="Review settings" onClose={onClose}>
      <h2>Review settings</h2>
      <form
        className="settings-form"
        onSubmit={(e) => {
          e.preventDefault();
          void submit();
        }}
      >
        <label htmlFor="settings-rater">Your name (stamped on every flag)</label>
        <input id="settings-rater" value={rater} onChange={(e) => setRater(e.target.value)} autoFocus />
        <label htmlFor="settings-profile">Scoring profile</label>
        <select id="settings-profile" value={profile} onChange={(e) => setProfile(e.target.value as typeof profile)}>
          <option value="mqm-core">MQM-Core (per word, critical = 25)</option>
          <option value="wmt">WMT / Google MQM (source issues weigh 0)</option>
          <option value="wmt-legacy">WMT MQM 2020–2021 (source errors weighed like others)</option>
        </select>
        <label htmlFor="settings-threshold">Pass mark (MQM-Core quality score, 0–100)</label>
        <input id="settings-threshold" inputMode="decimal" value={threshold} onChange={(e) => setThreshold(e.target.value)} />
        <label htmlFor="settings-typology">
          Custom typology (path of a JSON file; leave empty to keep{' '}
          {custom ? `“${review.typology.name}”` : `the profile’s own, “${builtInTypology(profile).name}”`})
        </label>
        <input
          id="settings-typology"
          value={typologyPath}
          onChange={(e) => setTypologyPath(e.target.value)}
          placeholder="/path/to/typology.json"
          spellCheck={false}
        />
        {custom && (
          <label className="settings-form__check">
            <input type="checkbox" checked={builtIn} onChange={(e) => setBuiltIn(e.target.checked)} /> Go back to the built-in{' '}
            {builtInTypology(profile).name} typology
          </label>
        )}
        <fieldset className="settings-form__checks">
          <legend>Automatic checks that offer suggestions</legend>
          {CHECK_NAMES.map((c) => (
            <label key={c} className="settings-form__check" title={CHECK_LABELS[c].about}>
              <input
                type="checkbox"
                checked={!checksOff.has(c)}
                onChange={(e) => {
                  const next = new Set(checksOff);
                  if (e.target.checked) next.delete(c);
                  else next.add(c);
                  setChecksOff(next);
                }}
              />{' '}
              {CHECK_LABELS[c].label} <span className="settings-form__about">— {CHECK_LABELS[c].about}</span>
            </label>
          ))}
        </fieldset>
        <FormError message={error} />
        <div className="dialog__actions">
          <button type="button" onClick={() => ref.current?.close()}>
            Cancel
          </button>
          <button type="submit" className="primary">
            Save
          </button>
        </div>
      </form>
    </dialog>
  );
}

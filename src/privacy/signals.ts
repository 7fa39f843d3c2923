type PrivacySignals = { globalPrivacyControl?: unknown; doNotTrack?: unknown };

/** True when the visitor sends Global Privacy Control or Do Not Track ("1", or "yes" in old Firefox). */
export function wantsPrivacy(nav: Navigator | PrivacySignals = navigator): boolean {
  const n = nav as PrivacySignals;
  return n.globalPrivacyControl === true || n.doNotTrack === '1' || n.doNotTrack === 'yes';
}

/** English function words plus words every job ad uses; neither says anything about a skill. */
export const STOP_WORDS = new Set(
  `a about above after again against all also am an and any are as at be because been before being
  below between both but by can could did do does doing down during each either etc few for from
  further had has have having he her here hers herself him himself his how i if in into is it its
  itself just let me more most must my myself no nor not now of off on once only or other our ours
  ourselves out over own per same she should so some such than that the their theirs them
  themselves then there these they this those through to too under until up upon us very via was
  we well were what when where which while who whom why will with within without would you your
  yours yourself yourselves
  ability able apply applicant applicants benefit benefits bonus candidate candidates company
  competitive culture day days environment equal excellent experience experienced familiarity
  full good great help highly ideal ideally including join key knowledge looking make new nice
  offer opportunity opportunities plus position preferred proven required requirement requirements
  responsibilities responsibility role salary seeking skill skills strong successful team teams
  time understanding using work working year years`.split(/\s+/),
);

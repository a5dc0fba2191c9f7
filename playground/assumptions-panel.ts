/**
 * The assumptions panel: one labelled input per scenario field, in words,
 * grouped and collapsible, each showing its value, unit and source (from
 * describeAssumptions), fixed or uncertain (low / likely / high). Chances and
 * shares are entered and shown as percentages; the scenario keeps fractions.
 *
 * The page's one way in to the panel; its parts live in fields/, one job a file.
 */
export { type FieldCallbacks, renderField } from './fields/field';
export { closedGroups, filterFields, renderGroup } from './fields/group';
export { showIssues } from './fields/issues';
export { fieldId, fieldRows, groups, ownTouchpoints, shownValue, touchpointName, touchpoints } from './fields/rows';
export { displayScale, displayUnit, modelled, setFieldCurrency, shown, sliderRange, valueWords } from './fields/units';
export { fieldLabel, pageDescription, plainMessage, refreshSolvedFields, searchTerms, solvedWords } from './fields/words';

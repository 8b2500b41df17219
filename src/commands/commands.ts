/*
 * Ribbon commands page, kept in the yo office layout. The only ribbon button opens the task pane
 * (a ShowTaskpane action, no function to run), and with the shared runtime the manifest's
 * FunctionFile is taskpane.html, so Excel does not load this page today. If a button ever runs
 * code, register it with Office.actions.associate in the shared runtime, not here.
 */
Office.onReady(() => {
  // Nothing to initialise: no ExecuteFunction commands exist.
});

import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { createRoot } from "react-dom/client";
import { App } from "./App";
import { excelImportHost } from "./import-host";
import { excelPaneHost } from "./pane-host";

// Office APIs are unusable until Office.js has initialised, so nothing renders before onReady.
void Office.onReady(() => {
  const container = document.getElementById("container");
  if (!container) throw new Error("taskpane.html has no #container element");
  createRoot(container).render(
    <FluentProvider theme={webLightTheme}>
      <App host={excelPaneHost} importHost={excelImportHost} />
    </FluentProvider>
  );
});

import { configure } from "@testing-library/dom";
import { resetTypedValues } from "../../src/excel/cells";

/**
 * findBy/waitFor give up after 1 s by default; on a loaded 2-core CI machine a React render can take
 * longer than that. Waiting longer changes no assertion: a wrong screen still fails, later.
 */
configure({ asyncUtilTimeout: 10_000 });

/**
 * Each test is a new Excel session for src/excel/cells.ts: whether valuesAsJson works is learnt per
 * session (OfficeDev/office-js issue 4750), and one test's host must not decide for the next.
 */
beforeEach(() => resetTypedValues());

import { configure } from "@testing-library/dom";

/**
 * findBy/waitFor give up after 1 s by default; on a loaded 2-core CI machine a React render can take
 * longer than that. Waiting longer changes no assertion: a wrong screen still fails, later.
 */
configure({ asyncUtilTimeout: 10_000 });
